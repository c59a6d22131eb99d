// Asks the main side whether the data opened. Ready: the app (with a banner when read-only).
// Not: the recovery page, which says why and offers what fits.
import { useEffect, useState } from 'react';
import type { StartupState } from '../../../shared/startup-contract';
import { call } from '../api';
import { App } from '../app';
import { I18nProvider } from '../i18n';
import { ToastProvider } from '../components/toasts';
import { RecoveryPage } from './recovery-page';

export function StartupGate() {
  const [state, setState] = useState<StartupState | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('app.startup', {})
      .then(setState)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  if (error) {
    return (
      <div className="fatal" role="alert">
        <h1>VKZ kan niet starten</h1>
        <p>{error}</p>
      </div>
    );
  }
  if (!state) return <div className="loading" aria-busy="true" />;
  if (state.state === 'ready') return <App readOnly={state.readOnly} />;
  // The settings (and so the chosen language) are in the database that didn't open: Dutch.
  return (
    <I18nProvider lang="nl">
      <ToastProvider>
        <RecoveryPage state={state} onChange={setState} />
      </ToastProvider>
    </I18nProvider>
  );
}

// The app shell: loads settings (language, researcher name), then shows the library or a
// cycle's workspace.
import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '../../shared/domain';
import { AlignScreen } from './alignment/align-screen';
import { call } from './api';
import { ToastProvider } from './components/toasts';
import { ExportScreen } from './export/export-screen';
import { I18nProvider } from './i18n';
import { useRoute } from './route';
import { LibraryScreen } from './library/library-screen';
import { SettingsDialog } from './settings-dialog';
import { ReadOnlyBanner } from './startup/read-only-banner';
import { ReadOnlyProvider } from './startup/read-only';
import { MethodScreen } from './method/method-screen';
import { ReviewScreen } from './review/review-screen';
import { WorkspaceScreen } from './workspace/workspace-screen';

export function App({ readOnly = false }: { readOnly?: boolean }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const route = useRoute();

  useEffect(() => {
    call('settings.get', {})
      .then((s) => {
        setSettings(s);
        if (!s.authorName && !readOnly) setSettingsOpen(true); // who writes the notes: asked once, at first start
      })
      .catch((error: unknown) => setLoadError(error instanceof Error ? error.message : String(error)));
  }, [readOnly]);

  const openSettings = useCallback(() => setSettingsOpen(true), []);

  if (loadError) {
    return (
      <div className="fatal" role="alert">
        <h1>VKZ kan de gegevens niet openen</h1>
        <p>{loadError}</p>
      </div>
    );
  }
  if (!settings) return <div className="loading" aria-busy="true" />;

  return (
    <I18nProvider lang={settings.language}>
      <ReadOnlyProvider readOnly={readOnly}>
      <ToastProvider>
        {readOnly && <ReadOnlyBanner />}
        {route.screen === 'library' && <LibraryScreen onOpenSettings={openSettings} />}
        {route.screen === 'cycle' && route.view === 'analysis' && (
          <WorkspaceScreen key={route.cycleId} cycleId={route.cycleId} settings={settings} onOpenSettings={openSettings} />
        )}
        {route.screen === 'cycle' && route.view === 'export' && (
          <ExportScreen key={route.cycleId} cycleId={route.cycleId} settings={settings} onOpenSettings={openSettings} />
        )}
        {route.screen === 'cycle' && route.view === 'align' && (
          <AlignScreen key={route.cycleId} cycleId={route.cycleId} settings={settings} onOpenSettings={openSettings} />
        )}
        {route.screen === 'cycle' && route.view !== 'analysis' && route.view !== 'export' && route.view !== 'align' && (
          <MethodScreen
            key={route.cycleId}
            cycleId={route.cycleId}
            view={route.view}
            settings={settings}
            onOpenSettings={openSettings}
          />
        )}
        {route.screen === 'review' && <ReviewScreen key={route.cycleId} cycleId={route.cycleId} source={route.source} />}
        {settingsOpen && (
          <SettingsDialog settings={settings} onSaved={setSettings} onClose={() => setSettingsOpen(false)} />
        )}
      </ToastProvider>
      </ReadOnlyProvider>
    </I18nProvider>
  );
}

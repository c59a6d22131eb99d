// Shown instead of the app when the data folder can't be opened: what went wrong in words a
// researcher understands, and the choices that fit that failure.
import { useState } from 'react';
import type { StartupFailureCode, StartupState } from '../../../shared/startup-contract';
import { call } from '../api';
import { useToasts } from '../components/toasts';
import { useI18n, type TextKey } from '../i18n';
import { BackupList } from './backup-list';

type Failed = Extract<StartupState, { state: 'failed' }>;
type Choice = 'restore' | 'retry' | 'readOnly' | 'chooseFolder' | 'quit';

/** What the user can do about each failure, in the order offered. */
const CHOICES: Record<StartupFailureCode, Choice[]> = {
  corrupt: ['restore', 'chooseFolder', 'quit'],
  'newer-version': ['readOnly', 'chooseFolder', 'quit'],
  'no-access': ['retry', 'chooseFolder', 'quit'],
  'disk-full': ['retry', 'chooseFolder', 'quit'],
  locked: ['retry', 'quit'],
  'open-failed': ['retry', 'restore', 'chooseFolder', 'quit'],
};

export function RecoveryPage({ state, onChange }: { state: Failed; onChange: (state: StartupState) => void }) {
  const { t } = useI18n();
  const { reportError, notify } = useToasts();
  const [busy, setBusy] = useState(false);
  const [quitting, setQuitting] = useState(false);
  const code = state.failure.code;
  const choices = CHOICES[code];

  const act = async (run: () => Promise<StartupState>) => {
    setBusy(true);
    try {
      const next = await run();
      if (next.state === 'failed' && next.failure.code === code && next.dataDir === state.dataDir) {
        notify({ kind: 'error', text: t('recovery.stillFailing') });
      }
      onChange(next);
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  if (quitting) {
    return (
      <main className="recovery" aria-labelledby="recovery-title">
        <h1 id="recovery-title">{t('recovery.quitting')}</h1>
      </main>
    );
  }

  return (
    <main className="recovery" aria-labelledby="recovery-title" data-failure={code}>
      <h1 id="recovery-title">{t(`recovery.${code}.title` as TextKey)}</h1>
      <p className="recovery-text" role="alert">
        {t(`recovery.${code}.text` as TextKey)}
      </p>
      <p className="recovery-folder">{t('recovery.folder', { path: state.dataDir })}</p>

      {choices.includes('restore') && (
        <section aria-labelledby="recovery-backups">
          <h2 id="recovery-backups">{t('recovery.backupsTitle')}</h2>
          <BackupList
            backups={state.backups}
            disabled={busy}
            onRestore={(id) => act(() => call('backups.restore', { id }))}
          />
        </section>
      )}

      <div className="recovery-actions">
        {choices.includes('readOnly') && (
          <button type="button" className="primary" disabled={busy} onClick={() => act(() => call('startup.openReadOnly', {}))}>
            {t('recovery.openReadOnly')}
          </button>
        )}
        {choices.includes('retry') && (
          <button type="button" className="primary" disabled={busy} onClick={() => act(() => call('startup.retry', {}))}>
            {t('recovery.retry')}
          </button>
        )}
        {choices.includes('chooseFolder') && (
          <button type="button" disabled={busy} onClick={() => act(() => call('startup.chooseDataFolder', {}))}>
            {t('recovery.chooseFolder')}
          </button>
        )}
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            setQuitting(true);
            void call('startup.quit', {}).catch(reportError);
          }}
        >
          {t('recovery.quit')}
        </button>
      </div>

      <details className="recovery-details">
        <summary>{t('recovery.details')}</summary>
        <pre>{state.failure.message}</pre>
      </details>
    </main>
  );
}

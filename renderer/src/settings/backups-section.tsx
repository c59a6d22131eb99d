// Settings: the automatic backups, "make one now", and putting one back (the current data is
// kept aside first; the page then reloads on the restored data).
import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo } from '../../../shared/startup-contract';
import { call } from '../api';
import { useToasts } from '../components/toasts';
import { useI18n } from '../i18n';
import { BackupList } from '../startup/backup-list';
import { useEditControl, useReadOnly } from '../startup/read-only';

export function BackupsSection() {
  const { t } = useI18n();
  const { reportError } = useToasts();
  const readOnly = useReadOnly();
  const editControl = useEditControl();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(() => call('backups.list', {}).then(setBackups).catch(reportError), [reportError]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-backups" aria-labelledby="settings-backups-title">
      <h3 id="settings-backups-title">{t('backups.title')}</h3>
      <p className="backup-explain">{t('backups.explain')}</p>
      {/* A region of its own that scrolls (and can be scrolled by keyboard: its buttons may be
          disabled), of one height from the first render, so the dialog doesn't grow when the list arrives. */}
      <div className="backup-list-scroll" role="region" aria-labelledby="settings-backups-title" tabIndex={0} aria-busy={!backups}>
        {backups && (
          <BackupList
            backups={backups}
            disabled={busy || readOnly}
            onRestore={(id) =>
              run(async () => {
                await call('backups.restore', { id });
                window.location.reload(); // every screen reads the restored data afresh
              })
            }
          />
        )}
      </div>
      <button type="button" {...editControl(busy)} onClick={() => run(async () => (await call('backups.create', {}), reload()))}>
        {t('backups.createNow')}
      </button>
    </section>
  );
}

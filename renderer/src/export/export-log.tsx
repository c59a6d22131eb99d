// The export log of the trajectory on the Rapport & export page: what left the machine, when,
// by whom, in which form, to where, with which pseudonym list, and how much "niet delen"
// feedback was left out. Saved as CSV for the project's data-management file.
import { useCallback, useEffect, useState } from 'react';
import { exportKindLabel, pseudonymListLabel, scopeLabel, type ExportLogEntry } from '../../../shared/privacy/export-log';
import { formatDateTime } from '../../../shared/calendar-date';
import { call } from '../api';
import { useToasts } from '../components/toasts';
import { useI18n } from '../i18n';

/** Exports happen in several panels of the page (and run in the background): look again now and then. */
const REFRESH_MS = 2000;

export function ExportLog({ trajectoryId }: { trajectoryId: string }) {
  const { t, lang } = useI18n();
  const { notify, reportError } = useToasts();
  const [entries, setEntries] = useState<ExportLogEntry[] | null>(null);

  const load = useCallback(() => {
    call('exportLog.list', { trajectoryId }).then(setEntries, () => undefined);
  }, [trajectoryId]);

  useEffect(() => {
    load();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') load();
    }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  const saveCsv = async () => {
    try {
      const { path } = await call('exportLog.exportCsv', { trajectoryId });
      if (path) notify({ kind: 'info', text: t('exportLog.saved', { path }) });
    } catch (error) {
      reportError(error);
    }
  };

  const when = (iso: string) => formatDateTime(iso, lang);

  return (
    <div className="export-log" data-testid="export-log">
      <p className="hint">{t('exportLog.hint')}</p>
      {entries && entries.length === 0 && <p className="empty">{t('exportLog.empty')}</p>}
      {entries && entries.length > 0 && (
        <ol className="export-log-entries">
          {entries.map((e) => (
            <li key={e.id} data-testid="export-log-entry">
              <p className="export-log-what">
                {exportKindLabel(e.what, lang)} ({e.format.toUpperCase()}) · {scopeLabel(e.scope, lang)}
              </p>
              <p className="hint">
                {when(e.exportedAt)} · {e.author}
              </p>
              <p className="export-log-path" title={t('exportLog.where')}>
                {e.destination}
              </p>
              <p className="hint">
                {t('exportLog.list')}: {pseudonymListLabel(e, lang)} · {t('exportLog.withheld')}: {e.withheld}
              </p>
            </li>
          ))}
        </ol>
      )}
      <div className="button-row">
        <button type="button" disabled={!entries || entries.length === 0} onClick={() => void saveCsv()}>
          {t('exportLog.saveCsv')}
        </button>
      </div>
    </div>
  );
}

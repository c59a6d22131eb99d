// The automatic backups, newest first, with what each holds; one can be put back.
import type { BackupInfo } from '../../../shared/startup-contract';
import { formatDateTime } from '../../../shared/calendar-date';
import { useI18n } from '../i18n';

export function BackupList({
  backups,
  disabled,
  onRestore,
}: {
  backups: BackupInfo[];
  disabled?: boolean;
  onRestore: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  if (backups.length === 0) return <p className="backup-empty">{t('backups.none')}</p>;
  return (
    <table className="backup-list">
      <thead>
        <tr>
          <th scope="col">{t('backups.date')}</th>
          <th scope="col">{t('backups.contents')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('backups.restore')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((backup) => {
          const when = formatDateTime(backup.createdAt, lang);
          return (
            <tr key={backup.id} data-testid="backup">
              <td>{when}</td>
              <td>
                {backup.counts
                  ? t('backups.counts', {
                      trajectories: t('backups.trajectories', { count: backup.counts.trajectories }),
                      notes: t('backups.notes', { count: backup.counts.notes }),
                      fragments: t('backups.fragments', { count: backup.counts.fragments }),
                    })
                  : t('backups.unreadable')}
              </td>
              <td>
                <button
                  type="button"
                  disabled={disabled || backup.counts === null}
                  aria-label={t('backups.restoreOne', { date: when })}
                  onClick={() => {
                    if (window.confirm(t('backups.confirm', { date: when }))) onRestore(backup.id);
                  }}
                >
                  {t('backups.restore')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

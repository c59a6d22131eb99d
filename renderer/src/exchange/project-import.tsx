// "Project importeren" in the library: main asks for a .vkz archive, checks it and merges it
// (never overwriting work silently). While it runs the page shows how far it is, with cancel;
// afterwards what was added and updated, and the conflicts to choose in. Conflicts left for
// later stay available behind the "Conflicten" button.
import { useCallback, useEffect, useState } from 'react';
import type { ArchiveImportSummary, ExchangeConflict } from '../../../shared/contract';
import { formatDateTime } from '../../../shared/calendar-date';
import { ApiError, call } from '../api';
import { Modal } from '../components/modal';
import { useToasts } from '../components/toasts';
import { useI18n } from '../i18n';
import { ConflictsDialog } from './conflicts-dialog';
import { ExchangeRunningDialog } from './exchange-running-dialog';
import { useArchiveProgress } from './use-archive-progress';
import { formatBytes, useCount, useErrorText } from './use-error-text';
import './exchange.css';
import { useEditControl } from '../startup/read-only';

type View = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; summary: ArchiveImportSummary } | { kind: 'failed'; text: string } | { kind: 'conflicts' };

/** `onChanged` is told the imported trajectory (null after choosing in conflicts), to reload and show it. */
export function ProjectImport({ onChanged }: { onChanged: (trajectoryId: string | null) => void }) {
  const { t, lang } = useI18n();
  const editControl = useEditControl();
  const { reportError, notify } = useToasts();
  const errorText = useErrorText();
  const count = useCount();
  const [view, setView] = useState<View>({ kind: 'idle' });
  const [pending, setPending] = useState<ExchangeConflict[]>([]);
  const progress = useArchiveProgress(view.kind === 'running');

  const loadPending = useCallback(() => {
    call('exchange.conflicts', {}).then(setPending).catch(reportError);
  }, [reportError]);
  useEffect(loadPending, [loadPending]);

  const run = async () => {
    setView({ kind: 'running' });
    try {
      const summary = await call('exchange.importArchive', {});
      if (!summary) {
        setView({ kind: 'idle' });
        return;
      }
      setPending(await call('exchange.conflicts', {}).catch(() => summary.conflicts));
      setView({ kind: 'done', summary });
      onChanged(summary.trajectoryId);
    } catch (error) {
      if (error instanceof ApiError && error.error.code === 'exchange.cancelled') {
        setView({ kind: 'idle' });
        notify({ kind: 'info', text: t('exchange.importCancelled') });
        return;
      }
      console.error('[vkz] archive import failed', error);
      setView({ kind: 'failed', text: errorText(error) });
    }
  };

  const when = (iso: string) => formatDateTime(iso, lang);

  return (
    <>
      {pending.length > 0 && (
        <button type="button" className="exchange-conflicts-button" onClick={() => setView({ kind: 'conflicts' })}>
          {t('exchange.openConflicts', { count: pending.length })}
        </button>
      )}
      <button type="button" onClick={() => void run()} {...editControl(view.kind === 'running')} aria-busy={view.kind === 'running'}>
        {t('exchange.importProject')}
      </button>

      {view.kind === 'running' && progress && (
        <ExchangeRunningDialog title={t('exchange.importRunningTitle')}>
          <p>{t('exchange.importRunning')}</p>
          <div className="button-row">
            <progress max={1} value={progress.total > 0 ? progress.done / progress.total : 0} aria-label={t('exchange.archiveProgress')} />
            {progress.total > 0 && (
              <span>
                {formatBytes(progress.done, lang)} / {formatBytes(progress.total, lang)}
              </span>
            )}
          </div>
        </ExchangeRunningDialog>
      )}

      {view.kind === 'failed' && (
        <Modal title={t('exchange.importFailedTitle')} onClose={() => setView({ kind: 'idle' })}>
          <p role="alert" data-testid="import-error">
            {view.text}
          </p>
          <p className="hint">{t('exchange.importNothingChanged')}</p>
          <div className="modal-actions">
            <button type="button" className="primary" onClick={() => setView({ kind: 'idle' })} autoFocus>
              {t('common.close')}
            </button>
          </div>
        </Modal>
      )}

      {view.kind === 'done' && (
        <Modal title={t('exchange.importDoneTitle')} onClose={() => setView({ kind: 'idle' })}>
          <div data-testid="import-summary">
            {view.summary.cancelTooLate && (
              <p className="transcript-warning" role="alert" data-testid="import-cancel-too-late">
                {t('exchange.importCancelTooLate')}
              </p>
            )}
            <p>
              {t('exchange.importFrom', {
                trajectory: view.summary.trajectoryLabel,
                author: view.summary.archiveAuthor || '—',
                when: when(view.summary.archiveCreatedAt),
              })}
            </p>
            <p className="archive-kind-line" data-testid="import-archive-kind">
              {t(view.summary.archiveKind === 'others' ? 'exchange.importKind.others' : 'exchange.importKind.research-team')}
            </p>
            <ul className="import-counts">
              <li>{t('exchange.countAdded', { count: view.summary.total.added })}</li>
              <li>{t('exchange.countUpdated', { count: view.summary.total.updated })}</li>
              <li>{t('exchange.countUnchanged', { count: view.summary.total.unchanged + view.summary.total.kept })}</li>
              {view.summary.includesMedia && <li>{t('exchange.countMedia', { videos: count('videos', view.summary.mediaImported) })}</li>}
              {view.summary.renumberedCycles > 0 && <li>{t('exchange.countRenumbered', { count: view.summary.renumberedCycles })}</li>}
            </ul>
            {view.summary.total.conflicts > 0 ? (
              <p className="transcript-warning" role="note">
                {t('exchange.importConflicts', { count: view.summary.total.conflicts })}
              </p>
            ) : (
              <p>{t('exchange.importNoConflicts')}</p>
            )}
            {!view.summary.includesMedia && <p className="hint">{t('exchange.importWithoutMedia')}</p>}
          </div>
          <div className="modal-actions">
            {view.summary.total.conflicts > 0 ? (
              <button type="button" className="primary" onClick={() => setView({ kind: 'conflicts' })} autoFocus>
                {t('exchange.chooseNow')}
              </button>
            ) : (
              <button type="button" className="primary" onClick={() => setView({ kind: 'idle' })} autoFocus>
                {t('common.close')}
              </button>
            )}
          </div>
        </Modal>
      )}

      {view.kind === 'conflicts' && pending.length > 0 && (
        <ConflictsDialog
          conflicts={pending}
          onClose={() => setView({ kind: 'idle' })}
          onResolved={(remaining) => {
            setPending(remaining);
            setView({ kind: 'idle' });
            onChanged(null);
          }}
        />
      )}
    </>
  );
}

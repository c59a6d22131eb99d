// The exports of a cycle for other tools and for colleagues, on the "Rapport & export" page:
// - notes and fragments as CSV (the cycle), ELAN, WebVTT and SRT (per video), pseudonymised
//   with the trajectory's list; main asks where to save each file;
// - the project archive (.vkz) of the trajectory or this cycle, of one of two kinds: for the
//   research team (complete, with real names and "niet delen" feedback, optionally the videos;
//   the user confirms that in plain words first) or for others (pseudonymised, only what the
//   client allows to be shared, no videos).
import { useCallback, useRef, useState } from 'react';
import type { ExchangeFormat, ExchangeInfo } from '../../../shared/contract';
import type { ArchiveKind } from '../../../shared/exchange/archive-kind';
import { ApiError, call } from '../api';
import { ConfirmDialog } from '../components/modal';
import { useToasts } from '../components/toasts';
import { useBackendCall } from '../components/use-backend-call';
import { useI18n, type TextKey } from '../i18n';
import { CancelExchangeButton } from './exchange-running-dialog';
import { useArchiveProgress } from './use-archive-progress';
import { formatBytes, useCount, useErrorText } from './use-error-text';
import './exchange.css';
import { useEditControl } from '../startup/read-only';

type Status = { kind: 'saved'; path: string } | { kind: 'error'; text: string } | { kind: 'cancelled' } | null;

const wasCancelled = (error: unknown) => error instanceof ApiError && error.error.code === 'exchange.cancelled';

const PER_RECORDING: { format: Exclude<ExchangeFormat, 'csv'>; label: TextKey; title: TextKey }[] = [
  { format: 'eaf', label: 'exchange.formatEaf', title: 'exchange.formatEafTitle' },
  { format: 'vtt', label: 'exchange.formatVtt', title: 'exchange.formatVttTitle' },
  { format: 'srt', label: 'exchange.formatSrt', title: 'exchange.formatSrtTitle' },
];

export function ExchangePanel({ cycleId }: { cycleId: string }) {
  const { t } = useI18n();
  const { reportError } = useToasts();
  const lastLoad = useRef(0);
  const { value: info, reload } = useBackendCall(
    cycleId,
    () => {
      lastLoad.current = Date.now();
      return call('exchange.info', { cycleId });
    },
    { onError: reportError },
  );

  // The pseudonym list is edited on the same page: counts are refreshed when the user comes back here.
  const refresh = () => {
    if (Date.now() - lastLoad.current < 1000) return;
    reload().catch(() => undefined);
  };

  if (!info) return null;
  return (
    <div className="exchange-panel" data-testid="exchange-panel" onPointerEnter={refresh} onFocusCapture={refresh}>
      <FileExports cycleId={cycleId} info={info} />
      <ArchiveExport cycleId={cycleId} info={info} />
      <p className="hint exchange-foot">{t('exchange.importHint')}</p>
    </div>
  );
}

function FileExports({ cycleId, info }: { cycleId: string; info: ExchangeInfo }) {
  const { t } = useI18n();
  const editControl = useEditControl();
  const { notify } = useToasts();
  const errorText = useErrorText();
  const count = useCount();
  const [separator, setSeparator] = useState<';' | ','>(';');
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);

  const exportFile = async (format: ExchangeFormat, recordingId?: string) => {
    const key = `${format}:${recordingId ?? ''}`;
    setBusy(key);
    setStatus(null);
    try {
      const { path } = await call('exchange.exportFile', {
        cycleId,
        format,
        ...(recordingId ? { recordingId } : {}),
        ...(format === 'csv' ? { separator } : {}),
      });
      if (path) {
        setStatus({ kind: 'saved', path });
        notify({ kind: 'info', text: t('exchange.savedTo', { path }) });
      }
    } catch (error) {
      console.error('[vkz] export failed', error);
      setStatus({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="exchange-block" aria-labelledby="exchange-files-title">
      <h3 id="exchange-files-title">{t('exchange.filesTitle')}</h3>
      <p className="hint">
        {info.pseudonymCount > 0 ? t('exchange.pseudonymsApplied', { count: info.pseudonymCount }) : t('exchange.pseudonymsNone')}
      </p>
      <div className="exchange-row">
        <span className="exchange-row-label">
          {t('exchange.csvLabel')}
          <span className="hint"> · {t('exchange.counts', { notes: count('notes', info.notes), fragments: count('fragments', info.fragments) })}</span>
        </span>
        <div className="button-row">
          <select
            value={separator}
            aria-label={t('exchange.separator')}
            title={t('exchange.separator')}
            onChange={(e) => setSeparator(e.target.value as ';' | ',')}
          >
            <option value=";">{t('exchange.separatorSemicolon')}</option>
            <option value=",">{t('exchange.separatorComma')}</option>
          </select>
          <button type="button" {...editControl(busy !== null)} aria-busy={busy === 'csv:'} onClick={() => void exportFile('csv')}>
            {t('exchange.formatCsv')}
          </button>
        </div>
      </div>
      {info.recordings.length === 0 && <p className="empty">{t('exchange.noRecordings')}</p>}
      {info.recordings.map((r) => (
        <div className="exchange-row" key={r.id} data-testid="exchange-recording">
          <span className="exchange-row-label" title={r.fileName}>
            {t('recordings.videoN', { n: r.position })} · {r.fileName}
            <span className="hint"> · {t('exchange.counts', { notes: count('notes', r.notes), fragments: count('fragments', r.fragments) })}</span>
          </span>
          <div className="button-row" role="group" aria-label={t('exchange.recordingExports', { n: r.position })}>
            {PER_RECORDING.map(({ format, label, title }) => (
              <button
                key={format}
                type="button"
                title={t(title)}
                {...editControl(busy !== null)}
                aria-busy={busy === `${format}:${r.id}`}
                aria-label={`${t(label)} ${t('recordings.videoN', { n: r.position })}`}
                onClick={() => void exportFile(format, r.id)}
              >
                {t(label)}
              </button>
            ))}
          </div>
        </div>
      ))}
      <ExportStatus status={status} testId="exchange-file-status" />
    </section>
  );
}

function ExportStatus({ status, testId }: { status: Status; testId: string }) {
  const { t } = useI18n();
  if (status?.kind === 'saved') {
    return (
      <p className="export-status export-ok" role="status" data-testid={testId}>
        {t('exchange.savedTo', { path: status.path })}
      </p>
    );
  }
  if (status?.kind === 'cancelled') {
    return (
      <p className="export-status hint" role="status" data-testid={testId}>
        {t('exchange.cancelled')}
      </p>
    );
  }
  if (status?.kind === 'error') {
    return (
      <p className="export-status field-error" role="alert" data-testid={testId}>
        {status.text}
      </p>
    );
  }
  return null;
}

function ArchiveExport({ cycleId, info }: { cycleId: string; info: ExchangeInfo }) {
  const { t, lang } = useI18n();
  const editControl = useEditControl();
  const { notify } = useToasts();
  const errorText = useErrorText();
  const count = useCount();
  const [scope, setScope] = useState<'trajectory' | 'cycle'>('trajectory');
  const [kind, setKind] = useState<ArchiveKind>('others');
  const [confirming, setConfirming] = useState(false);
  const [withMedia, setWithMedia] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const progress = useArchiveProgress(busy);
  const media = scope === 'trajectory' ? info.trajectoryMedia : info.cycleMedia;

  const run = useCallback(async () => {
    setBusy(true);
    setStatus(null);
    try {
      const result = await call('exchange.exportArchive', {
        scope: scope === 'trajectory' ? { kind: 'trajectory', trajectoryId: info.trajectoryId } : { kind: 'cycle', cycleId },
        kind,
        includeMedia: kind === 'research-team' && withMedia,
      });
      if (result.path) {
        setStatus({ kind: 'saved', path: result.path });
        if (result.withheld > 0) notify({ kind: 'info', text: t('exchange.archiveWithheld', { count: result.withheld }) });
        notify({ kind: 'info', text: t('exchange.archiveSaved', { path: result.path, size: formatBytes(result.sizeBytes, lang) }) });
        if (result.missingMedia.length > 0) {
          notify({ kind: 'error', text: t('exchange.archiveMissingMedia', { names: result.missingMedia.join(', ') }) });
        }
      }
    } catch (error) {
      if (wasCancelled(error)) {
        setStatus({ kind: 'cancelled' });
        return;
      }
      console.error('[vkz] archive export failed', error);
      setStatus({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  }, [scope, kind, withMedia, info.trajectoryId, cycleId, notify, t, lang, errorText]);

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null;
  return (
    <section className="exchange-block" aria-labelledby="exchange-archive-title">
      <h3 id="exchange-archive-title">{t('exchange.archiveTitle')}</h3>
      <p className="hint">{t('exchange.archiveHint')}</p>
      <fieldset className="export-choice archive-kind" disabled={busy} data-testid="archive-kind">
        <legend>{t('exchange.archiveKind')}</legend>
        <label>
          <input type="radio" name="archive-kind" checked={kind === 'others'} onChange={() => setKind('others')} />
          <span>
            {t('exchange.archiveKindOthers')}
            <span className="hint"> {t('exchange.archiveKindOthersHint')}</span>
          </span>
        </label>
        <label>
          <input type="radio" name="archive-kind" checked={kind === 'research-team'} onChange={() => setKind('research-team')} />
          <span>
            {t('exchange.archiveKindTeam')}
            <span className="hint"> {t('exchange.archiveKindTeamHint')}</span>
          </span>
        </label>
      </fieldset>
      <fieldset className="export-choice" disabled={busy}>
        <legend>{t('exchange.archiveScope')}</legend>
        <label>
          <input type="radio" name="archive-scope" checked={scope === 'trajectory'} onChange={() => setScope('trajectory')} />
          {t('exchange.archiveScopeTrajectory')}
        </label>
        <label>
          <input type="radio" name="archive-scope" checked={scope === 'cycle'} onChange={() => setScope('cycle')} />
          {t('exchange.archiveScopeCycle', { n: info.cycleNumber })}
        </label>
      </fieldset>
      <label className="check exchange-media-check">
        <input
          type="checkbox"
          checked={kind === 'research-team' && withMedia}
          disabled={busy || kind === 'others'}
          onChange={(e) => setWithMedia(e.target.checked)}
        />
        <span>
          {t('exchange.withMedia')}
          <span className="hint">
            {' '}
            {media.files > 0 ? t('exchange.mediaSize', { videos: count('videos', media.files), size: formatBytes(media.bytes, lang) }) : t('exchange.mediaNone')}
            {media.missing > 0 ? ` · ${t('exchange.mediaMissing', { count: media.missing })}` : ''}
          </span>
        </span>
      </label>
      <div className="button-row exchange-archive-actions">
        <button
          type="button"
          className="primary"
          {...editControl(busy)}
          aria-busy={busy}
          onClick={() => (kind === 'research-team' ? setConfirming(true) : void run())}
        >
          {busy ? t('exchange.archiveBusy') : t('exchange.archiveExport')}
        </button>
        {busy && progress && (
          <>
            <progress max={1} value={progress.total > 0 ? progress.done / progress.total : 0} aria-label={t('exchange.archiveProgress')} />
            {percent !== null && <span>{percent}%</span>}
            <CancelExchangeButton />
          </>
        )}
      </div>
      <ExportStatus status={status} testId="exchange-archive-status" />
      {confirming && (
        <ConfirmDialog
          title={t('exchange.archiveTeamConfirmTitle')}
          message={t(withMedia ? 'exchange.archiveTeamConfirmWithMedia' : 'exchange.archiveTeamConfirm')}
          confirmLabel={t('exchange.archiveTeamConfirmYes')}
          cancelLabel={t('common.cancel')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void run();
          }}
        />
      )}
    </section>
  );
}

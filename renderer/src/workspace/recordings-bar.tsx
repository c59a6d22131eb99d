// The recordings of a cycle ("video 1", "video 2"...): switch between them, add more, see what
// ffprobe found, follow a proxy being made (with cancel), and find a moved file again.
import { useState, type ReactNode } from 'react';
import type { Recording } from '../../../shared/domain';
import { formatTimecode } from '../../../shared/timecode';
import { ConfirmDialog } from '../components/modal';
import { useI18n } from '../i18n';
import { TranscriptImportButton } from '../exchange/transcript-import';
import type { WorkspaceActions } from './use-workspace';
import { useEditControl } from '../startup/read-only';

function mediaSummary(recording: Recording): string {
  const { media } = recording;
  const parts = [formatTimecode(media.durationSec)];
  if (media.video) {
    parts.push(`${media.video.codec} ${media.video.width}×${media.video.height}`, `${Math.round(media.video.fps * 100) / 100} fps`);
  }
  if (media.audio) parts.push(`${media.audio.codec} ${media.audio.channels}ch`);
  parts.push(media.formatName);
  return parts.join(' · ');
}

export function RecordingsBar({
  recordings,
  activeId,
  onActivate,
  actions,
  children,
}: {
  recordings: Recording[];
  activeId: string | null;
  onActivate: (id: string) => void;
  actions: WorkspaceActions;
  /** Extra notices about the active recording (e.g. the scrub-proxy suggestion). */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const editControl = useEditControl();
  const [removing, setRemoving] = useState<Recording | null>(null);
  const active = recordings.find((r) => r.id === activeId) ?? null;

  const move = (recording: Recording, delta: -1 | 1) => {
    const ids = recordings.map((r) => r.id);
    const from = ids.indexOf(recording.id);
    const to = from + delta;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    void actions.reorderRecordings(ids);
  };

  return (
    <div className="recordings-bar">
      <div className="recording-tabs" role="tablist" aria-label={t('recordings.title')}>
        {recordings.map((recording) => (
          <button
            key={recording.id}
            type="button"
            role="tab"
            aria-selected={recording.id === activeId}
            className={`recording-tab${recording.id === activeId ? ' selected' : ''}${recording.missing ? ' missing' : ''}`}
            onClick={() => onActivate(recording.id)}
          >
            {t('recordings.videoN', { n: recording.position })} · {recording.fileName}
          </button>
        ))}
      </div>
      <button type="button" className="primary" {...editControl()} onClick={() => void actions.addRecordingsViaDialog()}>
        {t('recordings.add')}
      </button>
      {active && (
        <div className="recording-info" data-testid="recording-info">
          <span className="recording-media" title={mediaSummary(active)}>
            {mediaSummary(active)}
          </span>
          {active.missing && (
            <span className="recording-missing" role="alert">
              {t('recordings.missing', { path: active.filePath })}
              <button type="button" {...editControl()} onClick={() => void actions.relocateRecording(active.id)}>
                {t('recordings.relocate')}
              </button>
            </span>
          )}
          {(active.proxyState === 'queued' || active.proxyState === 'running') && (
            <span className="proxy-progress" data-testid="proxy-progress">
              {t('recordings.proxyMaking', { reason: active.proxyReason ?? t('recordings.scrubProxyReason') })}
              <progress max={1} value={active.proxyProgress} aria-label={t('recordings.proxyProgress')} />
              <span>{Math.round(active.proxyProgress * 100)}%</span>
              <button type="button" onClick={() => void actions.cancelProxy(active.id)}>
                {t('common.cancel')}
              </button>
            </span>
          )}
          {active.proxyState === 'done' && <span className="proxy-done">{t('recordings.proxyDone')}</span>}
          {(active.proxyState === 'failed' || active.proxyState === 'cancelled') && (
            <span className="proxy-failed" role="alert">
              {active.proxyState === 'failed'
                ? t('recordings.proxyFailed', { detail: active.proxyError ?? '' })
                : t('recordings.proxyCancelled')}
              <button type="button" {...editControl()} onClick={() => void actions.retryProxy(active.id)}>
                {t('recordings.proxyRetry')}
              </button>
            </span>
          )}
          {children}
          <span className="button-row recording-manage">
            <TranscriptImportButton recording={active} onImported={() => void actions.reload()} />
            {recordings.length > 1 && (
              <>
                <button type="button" {...editControl()} onClick={() => move(active, -1)} aria-label={t('recordings.moveEarlier')}>
                  ◀
                </button>
                <button type="button" {...editControl()} onClick={() => move(active, 1)} aria-label={t('recordings.moveLater')}>
                  ▶
                </button>
              </>
            )}
            <button type="button" className="danger" {...editControl()} onClick={() => setRemoving(active)}>
              {t('recordings.remove')}
            </button>
          </span>
        </div>
      )}
      {removing && (
        <ConfirmDialog
          title={t('recordings.removeTitle')}
          message={t('recordings.removeMessage', { name: removing.fileName })}
          confirmLabel={t('recordings.remove')}
          cancelLabel={t('common.cancel')}
          onConfirm={() => {
            void actions.removeRecording(removing.id);
            setRemoving(null);
          }}
          onCancel={() => setRemoving(null)}
        />
      )}
    </div>
  );
}

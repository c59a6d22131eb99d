// A line under the timeline while the waveform and thumbnails are being computed (with progress),
// or when they could not be. Silent when they are there.
import { useI18n } from '../i18n';
import type { TimelineData } from './use-timeline-data';
import './timeline.css';

export function TimelineStatus({ view }: { view: TimelineData }) {
  const { t } = useI18n();
  const busy = view.state === 'queued' || view.state === 'running';
  return (
    <div
      className="timeline-status"
      data-testid="timeline-status"
      data-state={view.state}
      data-waveform={view.waveform ? view.waveform.peaks.length : 0}
      data-thumbnails={view.thumbnails.length}
      aria-live="polite"
    >
      {busy && (
        <>
          <span>{t('timeline.computing')}</span>
          <progress max={1} value={view.progress} aria-label={t('timeline.computingProgress')} />
          <span>{Math.round(view.progress * 100)}%</span>
          <button type="button" onClick={view.cancel}>
            {t('common.cancel')}
          </button>
        </>
      )}
      {(view.state === 'failed' || view.state === 'cancelled') && (
        <>
          <span className={view.state === 'failed' ? 'timeline-status-failed' : undefined}>
            {view.state === 'failed' ? t('timeline.failed', { detail: view.error ?? '' }) : t('timeline.cancelled')}
          </span>
          <button type="button" onClick={view.retry}>
            {t('timeline.retry')}
          </button>
        </>
      )}
    </div>
  );
}

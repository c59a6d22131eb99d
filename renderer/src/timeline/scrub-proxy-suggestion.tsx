// In the recordings bar: "seeking in this file is slow; make a scrub version?", shown when the
// file's keyframes are far apart or seeks are measured to be slow (scrub-suggestion.ts). The
// button asks the backend for a scrub proxy; the bar then shows its progress like any proxy.
import { useState } from 'react';
import type { Recording } from '../../../shared/domain';
import { call } from '../api';
import { useI18n } from '../i18n';
import { canHaveScrubProxy, median, scrubSuggestion } from './scrub-suggestion';
import './timeline.css';

export function ScrubProxySuggestion({
  recording,
  keyframeIntervalSec,
  seekLatenciesMs,
  onRequested,
  onError,
}: {
  recording: Recording;
  keyframeIntervalSec: number | null;
  seekLatenciesMs: number[];
  onRequested: () => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useI18n();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const reason = scrubSuggestion({ eligible: canHaveScrubProxy(recording), keyframeIntervalSec, seekLatenciesMs });
  if (!reason || dismissed.has(recording.id)) return null;

  const text =
    reason === 'long-keyframe-interval'
      ? t('timeline.scrubSuggestLongGop', { seconds: Math.round(keyframeIntervalSec ?? 0) })
      : t('timeline.scrubSuggestSlow', { ms: Math.round(median(seekLatenciesMs.slice(-7))) });
  const make = async () => {
    setBusy(true);
    try {
      await call('recordings.makeScrubProxy', { id: recording.id });
      onRequested();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="scrub-suggestion" role="status" data-testid="scrub-suggestion" data-reason={reason}>
      <span>{text}</span>
      <button type="button" className="primary" disabled={busy} onClick={() => void make()}>
        {t('timeline.scrubMake')}
      </button>
      <button type="button" onClick={() => setDismissed((set) => new Set(set).add(recording.id))}>
        {t('timeline.scrubDismiss')}
      </button>
    </span>
  );
}

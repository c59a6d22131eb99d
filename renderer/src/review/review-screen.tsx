// Review mode: a full-window player for the meeting (and for case managers beforehand). It plays
// the fragments of an agenda, or all fragments tagged with a theme, one after another: each from
// its in point to its out point, where it stops, so the meeting can talk about it. Beside the
// video: the item's title, questions and the client's feedback as the sharing rules allow.
// Everything works from the keyboard (review-keys.ts; the legend is on screen).
//
// Parts: the data (use-review-data.ts), the playback of the playlist (use-review-playback.ts),
// the header bar below, the controls (review-controls.tsx) and the side panel (review-side.tsx).
import { useCallback, useMemo, useState } from 'react';
import type { CycleHeader } from '../../../shared/contract';
import { localText, themeById } from '../../../shared/framework';
import { isTypingTarget, useKeyActions } from '../components/key-actions';
import { useToasts } from '../components/toasts';
import { useI18n } from '../i18n';
import type { PlayerAdapter } from '../player/player-adapter';
import { usePlayerSelector } from '../player/use-player-state';
import { goTo, type ReviewSource } from '../route';
import { useFramework } from '../method/use-framework';
import { FragmentPlayer } from './fragment-player';
import { ReviewControls } from './review-controls';
import { REVIEW_KEYS, type ReviewCommands } from './review-keys';
import { ReviewSide } from './review-side';
import { useReviewData, type Audience } from './use-review-data';
import { useReviewPlayback } from './use-review-playback';
import '../styles/method.css';

function ReviewBar({
  source,
  title,
  backLabel,
  onBack,
  workspace,
  audience,
  onAudience,
  index,
  count,
}: {
  source: ReviewSource;
  title: string;
  backLabel: string;
  onBack: () => void;
  workspace: CycleHeader | null;
  audience: Audience;
  onAudience: (audience: Audience) => void;
  index: number;
  count: number;
}) {
  const { t } = useI18n();
  return (
    <header className="review-bar">
      <button type="button" className="link" onClick={onBack}>
        ← {backLabel} <kbd>Esc</kbd>
      </button>
      <h1 className="review-title">
        {t('review.mode')} · {title}
        {workspace && (
          <span className="workspace-cycle">
            {' — '}
            {workspace.trajectory.caseManager} · {workspace.cycle.title || t('library.defaultCycleTitle', { n: workspace.cycle.number })}
          </span>
        )}
      </h1>
      {source.kind === 'theme' && (
        <label className="review-audience">
          {t('review.audience')}
          <select value={audience} onChange={(e) => onAudience(e.target.value as Audience)}>
            <option value="all">{t('review.audience.all')}</option>
            <option value="case-manager">{t('review.audience.caseManager')}</option>
            <option value="client">{t('review.audience.client')}</option>
          </select>
        </label>
      )}
      {count > 0 && (
        <output className="review-position" aria-label={t('review.positionLabel')} data-testid="review-position">
          {index + 1} / {count}
        </output>
      )}
    </header>
  );
}

export function ReviewScreen({ cycleId, source }: { cycleId: string; source: ReviewSource }) {
  const { t, lang } = useI18n();
  const { reportError } = useToasts();
  const [audience, setAudience] = useState<Audience>('all');
  const [player, setPlayer] = useState<PlayerAdapter | null>(null);
  const { workspace, frameworkId, playlist, loadFailed } = useReviewData(cycleId, source, audience, reportError);
  const framework = useFramework(frameworkId, reportError);
  const playback = useReviewPlayback(playlist, player);
  const { entries, entry, index, show } = playback;

  const paused = usePlayerSelector(player, (s) => s.paused);
  const rate = usePlayerSelector(player, (s) => s.rate);
  const rangeActive = usePlayerSelector(player, (s) => s.range !== null);

  const back = useCallback(() => {
    if (source.kind === 'interview') goTo({ screen: 'cycle', cycleId, view: 'interview' });
    else if (source.kind === 'reflection') goTo({ screen: 'cycle', cycleId, view: 'reflection' });
    else if (window.history.length > 1) window.history.back();
    else goTo({ screen: 'cycle', cycleId, view: 'reflection' });
  }, [cycleId, source.kind]);

  const commands: ReviewCommands = {
    player,
    back,
    toggleAutoAdvance: () => playback.setAutoAdvance((on) => !on),
    toggleLoop: playback.toggleLoop,
    next: () => entry && index + 1 < entries.length && show(index + 1, true),
    previous: () => entry && index > 0 && show(index - 1, true),
    replay: () => entry && show(index, true),
    // Paused inside the fragment: go on to its out point. Stopped (or only cued): from the start.
    togglePlay: () => {
      if (!entry || !player) return;
      if (player.getState().range) player.toggle();
      else show(index, true);
    },
  };
  useKeyActions(REVIEW_KEYS, commands, {
    capture: true,
    ignore: (event, action) =>
      document.querySelector('dialog[open]') !== null ||
      (action.id !== 'back' && isTypingTarget(event.target)) ||
      // Space on a focused checkbox (auto-advance) toggles it, as everywhere else.
      (event.key === ' ' && event.target instanceof HTMLInputElement && event.target.type === 'checkbox'),
  });

  const themeId = source.kind === 'theme' ? source.themeId : null;
  const theme = themeId && framework ? themeById(framework, themeId) : undefined;
  const title =
    source.kind === 'theme'
      ? t('review.titleTheme', { theme: theme ? localText(theme.label, lang) : themeId ?? '' })
      : source.kind === 'interview'
        ? t('review.titleInterview')
        : t('review.titleReflection');
  const backLabel =
    source.kind === 'interview' ? t('review.backToInterview') : source.kind === 'reflection' ? t('review.backToReflection') : t('review.back');

  const { ended, autoAdvance, loop } = playback;
  const status = useMemo(() => {
    if (!entry) return '';
    if (ended) {
      if (index + 1 >= entries.length) return t('review.status.lastEnded');
      return autoAdvance ? t('review.status.endedAuto') : t('review.status.ended');
    }
    if (!rangeActive) return t('review.status.cued');
    return paused ? t('review.status.paused') : loop ? t('review.status.looping') : t('review.status.playing');
  }, [entry, ended, index, entries.length, autoAdvance, rangeActive, paused, loop, t]);

  if (loadFailed) {
    return (
      <div className="fatal">
        <p>{t('review.loadFailed')}</p>
        <button type="button" onClick={back}>
          {backLabel}
        </button>
      </div>
    );
  }

  return (
    <div className="review" data-testid="review">
      <ReviewBar
        source={source}
        title={title}
        backLabel={backLabel}
        onBack={back}
        workspace={workspace}
        audience={audience}
        onAudience={setAudience}
        index={index}
        count={entries.length}
      />
      {playlist === null || workspace === null ? (
        <div className="loading" aria-busy="true" />
      ) : entries.length === 0 ? (
        <div className="review-empty" data-testid="review-empty">
          <h2>{t('review.emptyTitle')}</h2>
          <p>{source.kind === 'theme' ? t('review.emptyTheme') : t('review.emptyAgenda')}</p>
          <button type="button" className="primary" onClick={back} autoFocus>
            {backLabel}
          </button>
        </div>
      ) : (
        <div className="review-body">
          <div className="review-stage">
            <FragmentPlayer recordings={workspace.recordings} cue={playback.cue} loop={loop} onPlayer={setPlayer} />
            <ReviewControls
              commands={commands}
              paused={paused}
              rate={rate}
              loop={loop}
              autoAdvance={autoAdvance}
              onAutoAdvance={playback.setAutoAdvance}
              isFirst={index === 0}
              isLast={index + 1 >= entries.length}
            />
            <p className="review-status" role="status" aria-live="polite" data-testid="review-status">
              {status}
            </p>
          </div>
          <ReviewSide entries={entries} index={index} framework={framework} onShow={(i) => show(i, true)} />
        </div>
      )}
    </div>
  );
}

// Review mode: a full-window player for the meeting (and for case managers beforehand). It plays
// the fragments of an agenda, or all fragments tagged with a theme, one after another: each from
// its in point to its out point, where it stops, so the meeting can talk about it. Beside the
// video: the item's title, questions and the client's feedback as the sharing rules allow.
// Everything works from the keyboard (see review-keys.ts; the legend is on screen).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PlaylistEntry, Workspace } from '../../../shared/contract';
import { localText, themeById } from '../../../shared/framework';
import { formatTimeRange } from '../../../shared/timecode';
import { call } from '../api';
import { useToasts } from '../components/toasts';
import { useI18n } from '../i18n';
import type { PlayerAdapter } from '../player/player-adapter';
import { usePlayerSelector } from '../player/use-player-state';
import { goTo, type ReviewSource } from '../route';
import { SharedFeedbackList } from '../method/shared-feedback';
import { useFramework } from '../method/use-framework';
import { isTypingTarget } from '../workspace/shortcuts';
import { FragmentPlayer, type FragmentCue } from './fragment-player';
import { REVIEW_KEYS, reviewActionFor, type ReviewAction } from './review-keys';
import '../styles/method.css';

type Audience = 'case-manager' | 'client' | 'all';

/** How long review mode waits after a fragment ends before it plays the next (when asked to). */
const AUTO_ADVANCE_DELAY_MS = 1500;
/** How close to its out point a stopped fragment counts as ended. */
const END_TOLERANCE_SEC = 0.25;

export function ReviewScreen({ cycleId, source }: { cycleId: string; source: ReviewSource }) {
  const { t, lang } = useI18n();
  const { reportError } = useToasts();
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [frameworkId, setFrameworkId] = useState<string | null>(null);
  const [playlist, setPlaylist] = useState<PlaylistEntry[] | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [audience, setAudience] = useState<Audience>('all');
  const [index, setIndex] = useState(0);
  const [cue, setCue] = useState<FragmentCue | null>(null);
  const [loop, setLoop] = useState(false);
  const [autoAdvance, setAutoAdvance] = useState(false);
  const [ended, setEnded] = useState(false);
  const [player, setPlayer] = useState<PlayerAdapter | null>(null);
  const framework = useFramework(frameworkId, reportError);
  const seq = useRef(0);
  const autoTimer = useRef<number | null>(null);

  const paused = usePlayerSelector(player, (s) => s.paused);
  const rate = usePlayerSelector(player, (s) => s.rate);
  const rangeActive = usePlayerSelector(player, (s) => s.range !== null);

  useEffect(() => {
    let cancelled = false;
    Promise.all([call('workspace.get', { cycleId }), call('method.get', { cycleId })])
      .then(([ws, method]) => {
        if (cancelled) return;
        setWorkspace(ws);
        setFrameworkId(method.method.frameworkId);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setLoadFailed(true);
        reportError(error);
      });
    return () => {
      cancelled = true;
    };
  }, [cycleId, reportError]);

  const themeId = source.kind === 'theme' ? source.themeId : null;
  useEffect(() => {
    let cancelled = false;
    const request =
      source.kind === 'theme'
        ? { kind: 'theme' as const, themeId: source.kind === 'theme' ? source.themeId : '', audience }
        : { kind: source.kind };
    setPlaylist(null);
    call('review.playlist', { cycleId, source: request })
      .then((entries) => {
        if (!cancelled) setPlaylist(entries);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setLoadFailed(true);
        reportError(error);
      });
    return () => {
      cancelled = true;
    };
    // source is a fresh object per render of the app; its kind and theme are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cycleId, source.kind, themeId, audience, reportError]);

  const entries = playlist ?? [];
  const entry = entries[index] ?? null;
  const entryRef = useRef(entry);
  entryRef.current = entry;

  const clearAutoTimer = () => {
    if (autoTimer.current !== null) window.clearTimeout(autoTimer.current);
    autoTimer.current = null;
  };

  const show = useCallback(
    (i: number, play: boolean) => {
      const next = entries[i];
      if (!next) return;
      clearAutoTimer();
      seq.current += 1;
      setIndex(i);
      setEnded(false);
      setCue({ recordingId: next.recordingId, inSec: next.inSec, outSec: next.outSec, play, seq: seq.current });
    },
    [entries],
  );

  // A new playlist: wait at the first fragment's in point until the meeting is ready.
  useEffect(() => {
    if (playlist && playlist.length > 0) show(0, false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playlist]);

  // Notice when a fragment stopped at its out point: say so, and go on if the user asked for it.
  const autoAdvanceRef = useRef(autoAdvance);
  autoAdvanceRef.current = autoAdvance;
  const indexRef = useRef(index);
  indexRef.current = index;
  const showRef = useRef(show);
  showRef.current = show;
  const playlistRef = useRef(playlist);
  playlistRef.current = playlist;
  useEffect(() => {
    if (!player) return;
    let hadRange = player.getState().range !== null;
    return player.subscribe(() => {
      const state = player.getState();
      if (state.range) {
        hadRange = true;
        return;
      }
      if (!hadRange || !state.paused) return;
      hadRange = false;
      const current = entryRef.current;
      if (!current || Math.abs(state.time - current.outSec) > END_TOLERANCE_SEC) return;
      setEnded(true);
      const nextIndex = indexRef.current + 1;
      if (autoAdvanceRef.current && nextIndex < (playlistRef.current?.length ?? 0)) {
        clearAutoTimer();
        autoTimer.current = window.setTimeout(() => showRef.current(nextIndex, true), AUTO_ADVANCE_DELAY_MS);
      }
    });
  }, [player]);

  useEffect(() => () => clearAutoTimer(), []);

  const back = useCallback(() => {
    if (source.kind === 'interview') goTo({ screen: 'cycle', cycleId, view: 'interview' });
    else if (source.kind === 'reflection') goTo({ screen: 'cycle', cycleId, view: 'reflection' });
    else if (window.history.length > 1) window.history.back();
    else goTo({ screen: 'cycle', cycleId, view: 'reflection' });
  }, [cycleId, source.kind]);

  const run = useCallback(
    (action: ReviewAction) => {
      if (action === 'back') return back();
      if (action === 'autoAdvance') return setAutoAdvance((on) => !on);
      if (action === 'loop') {
        const next = !loop;
        setLoop(next);
        player?.setLoop(next);
        return;
      }
      if (!entry) return;
      switch (action) {
        case 'next':
          if (index + 1 < entries.length) show(index + 1, true);
          return;
        case 'previous':
          if (index > 0) show(index - 1, true);
          return;
        case 'replay':
          return show(index, true);
        case 'togglePlay':
          if (!player) return;
          // Paused inside the fragment: go on to its out point. Stopped (or only cued): from the start.
          if (player.getState().range) player.toggle();
          else show(index, true);
          return;
        case 'slower':
          return player?.changeRate(-1);
        case 'faster':
          return player?.changeRate(1);
        case 'normalSpeed':
          return player?.setRate(1);
        case 'frameBack':
          return player?.stepFrames(-1);
        case 'frameForward':
          return player?.stepFrames(1);
      }
    },
    [back, loop, player, entry, index, entries.length, show],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      const action = reviewActionFor(event);
      if (!action) return;
      if (action !== 'back' && isTypingTarget(event.target)) return;
      // Space on a focused checkbox (auto-advance) toggles it, as everywhere else.
      if (event.key === ' ' && event.target instanceof HTMLInputElement && event.target.type === 'checkbox') return;
      event.preventDefault();
      event.stopPropagation();
      run(action);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [run]);

  const theme = themeId && framework ? themeById(framework, themeId) : undefined;
  const title =
    source.kind === 'theme'
      ? t('review.titleTheme', { theme: theme ? localText(theme.label, lang) : themeId ?? '' })
      : source.kind === 'interview'
        ? t('review.titleInterview')
        : t('review.titleReflection');
  const backLabel =
    source.kind === 'interview' ? t('review.backToInterview') : source.kind === 'reflection' ? t('review.backToReflection') : t('review.back');

  const entryTheme = entry?.themeId && framework ? themeById(framework, entry.themeId) : undefined;
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
      <header className="review-bar">
        <button type="button" className="link" onClick={back}>
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
            <select value={audience} onChange={(e) => setAudience(e.target.value as Audience)}>
              <option value="all">{t('review.audience.all')}</option>
              <option value="case-manager">{t('review.audience.caseManager')}</option>
              <option value="client">{t('review.audience.client')}</option>
            </select>
          </label>
        )}
        {entries.length > 0 && (
          <output className="review-position" aria-label={t('review.positionLabel')} data-testid="review-position">
            {index + 1} / {entries.length}
          </output>
        )}
      </header>

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
            <FragmentPlayer recordings={workspace.recordings} cue={cue} loop={loop} onPlayer={setPlayer} />
            <div className="review-controls" role="toolbar" aria-label={t('review.controls')}>
              <button type="button" onClick={() => run('previous')} disabled={index === 0} title="← / P">
                |◀ {t('review.previous')}
              </button>
              <button type="button" onClick={() => run('replay')} title="R">
                ⟲ {t('review.replay')}
              </button>
              <button type="button" className="primary review-play" onClick={() => run('togglePlay')} title={t('review.key.togglePlay')}>
                {paused ? `▶ ${t('player.play')}` : `‖ ${t('player.pause')}`}
              </button>
              <button type="button" onClick={() => run('next')} disabled={index + 1 >= entries.length} title="→ / N">
                {t('review.next')} ▶|
              </button>
              <button type="button" aria-pressed={loop} className={loop ? 'on' : ''} onClick={() => run('loop')} title="L">
                ↻ {t('player.loop')}
              </button>
              <span className="review-rate" role="group" aria-label={t('player.speed')}>
                <button type="button" onClick={() => run('slower')} aria-label={t('review.key.slower')} title="[">
                  −
                </button>
                <output aria-label={t('player.speed')} data-testid="review-rate">
                  {rate}×
                </output>
                <button type="button" onClick={() => run('faster')} aria-label={t('review.key.faster')} title="]">
                  +
                </button>
                <button type="button" onClick={() => run('normalSpeed')} disabled={rate === 1} title="\">
                  {t('review.normalSpeed')}
                </button>
              </span>
              <label className="check review-auto">
                <input type="checkbox" checked={autoAdvance} onChange={(e) => setAutoAdvance(e.target.checked)} />
                {t('review.autoAdvance')}
              </label>
            </div>
            <p className="review-status" role="status" aria-live="polite" data-testid="review-status">
              {status}
            </p>
          </div>

          <aside className="review-side" aria-label={t('review.aboutFragment')}>
            {entry && (
              <article className={`review-item valence-${entry.valence}`} data-testid="review-item">
                <p className="review-range">
                  <span className="fragment-range">{formatTimeRange(entry.inSec, entry.outSec)}</span>
                  {entry.recordingLabel && <span> · {entry.recordingLabel}</span>}
                  <span className={`chip chip-valence-${entry.valence}`}>{t(`valence.${entry.valence}`)}</span>
                  {entryTheme && <span className={`chip chip-${entryTheme.kind}`}>{localText(entryTheme.short, lang)}</span>}
                </p>
                <h2 className="review-item-title">{entry.title}</h2>
                {entry.questions.length > 0 && (
                  <>
                    <h3 className="review-subtitle">{t('review.questions')}</h3>
                    <ul className="review-questions" data-testid="review-questions">
                      {entry.questions.map((q, i) => (
                        <li key={i}>{q}</li>
                      ))}
                    </ul>
                  </>
                )}
                <SharedFeedbackList feedback={entry.feedback} framework={framework} />
              </article>
            )}
            <details className="review-list">
              <summary>{t('review.allFragments', { count: entries.length })}</summary>
              <ol>
                {entries.map((e, i) => (
                  <li key={`${e.fragmentId}-${i}`}>
                    <button type="button" className={i === index ? 'link current' : 'link'} aria-current={i === index ? 'true' : undefined} onClick={() => show(i, true)}>
                      {formatTimeRange(e.inSec, e.outSec)}
                      {e.recordingLabel ? ` (${e.recordingLabel})` : ''} · {e.title}
                    </button>
                  </li>
                ))}
              </ol>
            </details>
            <section className="review-legend" aria-label={t('review.keysTitle')}>
              <h3 className="review-subtitle">{t('review.keysTitle')}</h3>
              <dl>
                {REVIEW_KEYS.map((k) => (
                  <div key={k.action}>
                    <dt>
                      {k.keys.map((name) => (
                        <kbd key={name}>{name}</kbd>
                      ))}
                    </dt>
                    <dd>{t(k.label)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          </aside>
        </div>
      )}
    </div>
  );
}

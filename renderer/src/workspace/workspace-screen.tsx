// The annotation workspace of one cycle: recordings, the player with its controls and timeline,
// and the notes and fragments beside it. Keyboard first: see shortcuts.ts.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Fragment, Settings } from '../../../shared/domain';
import { parseFramework, type Framework } from '../../../shared/framework';
import { call } from '../api';
import { CycleHeader, CycleLoadFailed } from '../components/cycle-header';
import { useToasts } from '../components/toasts';
import { useI18n } from '../i18n';
import { TransportBar } from '../player/transport-bar';
import { VideoPlayer } from '../player/video-player';
import type { PlayerAdapter } from '../player/player-adapter';
import { PreviousIntentions } from '../method/previous-intentions';
import { ScrubProxySuggestion } from '../timeline/scrub-proxy-suggestion';
import { TimelineStatus } from '../timeline/timeline-status';
import { useKeepPlayheadAcrossSources } from '../timeline/use-keep-playhead';
import { useSeekLatencies } from '../timeline/use-seek-latencies';
import { useTimelineData } from '../timeline/use-timeline-data';
import { FragmentsPanel } from './fragments-panel';
import { HelpOverlay } from './help-overlay';
import { NotesPanel } from './notes-panel';
import { RecordingsBar } from './recordings-bar';
import { isTypingTarget, shortcutFor, type ShortcutAction } from './shortcuts';
import { Timeline, type TimelineHandle } from './timeline';
import { useWorkspace, type AddFailure } from './use-workspace';

const DEFAULT_FRAMEWORK = 'kijkwijzer';

export function WorkspaceScreen({
  cycleId,
  settings,
  onOpenSettings,
}: {
  cycleId: string;
  settings: Settings;
  onOpenSettings: () => void;
}) {
  const { t, lang, tDynamic } = useI18n();
  const { reportError, notify } = useToasts();
  const reportAddFailures = useCallback(
    (failed: AddFailure[]) => {
      for (const f of failed) {
        console.error(`[vkz] could not add ${f.fileName}: ${f.code} ${f.message}`);
        const reason = tDynamic(`error.${f.code}`, t('error.generic', { detail: f.message }));
        notify({ kind: 'error', text: t('recordings.addFailed', { name: f.fileName, reason }) });
      }
    },
    [notify, t, tDynamic],
  );
  const { workspace, loadFailed, actions } = useWorkspace(cycleId, reportError, reportAddFailures);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [player, setPlayer] = useState<PlayerAdapter | null>(null);
  const [tab, setTab] = useState<'notes' | 'fragments'>('notes');
  const [composing, setComposing] = useState<number | null>(null);
  const [markIn, setMarkIn] = useState<number | null>(null);
  const [selectedFragmentId, setSelectedFragmentId] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [frameworks, setFrameworks] = useState<Framework[]>([]);
  const [frameworkId, setFrameworkId] = useState(DEFAULT_FRAMEWORK);
  const [dragging, setDragging] = useState(false);
  const goToRef = useRef<HTMLInputElement>(null);
  const timelineRef = useRef<TimelineHandle | null>(null);

  useEffect(() => {
    call('frameworks.list', {})
      .then(({ frameworks: list, errors }) => {
        setFrameworks(list.map((f) => parseFramework(f, 'backend')));
        for (const e of errors) notify({ kind: 'error', text: t('frameworks.invalid', { source: e.source, detail: e.message }) });
      })
      .catch(reportError);
  }, [notify, reportError, t]);

  const recordings = workspace?.recordings ?? [];
  const active = recordings.find((r) => r.id === activeId) ?? recordings[0] ?? null;
  useEffect(() => {
    if (active && active.id !== activeId) setActiveId(active.id);
  }, [active, activeId]);

  // With one recording every note is its own: no pass over 10,000 notes on each new one.
  const notes = useMemo(
    () =>
      (recordings.length === 1 && recordings[0]!.id === active?.id
        ? workspace?.notes
        : workspace?.notes.filter((n) => n.recordingId === active?.id)) ?? [],
    [workspace?.notes, active?.id, recordings],
  );
  const fragments = useMemo(
    () => workspace?.fragments.filter((f) => f.recordingId === active?.id) ?? [],
    [workspace?.fragments, active?.id],
  );
  const framework = frameworks.find((f) => f.id === frameworkId) ?? frameworks[0] ?? null;
  const timelineData = useTimelineData(active);
  const seekLatencies = useSeekLatencies(player, active?.mediaUrl ?? null);
  useKeepPlayheadAcrossSources(player, active);

  const playFragment = useCallback(
    (fragment: Fragment, loop = false) => {
      setSelectedFragmentId(fragment.id);
      player?.playRange(fragment, loop);
    },
    [player],
  );

  const announceDeleted = useCallback(
    (what: 'note' | 'fragment') =>
      notify({
        kind: 'info',
        text: what === 'note' ? t('notes.deleted') : t('fragments.deleted'),
        action: { label: t('common.undo'), run: () => void actions.undoDelete() },
      }),
    [notify, t, actions],
  );

  const markOut = useCallback(async () => {
    if (!player || !active) return;
    const out = player.currentTime();
    if (markIn === null || out <= markIn) {
      notify({ kind: 'error', text: t('fragments.markInFirst') });
      return;
    }
    const created = await actions.createFragment({ recordingId: active.id, inSec: markIn, outSec: out });
    if (created) {
      setMarkIn(null);
      setTab('fragments');
      setSelectedFragmentId(created.id);
    }
  }, [player, active, markIn, actions, notify, t]);

  const run = useCallback(
    (action: ShortcutAction) => {
      if (action === 'help') return setHelpOpen(true);
      if (action === 'undo') {
        void actions.undoDelete().then((undone) => undone && notify({ kind: 'info', text: t('common.undone') }));
        return;
      }
      if (action === 'zoomIn') return timelineRef.current?.zoom(1);
      if (action === 'zoomOut') return timelineRef.current?.zoom(-1);
      if (action === 'zoomFit') return timelineRef.current?.fit();
      if (!player) return;
      switch (action) {
        case 'togglePlay':
          return player.toggle();
        case 'back1':
          return player.seekBy(-1);
        case 'forward1':
          return player.seekBy(1);
        case 'back5':
          return player.seekBy(-5);
        case 'forward5':
          return player.seekBy(5);
        case 'frameBack':
          return player.stepFrames(-1);
        case 'frameForward':
          return player.stepFrames(1);
        case 'slower':
          return player.changeRate(-1);
        case 'faster':
          return player.changeRate(1);
        case 'normalSpeed':
          return player.setRate(1);
        case 'toStart':
          return player.seek(0);
        case 'mute':
          return player.toggleMute();
        case 'volumeUp':
          return player.setVolume(player.getState().volume + 0.1);
        case 'volumeDown':
          return player.setVolume(player.getState().volume - 0.1);
        case 'markIn':
          setMarkIn(player.currentTime());
          setTab('fragments');
          return;
        case 'markOut':
          return void markOut();
        case 'playFragment': {
          const fragment = fragments.find((f) => f.id === selectedFragmentId);
          if (fragment) playFragment(fragment, player.getState().range?.loop ?? false);
          return;
        }
        case 'toggleLoop': {
          const range = player.getState().range;
          const fragment = fragments.find((f) => f.id === selectedFragmentId);
          if (range) player.setLoop(!range.loop);
          else if (fragment) playFragment(fragment, true);
          return;
        }
        case 'newNote':
          if (!active) return;
          setTab('notes');
          setComposing(player.currentTime());
          return;
        case 'goToTime':
          goToRef.current?.focus();
          return;
      }
    },
    [player, actions, notify, t, markOut, fragments, selectedFragmentId, playFragment, active],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (helpOpen || document.querySelector('dialog[open]')) return;
      if (isTypingTarget(event.target)) return;
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      run(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [run, helpOpen]);

  if (loadFailed) return <CycleLoadFailed message={t('workspace.loadFailed')} />;
  if (!workspace) return <div className="loading" aria-busy="true" />;

  const { trajectory, cycle } = workspace;
  return (
    <div
      className={`workspace${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('Files')) {
          event.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        const files = [...event.dataTransfer.files];
        if (files.length > 0) void actions.addDroppedRecordings(files);
      }}
    >
      <CycleHeader
        cycleId={cycleId}
        current="analysis"
        trajectory={trajectory}
        cycle={cycle}
        authorName={settings.authorName}
        onOpenSettings={onOpenSettings}
      >
        <button type="button" onClick={() => setHelpOpen(true)} aria-label={t('help.title')}>
          ? {t('help.short')}
        </button>
      </CycleHeader>
      <RecordingsBar recordings={recordings} activeId={active?.id ?? null} onActivate={setActiveId} actions={actions}>
        {active && (
          <ScrubProxySuggestion
            recording={active}
            keyframeIntervalSec={timelineData.keyframeIntervalSec}
            seekLatenciesMs={seekLatencies}
            onRequested={() => void actions.reload()}
            onError={reportError}
          />
        )}
      </RecordingsBar>
      <PreviousIntentions cycleId={cycleId} />
      <div className="workspace-body">
        <div className="stage">
          {recordings.length === 0 ? (
            <div className="dropzone">
              <p>{t('recordings.none')}</p>
              <button type="button" className="primary" onClick={() => void actions.addRecordingsViaDialog()}>
                {t('recordings.add')}
              </button>
            </div>
          ) : null}
          <div className={recordings.length === 0 ? 'hidden' : 'stage-player'}>
            <VideoPlayer recording={active} onPlayer={setPlayer} />
            {active && !active.mediaUrl && (
              <div className="player-overlay">
                {active.missing ? t('recordings.missingShort') : t('recordings.waitingForProxy')}
              </div>
            )}
          </div>
          <TransportBar player={player} goToRef={goToRef} />
          <Timeline
            player={player}
            duration={active?.media.durationSec ?? 0}
            notes={notes}
            fragments={fragments}
            markIn={markIn}
            selectedFragmentId={selectedFragmentId}
            onPlayFragment={playFragment}
            handleRef={timelineRef}
            waveform={timelineData.waveform}
            thumbnails={timelineData.thumbnails}
          />
          <TimelineStatus view={timelineData} />
        </div>
        <aside className="side">
          <div className="tabs" role="tablist">
            <button type="button" role="tab" aria-selected={tab === 'notes'} onClick={() => setTab('notes')}>
              {t('notes.title')} ({notes.length})
            </button>
            <button type="button" role="tab" aria-selected={tab === 'fragments'} onClick={() => setTab('fragments')}>
              {t('fragments.title')} ({fragments.length})
            </button>
            {frameworks.length > 1 && (
              <select value={framework?.id ?? ''} aria-label={t('frameworks.active')} onChange={(e) => setFrameworkId(e.target.value)}>
                {frameworks.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name[lang]}
                  </option>
                ))}
              </select>
            )}
          </div>
          {tab === 'notes' ? (
            <NotesPanel
              notes={notes}
              recordingId={active?.id ?? null}
              player={player}
              composing={composing}
              onComposeStart={() => setComposing(player?.currentTime() ?? 0)}
              onComposeDone={() => setComposing(null)}
              actions={actions}
              onDeleted={announceDeleted}
            />
          ) : (
            <FragmentsPanel
              fragments={fragments}
              recordingId={active?.id ?? null}
              framework={framework}
              markIn={markIn}
              selectedId={selectedFragmentId}
              onSelect={setSelectedFragmentId}
              onPlay={playFragment}
              actions={actions}
              onDeleted={() => announceDeleted('fragment')}
              playheadSec={() => player?.currentTime() ?? null}
            />
          )}
        </aside>
      </div>
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
    </div>
  );
}

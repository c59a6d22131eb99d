// The annotation workspace of one cycle: the cycle's header, its recordings, and the body: the
// stage (player, transport, timeline; workspace-stage.tsx) beside the notes and fragments
// (side-panel.tsx), split by a splitter and laid out as remembered (layout/). Keyboard first:
// see shortcuts.ts and use-workspace-keys.ts.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Fragment, Settings } from '../../../shared/domain';
import { parseFramework, type Framework } from '../../../shared/framework';
import { call } from '../api';
import { CycleHeader, CycleLoadFailed } from '../components/cycle-header';
import { useToasts } from '../components/toasts';
import { useI18n } from '../i18n';
import { ResizeHandle } from '../layout/resize-handle';
import { useElementSize } from '../layout/use-element-size';
import { useWorkspaceLayout } from '../layout/use-workspace-layout';
import { clampSideWidth, maxSideWidth, SIDE_WIDTH } from '../layout/workspace-layout';
import type { PlayerAdapter } from '../player/player-adapter';
import { PreviousIntentions } from '../method/previous-intentions';
import { ScrubProxySuggestion } from '../timeline/scrub-proxy-suggestion';
import { useKeepPlayheadAcrossSources } from '../timeline/use-keep-playhead';
import { useSeekLatencies } from '../timeline/use-seek-latencies';
import { useTimelineData } from '../timeline/use-timeline-data';
import { FragmentsPanel } from './fragments-panel';
import { HelpOverlay } from './help-overlay';
import { NotesPanel } from './notes-panel';
import { RecordingsBar } from './recordings-bar';
import { SidePanel, type SideTab } from './side-panel';
import type { TimelineHandle } from './timeline';
import { useFileDrop } from './use-file-drop';
import { useWorkspace, type AddFailure } from './use-workspace';
import { useWorkspaceKeys } from './use-workspace-keys';
import { WorkspaceStage } from './workspace-stage';

const DEFAULT_FRAMEWORK = 'kijkwijzer';
const SIDE_ID = 'workspace-side';

/** The frameworks (question sets) fragments can be tagged with; invalid ones are reported. */
function useFrameworks(notify: ReturnType<typeof useToasts>['notify'], reportError: (error: unknown) => void) {
  const { t } = useI18n();
  const [frameworks, setFrameworks] = useState<Framework[]>([]);
  useEffect(() => {
    call('frameworks.list', {})
      .then(({ frameworks: list, errors }) => {
        setFrameworks(list.map((f) => parseFramework(f, 'backend')));
        for (const e of errors) notify({ kind: 'error', text: t('frameworks.invalid', { source: e.source, detail: e.message }) });
      })
      .catch(reportError);
  }, [notify, reportError, t]);
  return frameworks;
}

export function WorkspaceScreen({
  cycleId,
  settings,
  onOpenSettings,
}: {
  cycleId: string;
  settings: Settings;
  onOpenSettings: () => void;
}) {
  const { t, tDynamic } = useI18n();
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
  const { workspace, loadFailed, actions } = useWorkspace(cycleId, settings.authorName, reportError, reportAddFailures);
  const frameworks = useFrameworks(notify, reportError);
  const [layout, updateLayout] = useWorkspaceLayout();
  const [activeId, setActiveId] = useState<string | null>(null);
  const [player, setPlayer] = useState<PlayerAdapter | null>(null);
  const [tab, setTab] = useState<SideTab>('notes');
  const [composing, setComposing] = useState<number | null>(null);
  const [markIn, setMarkIn] = useState<number | null>(null);
  const [selectedFragmentId, setSelectedFragmentId] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [frameworkId, setFrameworkId] = useState(DEFAULT_FRAMEWORK);
  const goToRef = useRef<HTMLInputElement>(null);
  const timelineRef = useRef<TimelineHandle | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const body = useElementSize(bodyRef);
  const drop = useFileDrop((files) => void actions.addDroppedRecordings(files));

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

  /** Shows a tab of the side panel, opening the panel if it was collapsed. */
  const showTab = useCallback(
    (which: SideTab) => {
      setTab(which);
      if (layout.sideCollapsed) updateLayout({ sideCollapsed: false });
    },
    [layout.sideCollapsed, updateLayout],
  );

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
      showTab('fragments');
      setSelectedFragmentId(created.id);
    }
  }, [player, active, markIn, actions, notify, t, showTab]);

  useWorkspaceKeys({
    player,
    timeline: timelineRef,
    goToInput: goToRef,
    fragments,
    selectedFragmentId,
    canAddNote: active !== null,
    enabled: !helpOpen,
    openHelp: useCallback(() => setHelpOpen(true), []),
    undo: useCallback(
      () => void actions.undoDelete().then((undone) => undone && notify({ kind: 'info', text: t('common.undone') })),
      [actions, notify, t],
    ),
    markIn: useCallback(
      (sec: number) => {
        setMarkIn(sec);
        showTab('fragments');
      },
      [showTab],
    ),
    markOut: useCallback(() => void markOut(), [markOut]),
    playFragment,
    newNote: useCallback(
      (sec: number) => {
        showTab('notes');
        setComposing(sec);
      },
      [showTab],
    ),
  });

  if (loadFailed) return <CycleLoadFailed message={t('workspace.loadFailed')} />;
  if (!workspace) return <div className="loading" aria-busy="true" />;

  const { trajectory, cycle } = workspace;
  const sideWidth = clampSideWidth(layout.sideWidthPx, body.width || window.innerWidth);
  return (
    <div className={`workspace${drop.dragging ? ' dragging' : ''}`} {...drop.handlers}>
      <CycleHeader
        cycleId={cycleId}
        current="analysis"
        trajectory={trajectory}
        cycle={cycle}
        authorName={settings.authorName}
        onOpenSettings={onOpenSettings}
      >
        <button type="button" onClick={() => setHelpOpen(true)}>
          <span aria-hidden="true">? </span>
          {t('help.short')}
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
      <main
        className={`workspace-body${layout.sideCollapsed ? ' side-is-collapsed' : ''}`}
        ref={bodyRef}
        style={layout.sideCollapsed ? undefined : { gridTemplateColumns: `minmax(0, 1fr) auto ${sideWidth}px` }}
      >
        <WorkspaceStage
          recordings={recordings}
          active={active}
          player={player}
          onPlayer={setPlayer}
          notes={notes}
          fragments={fragments}
          markIn={markIn}
          selectedFragmentId={selectedFragmentId}
          onPlayFragment={playFragment}
          timelineRef={timelineRef}
          goToRef={goToRef}
          timelineData={timelineData}
          onAddRecordings={() => void actions.addRecordingsViaDialog()}
          playerHeightPx={layout.playerHeightPx}
          onPlayerHeight={(px) => updateLayout({ playerHeightPx: px })}
        />
        {!layout.sideCollapsed && (
          <ResizeHandle
            orientation="vertical"
            grow="left"
            value={sideWidth}
            min={SIDE_WIDTH.min}
            max={maxSideWidth(body.width || window.innerWidth)}
            label={t('workspace.sideResize')}
            controls={SIDE_ID}
            onChange={(px) => updateLayout({ sideWidthPx: px })}
            testId="side-resize"
          />
        )}
        <SidePanel
          id={SIDE_ID}
          tab={tab}
          onTab={setTab}
          noteCount={notes.length}
          fragmentCount={fragments.length}
          frameworks={frameworks}
          frameworkId={framework?.id ?? null}
          onFramework={setFrameworkId}
          collapsed={layout.sideCollapsed}
          onCollapsed={(sideCollapsed) => updateLayout({ sideCollapsed })}
        >
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
        </SidePanel>
      </main>
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
    </div>
  );
}

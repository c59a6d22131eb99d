// The alignment page of a cycle (tab "Afstemmen"): the two researchers' analyses side by side
// in lanes with one playhead, the items to align (pairs, singles, note groups) with what
// differs, the decision per item, progress, and the agreement table. Keyboard-first (see
// align-shortcuts.ts); the originals are never changed.
import { useCallback, useMemo, useRef, useState } from 'react';
import { alignmentProgress, MIN_OVERLAP_THRESHOLD } from '../../../shared/alignment';
import type { Settings } from '../../../shared/domain';
import { CycleHeader, CycleLoadFailed } from '../components/cycle-header';
import { useToasts } from '../components/toasts';
import { useI18n } from '../i18n';
import type { PlayerAdapter } from '../player/player-adapter';
import { VideoPlayer } from '../player/video-player';
import { useFramework } from '../method/use-framework';
import { HelpOverlay } from '../workspace/help-overlay';
import { controlOwnsKey } from '../components/control-keys';
import { isTypingTarget, useKeyActions } from '../components/key-actions';
import { alignModel, lanesOf, unitDecision, type AlignUnit } from './align-model';
import { ALIGN_SHORTCUTS, type AlignCommands } from './align-shortcuts';
import { AgreementPanel } from './agreement-panel';
import { AlignmentLanes } from './alignment-lanes';
import { UnitDetail } from './unit-detail';
import { UnitList } from './unit-list';
import { useAlignment } from './use-alignment';
import './align.css';
import { useEditControl } from '../startup/read-only';

export function AlignScreen({ cycleId, settings, onOpenSettings }: { cycleId: string; settings: Settings; onOpenSettings: () => void }) {
  const { t } = useI18n();
  const editControl = useEditControl();
  const { reportError } = useToasts();
  const { data, loadFailed, busy, actions } = useAlignment(cycleId, reportError);
  const framework = useFramework(data?.frameworkId ?? null, reportError);
  const [chosen, setChosen] = useState<{ left: string | null; right: string | null }>({ left: null, right: null });
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [player, setPlayer] = useState<PlayerAdapter | null>(null);
  const [recordingId, setRecordingId] = useState<string | null>(null);
  const [zoomed, setZoomed] = useState(true);
  const [helpOpen, setHelpOpen] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const editorRef = useRef<HTMLInputElement>(null);

  const model = useMemo(
    () => (data ? alignModel(data.workspace, data.decisions, data.threshold, chosen) : null),
    [data, chosen],
  );
  const units = model?.units ?? [];
  const selectedIndex = Math.max(0, units.findIndex((u) => u.key === selectedKey));
  const selected: AlignUnit | null = units[selectedIndex] ?? null;
  const decisions = data?.decisions ?? [];
  const decision = selected ? unitDecision(selected, decisions) : null;
  const progress = alignmentProgress(units.map((u) => u.ids), decisions);

  // The recording on screen follows the selected item.
  const recordings = data?.workspace.recordings ?? [];
  const currentRecordingId = recordingId ?? selected?.recordingId ?? recordings[0]?.id ?? null;
  const recording = recordings.find((r) => r.id === currentRecordingId) ?? null;

  const select = useCallback(
    (unit: AlignUnit | undefined) => {
      if (!unit) return;
      setSelectedKey(unit.key);
      setRecordingId(unit.recordingId);
      if (player && unit.recordingId === currentRecordingId) {
        player.clearRange();
        player.seek(unit.startSec);
      }
    },
    [player, currentRecordingId],
  );

  const playSpan = useCallback(
    (loop: boolean) => {
      if (selected && player) player.playRange({ inSec: selected.startSec, outSec: Math.max(selected.endSec, selected.startSec + 2) }, loop);
    },
    [selected, player],
  );

  const sideLabel = useCallback((side: 'left' | 'right') => (side === 'left' ? model?.left : model?.right) ?? '', [model]);

  const decide = (action: 'take' | 'combine' | 'discussed' | 'keep' | 'merge', extra: { takeId?: string; range?: 'union' | 'intersection' } = {}) => {
    if (!selected || decision || busy) return;
    const subject = selected.kind === 'notes' ? 'notes' : 'fragments';
    void actions.decide({ subject, sourceIds: selected.ids, action, comment: commentRef.current?.value ?? '', ...extra });
  };

  const commands: AlignCommands = {
    next: () => select(units[selectedIndex + 1]),
    previous: () => select(units[selectedIndex - 1]),
    take: (side) => {
      const fragment =
        selected?.kind === 'pair' ? selected.pair[side] : selected?.kind === 'single' && selected.single.side === side ? selected.single.fragment : null;
      if (fragment) decide('take', { takeId: fragment.id });
    },
    combine: (range) => {
      if (selected?.kind === 'pair') decide('combine', { range });
      else if (selected?.kind === 'notes' && range === 'union') decide('merge');
    },
    keepNotes: () => selected?.kind === 'notes' && decide('keep'),
    discussed: () => {
      if (decision) return;
      const comment = commentRef.current;
      if (comment && document.activeElement !== comment && comment.value === '') comment.focus();
      else decide('discussed');
    },
    edit: () => editorRef.current?.focus(),
    undo: () => decision && !busy && void actions.undo(decision.id),
    togglePlay: () => player?.toggle(),
    playSpan,
    help: () => setHelpOpen(true),
  };
  useKeyActions(ALIGN_SHORTCUTS, commands, {
    ignore: (event) => helpOpen || document.querySelector('dialog[open]') !== null || isTypingTarget(event.target) || controlOwnsKey(event),
  });

  if (loadFailed) return <CycleLoadFailed message={t('align.loadFailed')} />;

  const joint = decision?.resultId ? (data?.workspace.fragments.find((f) => f.id === decision.resultId) ?? null) : null;
  const jointNote = decision?.resultId ? (data?.workspace.notes.find((n) => n.id === decision.resultId) ?? null) : null;
  const selectedIds = new Set(selected ? [...selected.ids, ...(decision?.resultId ? [decision.resultId] : [])] : []);

  return (
    <div className="method-screen align-screen">
      <CycleHeader
        cycleId={cycleId}
        current="align"
        trajectory={data?.workspace.trajectory ?? null}
        cycle={data?.workspace.cycle ?? null}
        authorName={settings.authorName}
        onOpenSettings={onOpenSettings}
      >
        <button type="button" onClick={() => setHelpOpen(true)} title={t('shortcut.help')}>
          ?
        </button>
      </CycleHeader>
      {!data || !model ? (
        <div className="loading" aria-busy="true" />
      ) : (
        <main className="align-main" aria-label={t('cycleTabs.align')}>
          <div className="align-toolbar">
            <label>
              {t('align.left')}
              <select value={model.left} onChange={(e) => setChosen({ left: e.target.value, right: model.right === e.target.value ? model.left : model.right })}>
                {model.authors.map((a) => (
                  <option key={a}>{a}</option>
                ))}
              </select>
            </label>
            <label>
              {t('align.right')}
              <select value={model.right} onChange={(e) => setChosen({ left: model.left === e.target.value ? model.right : model.left, right: e.target.value })}>
                {model.authors.map((a) => (
                  <option key={a}>{a}</option>
                ))}
              </select>
            </label>
            <label title={t('align.thresholdHelp')}>
              {t('align.threshold')}
              <input
                type="number"
                min={MIN_OVERLAP_THRESHOLD * 100}
                max={100}
                step={5}
                value={Math.round(data.threshold * 100)}
                onChange={(e) => {
                  const value = Number(e.target.value) / 100;
                  if (value >= MIN_OVERLAP_THRESHOLD && value <= 1) actions.setThreshold(value);
                }}
                {...editControl()}
              />
              %
            </label>
            <span className="align-progress" data-testid="align-progress">
              <progress max={Math.max(1, progress.total)} value={progress.done} />
              {t('align.progress', { done: progress.done, total: progress.total })}
            </span>
          </div>
          {model.authors.length < 2 ? (
            <p className="notice">{t('align.needTwo')}</p>
          ) : (
            <div className="align-columns">
              <div className="align-left-column">
                <div className="align-player">
                  <VideoPlayer recording={recording} onPlayer={setPlayer} />
                </div>
                {recordings.length > 1 && (
                  <div className="align-recordings" role="group" aria-label={t('align.recordings')}>
                    {recordings.map((r) => (
                      <button key={r.id} type="button" aria-pressed={r.id === currentRecordingId} onClick={() => {
                          const first = units.find((u) => u.recordingId === r.id);
                          if (first) select(first);
                          else setRecordingId(r.id);
                        }}>
                        {t('align.video', { n: r.position })}
                      </button>
                    ))}
                  </div>
                )}
                <div className="align-lanes-head">
                  <h2>{t('align.lanes')}</h2>
                  <button type="button" aria-pressed={zoomed} onClick={() => setZoomed(!zoomed)}>
                    {zoomed ? t('align.zoomWhole') : t('align.zoomItem')}
                  </button>
                </div>
                {recording && (
                  <AlignmentLanes
                    lanes={lanesOf(model, data.workspace, recording.id, t('align.jointLane'))}
                    durationSec={recording.media.durationSec}
                    player={player}
                    selectedIds={selectedIds}
                    focus={zoomed && selected && selected.recordingId === recording.id ? selected : null}
                    onSelectRecord={(id) => select(units.find((u) => u.ids.includes(id)) ?? units.find((u) => unitDecision(u, decisions)?.resultId === id))}
                  />
                )}

              </div>
              <div className="align-right-column">
                {selected && (
                  <UnitDetail
                    key={selected.key}
                    unit={selected}
                    index={selectedIndex}
                    total={units.length}
                    decision={decision}
                    joint={joint}
                    jointNote={jointNote}
                    framework={framework}
                    sideLabel={sideLabel}
                    actions={actions}
                    busy={busy}
                    commentRef={commentRef}
                    editorRef={editorRef}
                    onPlay={playSpan}
                    onDiscussed={commands.discussed}
                  />
                )}
                <section className="card">
                  <h2>{t('align.units')}</h2>
                  <UnitList
                    units={units}
                    decisionOf={(u) => unitDecision(u, decisions)}
                    selectedKey={selected?.key ?? null}
                    onSelect={(key) => select(units.find((u) => u.key === key))}
                    sideLabel={sideLabel}
                  />
                </section>
              </div>
            </div>
          )}
          {model.authors.length >= 2 && (
            <AgreementPanel
              cycleId={cycleId}
              workspace={data.workspace}
              fragments={model.fragments}
              left={model.left}
              right={model.right}
              threshold={data.threshold}
              framework={framework}
            />
          )}
        </main>
      )}
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} shortcuts={ALIGN_SHORTCUTS} hint="align.helpHint" />}
    </div>
  );
}

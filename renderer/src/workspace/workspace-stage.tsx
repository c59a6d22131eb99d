// The left of the analysis page: the player, its transport controls and the timeline, always all
// in view. The player takes the room the controls and the timeline leave; a splitter between the
// transport and the timeline makes it smaller (remembered, see layout/workspace-layout.ts).
import { useRef } from 'react';
import type { Fragment, Note, Recording } from '../../../shared/domain';
import { useI18n } from '../i18n';
import { ResizeHandle } from '../layout/resize-handle';
import { useElementSize } from '../layout/use-element-size';
import { clampPlayerHeight, PLAYER_MIN_HEIGHT_PX } from '../layout/workspace-layout';
import type { PlayerAdapter } from '../player/player-adapter';
import { TransportBar } from '../player/transport-bar';
import { ScrubPreview } from '../player/scrub-preview';
import { VideoPlayer } from '../player/video-player';
import { TimelineStatus } from '../timeline/timeline-status';
import type { TimelineData } from '../timeline/use-timeline-data';
import { Timeline, type TimelineHandle } from './timeline';
import { useEditControl } from '../startup/read-only';

const PLAYER_ID = 'workspace-player';

export function WorkspaceStage({
  recordings,
  active,
  player,
  onPlayer,
  notes,
  fragments,
  markIn,
  selectedFragmentId,
  onPlayFragment,
  timelineRef,
  goToRef,
  timelineData,
  onAddRecordings,
  playerHeightPx,
  onPlayerHeight,
}: {
  recordings: Recording[];
  active: Recording | null;
  player: PlayerAdapter | null;
  onPlayer: (player: PlayerAdapter | null) => void;
  notes: Note[];
  fragments: Fragment[];
  markIn: number | null;
  selectedFragmentId: string | null;
  onPlayFragment: (fragment: Fragment, loop?: boolean) => void;
  timelineRef: React.RefObject<TimelineHandle | null>;
  goToRef: React.RefObject<HTMLInputElement | null>;
  timelineData: TimelineData;
  onAddRecordings: () => void;
  /** Null: as tall as fits. */
  playerHeightPx: number | null;
  onPlayerHeight: (px: number) => void;
}) {
  const { t } = useI18n();
  const editControl = useEditControl();
  const stageRef = useRef<HTMLDivElement>(null);
  const controlsRef = useRef<HTMLDivElement>(null);
  const stage = useElementSize(stageRef);
  const controls = useElementSize(controlsRef);
  // The room above the controls: the stage's box less its padding and the gap (app.css .stage).
  const room = Math.max(PLAYER_MIN_HEIGHT_PX, stage.height - 2 * 8 - 6 - controls.height);
  const height = playerHeightPx === null ? room : clampPlayerHeight(playerHeightPx, room);
  const empty = recordings.length === 0;

  return (
    <div className="stage" ref={stageRef}>
      {empty && (
        <div className="dropzone">
          <p>{t('recordings.none')}</p>
          <button type="button" className="primary" {...editControl()} onClick={onAddRecordings}>
            {t('recordings.add')}
          </button>
        </div>
      )}
      <div
        id={PLAYER_ID}
        className={empty ? 'hidden' : 'stage-player'}
        style={stage.height > 0 ? { height: `${height}px` } : undefined}
      >
        <VideoPlayer recording={active} onPlayer={onPlayer}>
          <ScrubPreview player={player} thumbnails={timelineData.thumbnails} />
        </VideoPlayer>
        {active && !active.mediaUrl && (
          <div className="player-overlay">
            {active.missing ? t('recordings.missingShort') : t('recordings.waitingForProxy')}
          </div>
        )}
      </div>
      <div className={empty ? 'hidden' : 'stage-controls'} ref={controlsRef}>
        <TransportBar player={player} goToRef={goToRef} />
        <ResizeHandle
          orientation="horizontal"
          grow="down"
          value={height}
          min={PLAYER_MIN_HEIGHT_PX}
          max={room}
          label={t('workspace.playerResize')}
          controls={PLAYER_ID}
          onChange={onPlayerHeight}
          testId="player-resize"
        />
        <Timeline
          player={player}
          duration={active?.media.durationSec ?? 0}
          notes={notes}
          fragments={fragments}
          markIn={markIn}
          selectedFragmentId={selectedFragmentId}
          onPlayFragment={onPlayFragment}
          handleRef={timelineRef}
          waveform={timelineData.waveform}
          thumbnails={timelineData.thumbnails}
        />
        <TimelineStatus view={timelineData} />
      </div>
    </div>
  );
}

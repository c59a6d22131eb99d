// Plays one fragment of a cycle's recordings: loads the recording it is in (a session can have
// several video files), then cues it at its in point or plays it to its out point, where the
// player stops (or repeats the fragment when looping). Each new cue (a new `seq`) starts again.
import { useEffect, useState } from 'react';
import type { Recording } from '../../../shared/domain';
import { useI18n } from '../i18n';
import type { PlayerAdapter } from '../player/player-adapter';
import { VideoPlayer } from '../player/video-player';

export interface FragmentCue {
  recordingId: string;
  inSec: number;
  outSec: number;
  /** Play at once (true) or only wait at the in point (false). */
  play: boolean;
  /** Changes for every new cue, so cueing the same fragment again replays it. */
  seq: number;
}

export function FragmentPlayer({
  recordings,
  cue,
  loop,
  onPlayer,
}: {
  recordings: Recording[];
  cue: FragmentCue | null;
  loop: boolean;
  onPlayer?: (player: PlayerAdapter | null) => void;
}) {
  const { t } = useI18n();
  const [player, setPlayer] = useState<PlayerAdapter | null>(null);
  const recording = cue ? (recordings.find((r) => r.id === cue.recordingId) ?? null) : null;
  const url = recording?.mediaUrl ?? null;

  // Runs after VideoPlayer's own effect has (re)loaded the recording: wait until its metadata is
  // there, then seek to the in point and, if asked, play the range.
  useEffect(() => {
    if (!player || !cue || !url) return;
    let done = false;
    const apply = () => {
      if (done || !player.getState().ready) return;
      done = true;
      if (cue.play) {
        player.playRange({ inSec: cue.inSec, outSec: cue.outSec }, loop);
      } else {
        player.pause();
        player.clearRange();
        player.seek(cue.inSec);
      }
    };
    const unsubscribe = player.subscribe(apply);
    apply();
    return () => {
      done = true;
      unsubscribe();
    };
    // `loop` is read when the cue is applied; changing it later goes through player.setLoop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [player, cue?.seq, url]);

  return (
    <div className="fragment-player">
      <VideoPlayer
        recording={recording}
        onPlayer={(p) => {
          setPlayer(p);
          onPlayer?.(p);
        }}
      />
      {cue && !recording && <div className="player-overlay">{t('review.recordingGone')}</div>}
      {recording && !url && (
        <div className="player-overlay">
          {recording.missing ? t('recordings.missingShort') : t('recordings.waitingForProxy')}
        </div>
      )}
    </div>
  );
}

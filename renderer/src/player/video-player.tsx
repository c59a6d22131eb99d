// Mounts video.js for one recording and hands the adapter to the workspace.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Recording } from '../../../shared/domain';
import { useI18n } from '../i18n';
import { PlayerAdapter } from './player-adapter';

export function VideoPlayer({
  recording,
  onPlayer,
  children,
}: {
  recording: Recording | null;
  onPlayer: (player: PlayerAdapter | null) => void;
  /** Drawn over the video (the scrub preview). */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const [player, setPlayer] = useState<PlayerAdapter | null>(null);

  // video.js owns the DOM inside the container: create it imperatively, dispose on unmount.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const adapter = new PlayerAdapter(container, { noMedia: t('player.cannotPlay') });
    setPlayer(adapter);
    onPlayer(adapter);
    (window as unknown as { __vkzPlayer?: PlayerAdapter }).__vkzPlayer = adapter; // tests read the playhead
    return () => {
      onPlayer(null);
      adapter.dispose();
      container.replaceChildren();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- mount once
  }, []);

  const url = recording?.mediaUrl ?? null;
  useEffect(() => {
    if (!player) return;
    if (url && recording) player.load(url, recording.mediaType, recording.media.video?.fps ?? 25);
    else player.unload();
    // Reload only when what should play changes, not on every progress tick of the recording.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [player, url]);

  const audioOnly = recording !== null && recording.media.video === null;
  return (
    <div className={audioOnly ? 'player player-audio' : 'player'}>
      <div ref={containerRef} className="player-mount" data-testid="player" />
      {audioOnly && url && <div className="player-audio-badge">{t('player.audioOnly')}</div>}
      {children}
    </div>
  );
}

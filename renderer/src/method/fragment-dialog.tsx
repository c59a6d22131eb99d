// Replays one agenda item's fragment in a dialog, without leaving the agenda: plays from its in
// point and stops at its out point; replay and loop on request.
import { useState } from 'react';
import type { Recording } from '../../../shared/domain';
import type { AgendaItem } from '../../../shared/method';
import { Modal } from '../components/modal';
import { useI18n } from '../i18n';
import type { PlayerAdapter } from '../player/player-adapter';
import { FragmentPlayer, type FragmentCue } from '../review/fragment-player';

export function FragmentDialog({
  item,
  recordings,
  onClose,
}: {
  item: AgendaItem & { replay: NonNullable<AgendaItem['replay']> };
  recordings: Recording[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { replay } = item;
  const [cue, setCue] = useState<FragmentCue>({ ...replay, play: true, seq: 1 });
  const [loop, setLoop] = useState(false);
  const [player, setPlayer] = useState<PlayerAdapter | null>(null);
  return (
    <Modal title={`${item.title} · ${replay.label}`} onClose={onClose} wide>
      <div className="fragment-dialog">
        <FragmentPlayer recordings={recordings} cue={cue} loop={loop} onPlayer={setPlayer} />
        {item.questions.length > 0 && (
          <ul className="agenda-questions">
            {item.questions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ul>
        )}
      </div>
      <div className="modal-actions">
        <button type="button" onClick={() => setCue((c) => ({ ...c, play: true, seq: c.seq + 1 }))}>
          ⟲ {t('review.replay')}
        </button>
        <button
          type="button"
          aria-pressed={loop}
          className={loop ? 'on' : ''}
          onClick={() => {
            setLoop(!loop);
            player?.setLoop(!loop);
          }}
        >
          ↻ {t('player.loop')}
        </button>
        <button type="button" className="primary" onClick={onClose} autoFocus>
          {t('common.close')}
        </button>
      </div>
    </Modal>
  );
}

// In a follow-up cycle's analysis view: the intentions (voornemens) the case manager took from the
// previous cycle's reflection meeting, so the analysts watch for them ("did they put them into
// practice, and what came of it?"). Collapsible (folded at first on short windows), and absent in
// a first cycle.
import { call } from '../api';
import { useBackendCall } from '../components/use-backend-call';
import { useI18n } from '../i18n';
import '../styles/method.css';

const ROOMY_WINDOW_HEIGHT_PX = 820;

export function PreviousIntentions({ cycleId }: { cycleId: string }) {
  const { t } = useI18n();
  const { value: view } = useBackendCall(cycleId, () => call('method.get', { cycleId }), {
    // The analysis works without it; a failure here shows nothing rather than a second error.
    onError: (error) => console.error('[vkz] previous intentions', error),
  });

  if (!view || view.previousIntentions.length === 0) return null;
  // On a laptop screen the list starts folded to its one-line summary: the timeline needs the room.
  const openAtFirst = window.innerHeight >= ROOMY_WINDOW_HEIGHT_PX;
  const previous = view.previousCycle;
  const cycleName = previous ? previous.title || t('library.defaultCycleTitle', { n: previous.number }) : '';
  return (
    <details className="previous-intentions" open={openAtFirst} data-testid="previous-intentions">
      <summary>
        {t('previousIntentions.title', { count: view.previousIntentions.length, cycle: cycleName })}
      </summary>
      <p className="hint">{t('previousIntentions.hint')}</p>
      <ul>
        {view.previousIntentions.map((intention) => (
          <li key={intention.id}>{intention.text}</li>
        ))}
      </ul>
    </details>
  );
}

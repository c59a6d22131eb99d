// "Showreel maken": one MP4 of an agenda's fragments in order (with a short title card before
// each), for a client who can't use the app. main asks where to save; progress shows below.
import { useState } from 'react';
import { call } from '../api';
import { useToasts } from '../components/toasts';
import { useI18n } from '../i18n';
import { registerClipJob } from './clip-jobs';
import { ClipProgress } from './clip-progress';
import './clips.css';
import { useEditControl } from '../startup/read-only';

type Source = 'reflection' | 'interview';

export function ShowreelMaker({ cycleId, source: fixedSource }: { cycleId: string; source?: Source }) {
  const { t } = useI18n();
  const editControl = useEditControl();
  const { reportError } = useToasts();
  const [source, setSource] = useState<Source>(fixedSource ?? 'reflection');
  const [titleCards, setTitleCards] = useState(true);
  const [burnTimecode, setBurnTimecode] = useState(false);
  const [starting, setStarting] = useState(false);

  const start = async () => {
    setStarting(true);
    try {
      const { jobId, path } = await call('clips.showreel', { cycleId, source, titleCards, burnTimecode });
      if (jobId) registerClipJob(jobId, 'showreel', t(source === 'reflection' ? 'clips.showreelReflection' : 'clips.showreelInterview'), path);
    } catch (error) {
      reportError(error);
    } finally {
      setStarting(false);
    }
  };

  return (
    <section className="showreel-maker" data-testid="showreel-maker" aria-labelledby={`showreel-title-${cycleId}`}>
      <h3 id={`showreel-title-${cycleId}`}>{t('clips.showreelTitle')}</h3>
      <span className="hint">{t('clips.showreelHint')}</span>
      {!fixedSource && (
        <div className="showreel-options" role="radiogroup" aria-label={t('clips.showreelSource')}>
          {(['reflection', 'interview'] as const).map((s) => (
            <label key={s}>
              <input type="radio" name={`showreel-source-${cycleId}`} checked={source === s} onChange={() => setSource(s)} />
              {t(s === 'reflection' ? 'clips.sourceReflection' : 'clips.sourceInterview')}
            </label>
          ))}
        </div>
      )}
      <div className="showreel-options">
        <label>
          <input type="checkbox" checked={titleCards} onChange={(e) => setTitleCards(e.target.checked)} />
          {t('clips.titleCards')}
        </label>
        <label>
          <input type="checkbox" checked={burnTimecode} onChange={(e) => setBurnTimecode(e.target.checked)} />
          {t('clips.burnTimecode')}
        </label>
      </div>
      <div className="showreel-buttons">
        <button type="button" {...editControl(starting)} onClick={() => void start()}>
          {t('clips.makeShowreel')}
        </button>
      </div>
      <ClipProgress kind="showreel" />
    </section>
  );
}

// Edits the joint fragment an alignment made: title, range, valence, themes, note, and whether
// it is for the interview or the meeting. Saved as it is edited (text on leaving the field),
// through the alignment so the fragment stays written by "samen".
import { useState } from 'react';
import type { RequestOf } from '../../../shared/contract';
import type { Fragment } from '../../../shared/domain';
import { localText, type Framework } from '../../../shared/framework';
import { formatTimecode, parseTimecode } from '../../../shared/timecode';
import { useI18n } from '../i18n';

type Patch = RequestOf<'alignment.editResult'>['patch'];

export function JointFragmentEditor({
  fragment,
  framework,
  titleRef,
  onSave,
}: {
  fragment: Fragment;
  framework: Framework | null;
  titleRef: React.RefObject<HTMLInputElement | null>;
  onSave: (patch: Patch) => void;
}) {
  const { t, lang } = useI18n();
  const [title, setTitle] = useState(fragment.title);
  const [note, setNote] = useState(fragment.note);
  const [inText, setInText] = useState(formatTimecode(fragment.inSec));
  const [outText, setOutText] = useState(formatTimecode(fragment.outSec));
  const [timeError, setTimeError] = useState(false);

  const saveTimes = () => {
    const inSec = parseTimecode(inText);
    const outSec = parseTimecode(outText);
    if (inSec === null || outSec === null || !(outSec > inSec)) {
      setTimeError(true);
      return;
    }
    setTimeError(false);
    if (inSec !== fragment.inSec || outSec !== fragment.outSec) onSave({ inSec, outSec });
  };
  const toggleTheme = (id: string) =>
    onSave({ themes: fragment.themes.includes(id) ? fragment.themes.filter((x) => x !== id) : [...fragment.themes, id] });

  return (
    <fieldset className="joint-editor" data-testid="joint-editor">
      <legend>
        {t('align.jointFragment')} <span className="chip">{fragment.author}</span>
      </legend>
      <label>
        {t('align.field.title')}
        <input ref={titleRef} value={title} onChange={(e) => setTitle(e.target.value)} onBlur={() => title !== fragment.title && onSave({ title })} />
      </label>
      <div className="joint-times">
        <label>
          {t('align.field.in')}
          <input value={inText} onChange={(e) => setInText(e.target.value)} onBlur={saveTimes} aria-invalid={timeError} />
        </label>
        <label>
          {t('align.field.out')}
          <input value={outText} onChange={(e) => setOutText(e.target.value)} onBlur={saveTimes} aria-invalid={timeError} />
        </label>
        {timeError && <span className="field-error">{t('align.badRange')}</span>}
      </div>
      <div className="segmented" role="radiogroup" aria-label={t('fragments.valence')}>
        {(['positive', 'concern'] as const).map((valence) => (
          <button
            key={valence}
            type="button"
            role="radio"
            aria-checked={fragment.valence === valence}
            className={fragment.valence === valence ? 'on' : ''}
            onClick={() => onSave({ valence })}
          >
            {t(`valence.${valence}`)}
          </button>
        ))}
      </div>
      {framework && (
        <div className="joint-themes" role="group" aria-label={t('align.field.themes')}>
          {framework.themes.map((theme) => (
            <label key={theme.id} className={theme.kind === 'open' ? 'chip-toggle chip-open' : 'chip-toggle'}>
              <input type="checkbox" checked={fragment.themes.includes(theme.id)} onChange={() => toggleTheme(theme.id)} />
              {localText(theme.short, lang)}
            </label>
          ))}
        </div>
      )}
      <div className="joint-marks">
        <label>
          <input type="checkbox" checked={fragment.forCaseManager} onChange={(e) => onSave({ forCaseManager: e.target.checked })} />
          {t('align.forCaseManager')}
        </label>
        <label>
          <input type="checkbox" checked={fragment.forClient} onChange={(e) => onSave({ forClient: e.target.checked })} />
          {t('align.forClient')}
        </label>
      </div>
      <label>
        {t('fragments.note')}
        <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} onBlur={() => note !== fragment.note && onSave({ note })} />
      </label>
    </fieldset>
  );
}

// Edits the joint fragment an alignment made: title, range, valence, themes, note, and whether
// it is for the interview or the meeting. Saved as it is edited (text on leaving the field),
// through the alignment so the fragment stays written by "samen".
import { useState } from 'react';
import type { RequestOf } from '../../../shared/contract';
import type { Fragment } from '../../../shared/domain';
import { localText, type Framework } from '../../../shared/framework';
import { formatTimeRange, parseTimeRange } from '../../../shared/timecode';
import { ValenceSwitch } from '../components/valence-switch';
import { useI18n } from '../i18n';
import { EditGroup } from '../startup/read-only';

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
  const [rangeText, setRangeText] = useState(formatTimeRange(fragment.inSec, fragment.outSec));
  const [rangeError, setRangeError] = useState(false);

  const saveRange = () => {
    const range = parseTimeRange(rangeText);
    setRangeError(range === null);
    if (!range) return;
    setRangeText(formatTimeRange(range.inSec, range.outSec));
    if (range.inSec !== fragment.inSec || range.outSec !== fragment.outSec) onSave(range);
  };
  const toggleTheme = (id: string) =>
    onSave({ themes: fragment.themes.includes(id) ? fragment.themes.filter((x) => x !== id) : [...fragment.themes, id] });

  return (
    <EditGroup className="joint-editor" testId="joint-editor">
      <legend>
        {t('align.jointFragment')} <span className="chip">{fragment.author}</span>
      </legend>
      <label>
        {t('align.field.title')}
        <input ref={titleRef} value={title} onChange={(e) => setTitle(e.target.value)} onBlur={() => title !== fragment.title && onSave({ title })} />
      </label>
      <label>
        {t('fragments.range')}
        <input
          className="time-input wide"
          value={rangeText}
          onChange={(e) => setRangeText(e.target.value)}
          onBlur={saveRange}
          onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
          aria-invalid={rangeError}
        />
        {rangeError && <span className="field-error">{t('align.badRange')}</span>}
      </label>
      <ValenceSwitch value={fragment.valence} onChange={(valence) => onSave({ valence })} />
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
    </EditGroup>
  );
}

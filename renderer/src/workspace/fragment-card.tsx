// One fragment: its range (click to play), title, positive or concern, themes from the active
// framework (with the theme's questions shown while tagging), who it is for, a note, and the
// moment of its still frame in the report (the playhead, or the middle).
import { useState } from 'react';
import { type Fragment, stillTimeOf } from '../../../shared/domain';
import { focusedThemes, localText, openThemes, type Framework, type FrameworkTheme } from '../../../shared/framework';
import { formatTimecode, formatTimeRange, parseTimeRange } from '../../../shared/timecode';
import { useToasts } from '../components/toasts';
import { useAutosave } from '../components/use-autosave';
import { FragmentClipActions } from '../clips/clip-export';
import { useI18n } from '../i18n';
import type { WorkspaceActions } from './use-workspace';
import { ValenceSwitch } from '../components/valence-switch';
import { EditGroup } from '../startup/read-only';

function ThemeQuestions({ theme, lang }: { theme: FrameworkTheme; lang: 'nl' | 'en' }) {
  return (
    <div className="theme-questions" data-testid="theme-questions">
      <strong>{localText(theme.label, lang)}</strong>
      <ul>
        {[...theme.questions, ...theme.subQuestions].map((q) => (
          <li key={q.id}>{localText(q.text, lang)}</li>
        ))}
      </ul>
    </div>
  );
}

export function FragmentCard({
  fragment,
  framework,
  selected,
  onSelect,
  onPlay,
  actions,
  onDeleted,
  playheadSec,
}: {
  fragment: Fragment;
  framework: Framework | null;
  selected: boolean;
  onSelect: () => void;
  onPlay: (loop: boolean) => void;
  actions: WorkspaceActions;
  onDeleted: () => void;
  /** Where the player is now (in this fragment's recording), or null without a player. */
  playheadSec: () => number | null;
}) {
  const { t, lang } = useI18n();
  const { notify } = useToasts();
  const [title, setTitle] = useState(fragment.title);
  const [note, setNote] = useState(fragment.note);
  const [rangeText, setRangeText] = useState(formatTimeRange(fragment.inSec, fragment.outSec));
  const [preview, setPreview] = useState<FrameworkTheme | null>(null);
  const update = (patch: Parameters<WorkspaceActions['updateFragment']>[1]) => void actions.updateFragment(fragment.id, patch);
  // Typed text is stored a moment after typing stops (and on blur, and when the card closes).
  const store = (patch: Parameters<WorkspaceActions['updateFragment']>[1]) =>
    actions.updateFragment(fragment.id, patch).then(Boolean);
  const titleSave = useAutosave(title, (value: string) => value === fragment.title || store({ title: value }));
  const noteSave = useAutosave(note, (value: string) => value === fragment.note || store({ note: value }));
  const themes = framework ? [...focusedThemes(framework), ...openThemes(framework)] : [];
  const chosen = themes.filter((theme) => fragment.themes.includes(theme.id));
  const shownQuestions = preview && !fragment.themes.includes(preview.id) ? [...chosen, preview] : chosen;

  const toggleTheme = (id: string) =>
    update({ themes: fragment.themes.includes(id) ? fragment.themes.filter((x) => x !== id) : [...fragment.themes, id] });

  const stillHere = () => {
    const at = playheadSec();
    if (at === null) return;
    if (at < fragment.inSec || at > fragment.outSec) {
      notify({
        kind: 'error',
        text: t('fragments.stillOutside', {
          time: formatTimecode(at, { fractionDigits: 1 }),
          range: formatTimeRange(fragment.inSec, fragment.outSec),
        }),
      });
      return;
    }
    update({ stillSec: at });
  };

  const saveRange = () => {
    const range = parseTimeRange(rangeText);
    if (range) {
      update(range);
      setRangeText(formatTimeRange(range.inSec, range.outSec));
    } else setRangeText(formatTimeRange(fragment.inSec, fragment.outSec));
  };

  return (
    <li
      className={`fragment valence-${fragment.valence}${selected ? ' selected' : ''}`}
      data-testid="fragment"
      data-in={fragment.inSec}
      data-out={fragment.outSec}
    >
      <div className="fragment-head">
        <button type="button" className="fragment-range" onClick={() => onPlay(false)} title={t('fragments.play')}>
          ▶ {formatTimeRange(fragment.inSec, fragment.outSec)}
        </button>
        <button type="button" onClick={() => onPlay(true)} title={t('fragments.loop')}>
          ⟲ {t('fragments.loop')}
        </button>
        <span className="fragment-themes-summary">
          {chosen.map((theme) => (
            <span key={theme.id} className={`chip chip-${theme.kind}`}>
              {localText(theme.short, lang)}
            </span>
          ))}
        </span>
        <FragmentClipActions fragment={fragment} />
        <button type="button" className="link" onClick={onSelect} aria-expanded={selected}>
          {selected ? t('fragments.collapse') : t('fragments.details')}
        </button>
      </div>
      <EditGroup>
      <input
        className="fragment-title"
        value={title}
        placeholder={t('fragments.titlePlaceholder')}
        aria-label={t('fragments.title')}
        onChange={(e) => setTitle(e.target.value)}
        onBlur={() => void titleSave.flush()}
        onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
      />
      {selected && (
        <div className="fragment-details">
          <div className="fragment-row">
            <label>
              {t('fragments.range')}
              <input
                className="time-input wide"
                value={rangeText}
                onChange={(e) => setRangeText(e.target.value)}
                onBlur={saveRange}
                onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
              />
            </label>
            <ValenceSwitch value={fragment.valence} onChange={(valence) => update({ valence })} />
          </div>
          <fieldset className="theme-picker">
            <legend>{t('fragments.themes')}</legend>
            {themes.map((theme) => (
              <label
                key={theme.id}
                className={`chip-toggle chip-${theme.kind}`}
                onMouseEnter={() => setPreview(theme)}
                onMouseLeave={() => setPreview(null)}
              >
                <input
                  type="checkbox"
                  checked={fragment.themes.includes(theme.id)}
                  onChange={() => toggleTheme(theme.id)}
                  onFocus={() => setPreview(theme)}
                  onBlur={() => setPreview(null)}
                />
                {localText(theme.label, lang)}
              </label>
            ))}
          </fieldset>
          {shownQuestions.map((theme) => (
            <ThemeQuestions key={theme.id} theme={theme} lang={lang} />
          ))}
          <div className="fragment-row">
            <label className="check">
              <input type="checkbox" checked={fragment.forClient} onChange={(e) => update({ forClient: e.target.checked })} />
              {t('fragments.forClient')}
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={fragment.forCaseManager}
                onChange={(e) => update({ forCaseManager: e.target.checked })}
              />
              {t('fragments.forCaseManager')}
            </label>
          </div>
          <div className="fragment-row fragment-still" role="group" aria-label={t('fragments.still')}>
            <span data-testid="fragment-still">
              {t('fragments.stillAt', { time: formatTimecode(stillTimeOf(fragment), { fractionDigits: 1 }) })}
              {fragment.stillSec === null && <span className="hint"> ({t('fragments.stillIsMiddle')})</span>}
            </span>
            <button type="button" title={t('fragments.stillHereHint')} onClick={stillHere}>
              {t('fragments.stillHere')}
            </button>
            <button
              type="button"
              title={t('fragments.stillMiddleHint')}
              disabled={fragment.stillSec === null}
              onClick={() => update({ stillSec: null })}
            >
              {t('fragments.stillMiddle')}
            </button>
          </div>
          <textarea
            value={note}
            rows={2}
            placeholder={t('fragments.notePlaceholder')}
            aria-label={t('fragments.note')}
            onChange={(e) => setNote(e.target.value)}
            onBlur={() => void noteSave.flush()}
          />
          <div className="button-row">
            <button
              type="button"
              className="danger"
              onClick={() => void actions.deleteFragment(fragment.id).then((ok) => ok && onDeleted())}
            >
              {t('common.delete')}
            </button>
          </div>
        </div>
      )}
      </EditGroup>
    </li>
  );
}

// A date typed as people write it (shared/calendar-date.ts): dd-mm-jjjj in Dutch, dd/mm/yyyy in
// English, whatever the computer's locale (the native date input follows the OS instead). The
// value is YYYY-MM-DD or null; text that is not a date keeps the stored value, stays in the field
// and says what is wrong once the user leaves the field.
import { useEffect, useId, useRef, useState } from 'react';
import { datePattern, formatDate, parseDate, YEAR_RANGE } from '../../../shared/calendar-date';
import { useI18n } from '../i18n';

type Problem = 'format' | 'no-such-date' | 'out-of-range';

export function DateInput({
  id,
  value,
  onChange,
  onValidity,
  testId,
}: {
  id?: string;
  value: string | null;
  onChange: (value: string | null) => void;
  /** Told whether the text in the field is a date (forms refuse to save while it is not). */
  onValidity?: (valid: boolean) => void;
  testId?: string;
}) {
  const { t, lang } = useI18n();
  const errorId = useId();
  const [draft, setDraft] = useState(() => (value ? formatDate(value, lang) : ''));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [touched, setTouched] = useState(false);
  const lastValue = useRef(value);

  // A new value from outside (another page, a reload) replaces what is in the field.
  useEffect(() => {
    if (value === lastValue.current) return;
    lastValue.current = value;
    setDraft(value ? formatDate(value, lang) : '');
    setProblem(null);
  }, [value, lang]);

  const read = (text: string) => {
    const result = parseDate(text, lang);
    setProblem(result.ok ? null : result.reason);
    onValidity?.(result.ok);
    if (result.ok && result.iso !== lastValue.current) {
      lastValue.current = result.iso;
      onChange(result.iso);
    }
    return result;
  };

  const tidy = () => {
    setTouched(true);
    const result = read(draft);
    if (result.ok) setDraft(result.iso ? formatDate(result.iso, lang) : '');
  };

  const example = formatDate('2025-03-10', lang);
  const message =
    problem === 'format'
      ? t('date.invalidFormat', { pattern: datePattern(lang), example })
      : problem === 'no-such-date'
        ? t('date.noSuchDate', { date: draft.trim() })
        : t('date.outOfRange', { min: YEAR_RANGE.min, max: YEAR_RANGE.max });
  const showProblem = touched && problem !== null;

  return (
    <>
      <input
        id={id}
        className="date-input"
        value={draft}
        placeholder={datePattern(lang)}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={showProblem}
        aria-describedby={showProblem ? errorId : undefined}
        data-testid={testId}
        onChange={(e) => {
          setDraft(e.target.value);
          read(e.target.value);
        }}
        onBlur={tidy}
        onKeyDown={(e) => e.key === 'Enter' && tidy()}
      />
      {showProblem && (
        <span className="field-error date-error" id={errorId} role="alert">
          {message}
        </span>
      )}
    </>
  );
}

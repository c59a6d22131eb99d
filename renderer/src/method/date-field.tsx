// A date as the domain stores it (YYYY-MM-DD) or none, with the browser's date picker.
import { useId } from 'react';

export function DateField({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  testId?: string;
}) {
  const id = useId();
  return (
    <span className="date-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        min="1900-01-01"
        max="9999-12-31"
        value={value ?? ''}
        data-testid={testId}
        onChange={(e) => onChange(/^\d{4}-\d{2}-\d{2}$/.test(e.target.value) ? e.target.value : null)}
      />
    </span>
  );
}

/** Today as YYYY-MM-DD in local time. */
export function todayIso(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

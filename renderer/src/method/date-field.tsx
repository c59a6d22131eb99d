// A labelled date on the method pages: stored as YYYY-MM-DD or none, typed day first
// (components/date-input.tsx).
import { useId } from 'react';
import { DateInput } from '../components/date-input';
import { EditGroup } from '../startup/read-only';

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
    <EditGroup className="date-field">
      <label htmlFor={id}>{label}</label>
      <DateInput id={id} value={value} onChange={onChange} testId={testId} />
    </EditGroup>
  );
}

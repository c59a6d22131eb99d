// The one place the page knows the data is open read-only (written by a newer VKZ): every
// control that would change the data asks here, and is then disabled with the reason as its
// tooltip instead of failing when clicked. The main side refuses such changes anyway.
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { useI18n } from '../i18n';

const ReadOnlyContext = createContext(false);

export function ReadOnlyProvider({ readOnly, children }: { readOnly: boolean; children: ReactNode }) {
  return <ReadOnlyContext.Provider value={readOnly}>{children}</ReadOnlyContext.Provider>;
}

/** Whether the data may not be changed now. */
export function useReadOnly(): boolean {
  return useContext(ReadOnlyContext);
}

/**
 * Props for a control that changes the data: `{...editControl()}`, or `{...editControl(busy)}`
 * for one that is also disabled for its own reason. Read-only: disabled, with why as its title.
 */
export function useEditControl(): (disabled?: boolean) => { disabled: boolean; title?: string } {
  const readOnly = useReadOnly();
  const { t } = useI18n();
  return useCallback(
    (disabled = false) => (readOnly ? { disabled: true, title: t('readOnly.reason') } : { disabled }),
    [readOnly, t],
  );
}

/** A region of controls that all change the data (an editor, a form): disabled as one while read-only. */
export function EditGroup({ className, testId, children }: { className?: string; testId?: string; children: ReactNode }) {
  const readOnly = useReadOnly();
  const { t } = useI18n();
  return (
    <fieldset
      className={className ? `edit-group ${className}` : 'edit-group'}
      data-testid={testId}
      disabled={readOnly}
      title={readOnly ? t('readOnly.reason') : undefined}
    >
      {children}
    </fieldset>
  );
}

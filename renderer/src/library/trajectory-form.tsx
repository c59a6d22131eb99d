import { useState } from 'react';
import { useI18n } from '../i18n';

export function TrajectoryForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: { caseManager: string; client: string };
  submitLabel: string;
  onSubmit: (labels: { caseManager: string; client: string }) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [caseManager, setCaseManager] = useState(initial?.caseManager ?? '');
  const [client, setClient] = useState(initial?.client ?? '');
  const valid = caseManager.trim() !== '' && client.trim() !== '';
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) onSubmit({ caseManager: caseManager.trim(), client: client.trim() });
      }}
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
    >
      <label>
        {t('library.caseManagerLabel')}
        <input value={caseManager} autoFocus placeholder="KM-1" onChange={(e) => setCaseManager(e.target.value)} />
      </label>
      <label>
        {t('library.clientLabel')}
        <input value={client} placeholder={t('library.clientPlaceholder')} onChange={(e) => setClient(e.target.value)} />
      </label>
      <div className="button-row">
        <button type="submit" className="primary" disabled={!valid}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

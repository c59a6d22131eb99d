// Positive or concern, as two buttons acting as one radio group (fragment card, joint fragment).
import type { Valence } from '../../../shared/domain';
import { useI18n } from '../i18n';

export function ValenceSwitch({ value, onChange }: { value: Valence; onChange: (valence: Valence) => void }) {
  const { t } = useI18n();
  return (
    <div className="segmented" role="radiogroup" aria-label={t('fragments.valence')}>
      {(['positive', 'concern'] as const).map((valence) => (
        <button
          key={valence}
          type="button"
          role="radio"
          aria-checked={value === valence}
          className={value === valence ? 'on' : ''}
          onClick={() => onChange(valence)}
        >
          {t(`valence.${valence}`)}
        </button>
      ))}
    </div>
  );
}

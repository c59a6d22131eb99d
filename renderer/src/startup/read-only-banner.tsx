// Across the top while the data is open read-only (written by a newer VKZ).
import { useI18n } from '../i18n';

export function ReadOnlyBanner() {
  const { t } = useI18n();
  return (
    <div className="read-only-banner" role="status">
      {t('recovery.readOnlyBanner')}
    </div>
  );
}

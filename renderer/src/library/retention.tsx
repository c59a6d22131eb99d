// "Bewaren tot": the date until which a trajectory's data may be kept, and a clear mark on the
// trajectories past it, so nobody forgets to destroy what should be destroyed.
import { isPastRetention } from '../../../shared/privacy/forgetting';
import { call } from '../api';
import { useToasts } from '../components/toasts';
import { useI18n } from '../i18n';
import { DateField } from '../method/date-field';
import { EditGroup } from '../startup/read-only';

/** Today as YYYY-MM-DD in the user's own time zone. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function RetentionField({
  trajectoryId,
  keepUntil,
  onChanged,
}: {
  trajectoryId: string;
  keepUntil: string | null;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { reportError } = useToasts();
  const past = isPastRetention(keepUntil, today());
  return (
    <EditGroup className="retention">
    <div className="retention" data-testid="retention">
      <DateField
        label={t('retention.keepUntil')}
        value={keepUntil}
        testId="retention-date"
        onChange={(value) => {
          call('retention.set', { trajectoryId, keepUntil: value }).then(onChanged, reportError);
        }}
      />
      {past ? (
        <span className="retention-past" role="status">
          {t('retention.pastDetail')}
        </span>
      ) : (
        <span className="hint">{t('retention.hint')}</span>
      )}
    </div>
    </EditGroup>
  );
}

export function RetentionBadge({ keepUntil }: { keepUntil: string | null | undefined }) {
  const { t } = useI18n();
  if (!isPastRetention(keepUntil, today())) return null;
  return (
    <span className="retention-badge" data-testid="retention-past">
      {t('retention.past')}
    </span>
  );
}

// The cycles of one trajectory: create, rename, re-date, delete, open.
import { useCallback, useEffect, useId, useState } from 'react';
import { formatDate, todayIso } from '../../../shared/calendar-date';
import type { Cycle, Trajectory } from '../../../shared/domain';
import { call } from '../api';
import { DateInput } from '../components/date-input';
import { ConfirmDialog } from '../components/modal';
import { useToasts } from '../components/toasts';
import { useI18n } from '../i18n';
import { useEditControl } from '../startup/read-only';

export function CyclePanel({
  trajectory,
  onOpen,
  onChanged,
}: {
  trajectory: Trajectory;
  onOpen: (cycle: Cycle) => void;
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const editControl = useEditControl();
  const { reportError } = useToasts();
  const [cycles, setCycles] = useState<Cycle[]>([]);
  const [editing, setEditing] = useState<{ id: string | null; title: string; date: string | null } | null>(null);
  const [dateValid, setDateValid] = useState(true);
  const dateId = useId();
  const [deleting, setDeleting] = useState<Cycle | null>(null);

  const reload = useCallback(async () => {
    try {
      setCycles(await call('cycles.list', { trajectoryId: trajectory.id }));
    } catch (error) {
      reportError(error);
    }
  }, [trajectory.id, reportError]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const save = async () => {
    if (!editing) return;
    // The date field says what is wrong; a date that is not one is never saved as "no date".
    if (!dateValid) {
      document.getElementById(dateId)?.focus();
      return;
    }
    const { date } = editing;
    try {
      if (editing.id) await call('cycles.update', { id: editing.id, title: editing.title.trim(), date });
      else await call('cycles.create', { trajectoryId: trajectory.id, title: editing.title.trim(), date });
      setEditing(null);
      await reload();
      onChanged();
    } catch (error) {
      reportError(error);
    }
  };

  const remove = async (cycle: Cycle) => {
    try {
      await call('cycles.delete', { id: cycle.id });
      setDeleting(null);
      await reload();
      onChanged();
    } catch (error) {
      reportError(error);
    }
  };

  const form = editing && (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => event.key === 'Escape' && setEditing(null)}
    >
      <label>
        {t('library.cycleTitle')}
        <input value={editing.title} autoFocus onChange={(e) => setEditing({ ...editing, title: e.target.value })} />
      </label>
      <span className="inline-field">
        <label htmlFor={dateId}>{t('library.cycleDate')}</label>
        <DateInput id={dateId} value={editing.date} onChange={(date) => setEditing({ ...editing, date })} onValidity={setDateValid} />
      </span>
      <div className="button-row">
        <button type="submit" className="primary">
          {editing.id ? t('common.save') : t('common.create')}
        </button>
        <button type="button" onClick={() => setEditing(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );

  return (
    <section className="cycles" aria-label={t('library.cycles')}>
      <div className="pane-header">
        <h3>{t('library.cycles')}</h3>
        <button
          type="button"
          className="primary"
          {...editControl()}
          onClick={() =>
            setEditing({ id: null, title: t('library.defaultCycleTitle', { n: cycles.length + 1 }), date: todayIso() })
          }
        >
          {t('library.newCycle')}
        </button>
      </div>
      {editing && !editing.id && form}
      {cycles.length === 0 && !editing && <p className="empty">{t('library.noCycles')}</p>}
      <ol className="cycle-list">
        {cycles.map((cycle) => (
          <li key={cycle.id} className="cycle-row">
            {editing?.id === cycle.id ? (
              form
            ) : (
              <>
                <span className="cycle-number">{cycle.number}</span>
                <button type="button" className="link cycle-open" onClick={() => onOpen(cycle)}>
                  {cycle.title || t('library.defaultCycleTitle', { n: cycle.number })}
                </button>
                <span className="cycle-date">{cycle.date ? formatDate(cycle.date, lang) : t('library.noDate')}</span>
                <div className="button-row">
                  <button type="button" onClick={() => onOpen(cycle)}>
                    {t('library.openCycle')}
                  </button>
                  <button type="button" {...editControl()} onClick={() => setEditing({ id: cycle.id, title: cycle.title, date: cycle.date })}>
                    {t('common.edit')}
                  </button>
                  <button type="button" className="danger" {...editControl()} onClick={() => setDeleting(cycle)}>
                    {t('common.delete')}
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ol>
      {deleting && (
        <ConfirmDialog
          title={t('library.deleteCycleTitle')}
          message={t('library.deleteCycleMessage', { name: deleting.title })}
          confirmLabel={t('common.delete')}
          cancelLabel={t('common.cancel')}
          onConfirm={() => void remove(deleting)}
          onCancel={() => setDeleting(null)}
        />
      )}
    </section>
  );
}

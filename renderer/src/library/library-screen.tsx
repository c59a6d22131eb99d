// The library: trajectories (a case manager and a client, under pseudonymous labels) and, inside
// each, the cycles (one per recorded conversation).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Cycle, Trajectory } from '../../../shared/domain';
import { call } from '../api';
import { useToasts } from '../components/toasts';
import { useFocusWhenLost } from '../components/use-focus-when-lost';
import { useI18n } from '../i18n';
import { goTo } from '../route';
import { ProjectImport } from '../exchange/project-import';
import { CyclePanel } from './cycle-panel';
import { ForgetTrajectory } from './forget-trajectory';
import { RetentionBadge, RetentionField, today } from './retention';
import { isPastRetention } from '../../../shared/privacy/forgetting';
import { TrajectoryForm } from './trajectory-form';
import { useEditControl } from '../startup/read-only';

export function trajectoryTitle(t: Pick<Trajectory, 'caseManager' | 'client'>): string {
  return `${t.caseManager} · ${t.client}`;
}

export function LibraryScreen({ onOpenSettings }: { onOpenSettings: () => void }) {
  const { t } = useI18n();
  const editControl = useEditControl();
  const titleRef = useRef<HTMLHeadingElement>(null);
  useFocusWhenLost(titleRef);
  const { reportError } = useToasts();
  const [trajectories, setTrajectories] = useState<Trajectory[] | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [forgetting, setForgetting] = useState<Trajectory | null>(null);
  const [retention, setRetention] = useState<Record<string, string>>({});

  const reload = useCallback(async () => {
    try {
      const [list, dates] = await Promise.all([call('trajectories.list', {}), call('retention.list', {})]);
      setTrajectories(list);
      setRetention(dates);
      setSelectedId((current) => (current && list.some((x) => x.id === current) ? current : (list[0]?.id ?? null)));
    } catch (error) {
      reportError(error);
    }
  }, [reportError]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const selected = trajectories?.find((x) => x.id === selectedId) ?? null;

  const create = async (labels: { caseManager: string; client: string }) => {
    try {
      const created = await call('trajectories.create', labels);
      setCreating(false);
      setSelectedId(created.id);
      await reload();
    } catch (error) {
      reportError(error);
    }
  };

  const rename = async (labels: { caseManager: string; client: string }) => {
    if (!selected) return;
    try {
      await call('trajectories.update', { id: selected.id, ...labels });
      setRenaming(false);
      await reload();
    } catch (error) {
      reportError(error);
    }
  };

  const pastDate = trajectories?.filter((x) => isPastRetention(retention[x.id], today())).length ?? 0;

  return (
    <div className="library">
      <header className="topbar">
        <h1 className="brand" ref={titleRef} tabIndex={-1}>
          VKZ <span className="brand-sub">{t('app.tagline')}</span>
        </h1>
        <ProjectImport onChanged={(id) => { if (id) setSelectedId(id); void reload(); }} />
        <button type="button" onClick={onOpenSettings}>
          {t('settings.title')}
        </button>
      </header>
      <div className="library-body">
        <nav className="trajectory-list" aria-label={t('library.trajectories')}>
          <div className="pane-header">
            <h2>{t('library.trajectories')}</h2>
            <button type="button" className="primary" {...editControl()} onClick={() => setCreating(true)}>
              {t('library.newTrajectory')}
            </button>
          </div>
          {creating && (
            <TrajectoryForm submitLabel={t('common.create')} onSubmit={create} onCancel={() => setCreating(false)} />
          )}
          {trajectories?.length === 0 && !creating && <p className="empty">{t('library.noTrajectories')}</p>}
          {pastDate > 0 && (
            <p className="retention-summary" role="note" data-testid="retention-summary">
              {t('retention.summary', { count: pastDate })}
            </p>
          )}
          <ul>
            {trajectories?.map((trajectory) => (
              <li key={trajectory.id}>
                <button
                  type="button"
                  className={trajectory.id === selectedId ? 'list-item selected' : 'list-item'}
                  aria-current={trajectory.id === selectedId}
                  onClick={() => setSelectedId(trajectory.id)}
                >
                  <span className="list-item-title">{trajectoryTitle(trajectory)}</span>
                  <span className="list-item-meta">
                    {t('library.cycleCount', { count: trajectory.cycleCount })} <RetentionBadge keepUntil={retention[trajectory.id]} />
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <main className="trajectory-detail">
          {selected ? (
            <>
              <div className="pane-header">
                {renaming ? (
                  <TrajectoryForm
                    initial={selected}
                    submitLabel={t('common.save')}
                    onSubmit={rename}
                    onCancel={() => setRenaming(false)}
                  />
                ) : (
                  <>
                    <h2>{trajectoryTitle(selected)}</h2>
                    <div className="button-row">
                      <button type="button" {...editControl()} onClick={() => setRenaming(true)}>
                        {t('common.rename')}
                      </button>
                      <button type="button" className="danger" {...editControl()} onClick={() => setForgetting(selected)}>
                        {t('forget.action')}
                      </button>
                    </div>
                  </>
                )}
              </div>
              <RetentionField trajectoryId={selected.id} keepUntil={retention[selected.id] ?? null} onChanged={reload} />
              <CyclePanel
                trajectory={selected}
                onOpen={(cycle: Cycle) => goTo({ screen: 'cycle', cycleId: cycle.id, view: 'analysis' })}
                onChanged={reload}
              />
            </>
          ) : (
            <p className="empty">{t('library.pickTrajectory')}</p>
          )}
        </main>
      </div>
      {forgetting && (
        <ForgetTrajectory
          trajectory={forgetting}
          onClose={() => setForgetting(null)}
          onForgotten={() => {
            setSelectedId(null);
            void reload();
          }}
        />
      )}
    </div>
  );
}

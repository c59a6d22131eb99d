// The method pages of a cycle: its steps and intake, the client interview, the reflection meeting.
// One record per cycle (use-method.ts), saved as it is edited; the header matches the analysis
// workspace, with the cycle's tabs.
import { useCallback, useEffect, useState } from 'react';
import type { Workspace } from '../../../shared/contract';
import type { Settings } from '../../../shared/domain';
import type { AgendaItem } from '../../../shared/method';
import { call } from '../api';
import { CycleTabs } from '../components/cycle-tabs';
import { useToasts } from '../components/toasts';
import { useI18n } from '../i18n';
import { goTo, type CycleView } from '../route';
import { CyclePage } from './cycle-page';
import { FragmentDialog } from './fragment-dialog';
import { InterviewPage } from './interview-page';
import { ReflectionPage } from './reflection-page';
import { useFramework } from './use-framework';
import { useMethod } from './use-method';
import '../styles/method.css';

type Replayable = AgendaItem & { replay: NonNullable<AgendaItem['replay']> };

export function MethodScreen({
  cycleId,
  view,
  settings,
  onOpenSettings,
}: {
  cycleId: string;
  view: Exclude<CycleView, 'analysis'>;
  settings: Settings;
  onOpenSettings: () => void;
}) {
  const { t } = useI18n();
  const { reportError } = useToasts();
  const { view: methodView, loadFailed, saving, actions } = useMethod(cycleId, reportError);
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [playing, setPlaying] = useState<Replayable | null>(null);
  const framework = useFramework(methodView?.method.frameworkId ?? null, reportError);

  useEffect(() => {
    let cancelled = false;
    call('workspace.get', { cycleId })
      .then((ws) => !cancelled && setWorkspace(ws))
      .catch(reportError);
    return () => {
      cancelled = true;
    };
  }, [cycleId, reportError]);

  const play = useCallback((item: AgendaItem) => {
    if (item.replay) setPlaying({ ...item, replay: item.replay });
  }, []);

  if (loadFailed) {
    return (
      <div className="fatal">
        <p>{t('method.loadFailed')}</p>
        <button type="button" onClick={() => goTo({ screen: 'library' })}>
          {t('workspace.backToLibrary')}
        </button>
      </div>
    );
  }

  const pageTitle = view === 'cycle' ? t('cycleTabs.cycle') : view === 'interview' ? t('cycleTabs.interview') : t('cycleTabs.reflection');
  return (
    <div className="method-screen">
      <header className="topbar">
        <button type="button" className="link" onClick={() => goTo({ screen: 'library' })}>
          ← {t('workspace.library')}
        </button>
        <h1 className="workspace-title">
          {workspace ? (
            <>
              {workspace.trajectory.caseManager} · {workspace.trajectory.client}
              <span className="workspace-cycle">
                {' — '}
                {workspace.cycle.title || t('library.defaultCycleTitle', { n: workspace.cycle.number })}
                {workspace.cycle.date ? ` (${workspace.cycle.date})` : ''}
              </span>
            </>
          ) : (
            pageTitle
          )}
        </h1>
        <CycleTabs cycleId={cycleId} current={view} />
        <span className="save-state" data-testid="save-state">
          {saving ? t('method.saving') : t('method.saved')}
        </span>
        <span className="topbar-author">{settings.authorName}</span>
        <button type="button" onClick={onOpenSettings}>
          {t('settings.title')}
        </button>
      </header>
      <main className="method-main" aria-label={pageTitle}>
        {!methodView ? (
          <div className="loading" aria-busy="true" />
        ) : view === 'cycle' ? (
          <CyclePage cycleId={cycleId} view={methodView} actions={actions} framework={framework} />
        ) : view === 'interview' ? (
          <InterviewPage cycleId={cycleId} view={methodView} actions={actions} framework={framework} onPlay={play} />
        ) : (
          <ReflectionPage cycleId={cycleId} view={methodView} actions={actions} framework={framework} onPlay={play} />
        )}
      </main>
      {playing && <FragmentDialog item={playing} recordings={workspace?.recordings ?? []} onClose={() => setPlaying(null)} />}
    </div>
  );
}

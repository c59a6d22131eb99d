// The method pages of a cycle: its steps and intake, the client interview, the reflection meeting.
// One record per cycle (use-method.ts), saved as it is edited; the header matches the analysis
// workspace, with the cycle's tabs.
import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '../../../shared/domain';
import type { AgendaItem } from '../../../shared/method';
import { CycleHeader, CycleLoadFailed } from '../components/cycle-header';
import { useCycleHeader } from '../components/use-cycle-header';
import { useToasts } from '../components/toasts';
import { useI18n } from '../i18n';
import type { CycleView } from '../route';
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
  view: Exclude<CycleView, 'analysis' | 'align' | 'export'>;
  settings: Settings;
  onOpenSettings: () => void;
}) {
  const { t } = useI18n();
  const { reportError } = useToasts();
  const { view: methodView, loadFailed, saving, actions } = useMethod(cycleId, reportError);
  const { header: workspace } = useCycleHeader(cycleId, reportError);
  const [playing, setPlaying] = useState<Replayable | null>(null);
  const framework = useFramework(methodView?.method.frameworkId ?? null, reportError);

  const play = useCallback((item: AgendaItem) => {
    if (item.replay) setPlaying({ ...item, replay: item.replay });
  }, []);

  if (loadFailed) return <CycleLoadFailed message={t('method.loadFailed')} />;

  return (
    <div className="method-screen">
      <CycleHeader
        cycleId={cycleId}
        current={view}
        trajectory={workspace?.trajectory ?? null}
        cycle={workspace?.cycle ?? null}
        authorName={settings.authorName}
        onOpenSettings={onOpenSettings}
      >
        <span className="save-state" data-testid="save-state">
          {saving ? t('method.saving') : t('method.saved')}
        </span>
      </CycleHeader>
      <main className="method-main" aria-label={t(`cycleTabs.${view}`)}>
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

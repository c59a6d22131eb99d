// The tabs across a cycle's pages: analysis (the workspace), aligning the two researchers'
// analyses, the cycle's steps and intake, the client interview, the reflection meeting.
import { useI18n, type TextKey } from '../i18n';
import { CYCLE_VIEWS, hrefFor, type CycleView } from '../route';

const LABELS: Record<CycleView, TextKey> = {
  analysis: 'cycleTabs.analysis',
  align: 'cycleTabs.align',
  cycle: 'cycleTabs.cycle',
  interview: 'cycleTabs.interview',
  reflection: 'cycleTabs.reflection',
  export: 'cycleTabs.export',
};

export function CycleTabs({ cycleId, current }: { cycleId: string; current: CycleView }) {
  const { t } = useI18n();
  return (
    <nav className="cycle-tabs" aria-label={t('cycleTabs.label')}>
      {CYCLE_VIEWS.map((view) => (
        <a key={view} href={hrefFor({ screen: 'cycle', cycleId, view })} aria-current={view === current ? 'page' : undefined}>
          {t(LABELS[view])}
        </a>
      ))}
    </nav>
  );
}

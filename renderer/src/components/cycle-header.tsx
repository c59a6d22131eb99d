// The top bar of every page of a cycle: back to the library, which trajectory and cycle this is,
// the cycle's tabs, and settings. Pages add their own items (save state, help) as children.
import { useRef, type ReactNode } from 'react';
import { formatDate } from '../../../shared/calendar-date';
import type { Cycle, Trajectory } from '../../../shared/domain';
import { useI18n } from '../i18n';
import { goTo, type CycleView } from '../route';
import { CycleTabs } from './cycle-tabs';
import { useFocusWhenLost } from './use-focus-when-lost';

export function CycleHeader({
  cycleId,
  current,
  trajectory,
  cycle,
  authorName,
  onOpenSettings,
  children,
}: {
  cycleId: string;
  current: CycleView;
  /** Null while loading: the header then shows the tab's name. */
  trajectory: Trajectory | null;
  cycle: Cycle | null;
  authorName: string;
  onOpenSettings: () => void;
  children?: ReactNode;
}) {
  const { t, lang } = useI18n();
  const titleRef = useRef<HTMLHeadingElement>(null);
  useFocusWhenLost(titleRef, trajectory !== null);
  return (
    <header className="topbar">
      <button type="button" className="link" onClick={() => goTo({ screen: 'library' })}>
        ← {t('workspace.library')}
      </button>
      <h1 className="workspace-title" ref={titleRef} tabIndex={-1}>
        {trajectory && cycle ? (
          <>
            {trajectory.caseManager} · {trajectory.client}
            <span className="workspace-cycle">
              {' — '}
              {cycle.title || t('library.defaultCycleTitle', { n: cycle.number })}
              {cycle.date ? ` (${formatDate(cycle.date, lang)})` : ''}
            </span>
          </>
        ) : (
          t(`cycleTabs.${current}`)
        )}
      </h1>
      <CycleTabs cycleId={cycleId} current={current} />
      {children}
      <span className="topbar-author">{authorName}</span>
      <button type="button" onClick={onOpenSettings}>
        {t('settings.title')}
      </button>
    </header>
  );
}

/** What a cycle page shows when its data could not be loaded. */
export function CycleLoadFailed({ message }: { message: string }) {
  const { t } = useI18n();
  return (
    <div className="fatal" role="alert">
      <p>{message}</p>
      <button type="button" onClick={() => goTo({ screen: 'library' })}>
        {t('workspace.backToLibrary')}
      </button>
    </div>
  );
}

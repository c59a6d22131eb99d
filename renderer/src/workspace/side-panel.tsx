// The panel beside the player: the notes and the fragments of the recording on screen as two
// tabs, the framework their themes come from, and a button to collapse it to a narrow strip
// (the video gets the room).
import { useId, type ReactNode } from 'react';
import type { Framework } from '../../../shared/framework';
import { useI18n } from '../i18n';

export type SideTab = 'notes' | 'fragments';

export function SidePanel({
  id,
  tab,
  onTab,
  noteCount,
  fragmentCount,
  frameworks,
  frameworkId,
  onFramework,
  collapsed,
  onCollapsed,
  children,
}: {
  id: string;
  tab: SideTab;
  onTab: (tab: SideTab) => void;
  noteCount: number;
  fragmentCount: number;
  frameworks: Framework[];
  frameworkId: string | null;
  onFramework: (id: string) => void;
  collapsed: boolean;
  onCollapsed: (collapsed: boolean) => void;
  /** The open tab's content. */
  children: ReactNode;
}) {
  const { t, lang } = useI18n();
  const tabIds = { notes: useId(), fragments: useId() };
  const panelId = useId();

  if (collapsed) {
    return (
      <aside id={id} className="side side-collapsed" aria-label={t('workspace.side')}>
        <button
          type="button"
          className="side-expand"
          aria-expanded={false}
          aria-controls={id}
          title={t('workspace.sideExpand')}
          onClick={() => onCollapsed(false)}
        >
          <span aria-hidden="true">«</span>
          <span className="side-expand-label">
            {t('workspace.sideExpand')}: {t('notes.title')} ({noteCount}), {t('fragments.title')} ({fragmentCount})
          </span>
        </button>
      </aside>
    );
  }

  const tabButton = (which: SideTab, label: string, count: number) => (
    <button
      type="button"
      role="tab"
      id={tabIds[which]}
      aria-selected={tab === which}
      aria-controls={panelId}
      tabIndex={tab === which ? 0 : -1}
      onClick={() => onTab(which)}
      onKeyDown={(event) => {
        // Arrow keys move between the tabs (the ARIA tabs pattern).
        if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
        event.preventDefault();
        event.stopPropagation();
        const other: SideTab = which === 'notes' ? 'fragments' : 'notes';
        onTab(other);
        document.getElementById(tabIds[other])?.focus();
      }}
    >
      {label} ({count})
    </button>
  );

  return (
    <aside id={id} className="side" aria-label={t('workspace.side')}>
      <div className="side-head">
        <div className="tabs" role="tablist" aria-label={t('workspace.side')}>
          {tabButton('notes', t('notes.title'), noteCount)}
          {tabButton('fragments', t('fragments.title'), fragmentCount)}
        </div>
        <button
          type="button"
          className="side-collapse"
          aria-expanded={true}
          aria-controls={id}
          aria-label={t('workspace.sideCollapse')}
          title={t('workspace.sideCollapse')}
          onClick={() => onCollapsed(true)}
        >
          <span aria-hidden="true">»</span>
        </button>
      </div>
      <div className="side-body" role="tabpanel" id={panelId} aria-labelledby={tabIds[tab]}>
        {/* The framework is what fragments are tagged with: chosen on their tab. */}
        {tab === 'fragments' && frameworks.length > 1 && (
          <label className="side-framework">
            {t('frameworks.active')}
            <select value={frameworkId ?? ''} onChange={(e) => onFramework(e.target.value)}>
              {frameworks.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name[lang]}
                </option>
              ))}
            </select>
          </label>
        )}
        {children}
      </div>
    </aside>
  );
}

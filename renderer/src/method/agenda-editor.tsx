// The agenda as a list the researchers shape: sections in order, items to reorder by dragging or
// with Alt+↑/Alt+↓ (announced to screen readers), remove and restore, own questions added per
// section, planned minutes per item with the total. Used for both the client interview and the
// reflection meeting; what each page shows under an item comes from renderItemExtra.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Framework } from '../../../shared/framework';
import {
  type Agenda,
  type AgendaItem,
  isSilentFeedbackItem,
  itemsWithoutMinutes,
  newFreeItem,
  orderedItems,
  plannedMinutesTotal,
  visibleAgenda,
} from '../../../shared/method';
import { useToasts } from '../components/toasts';
import { useI18n } from '../i18n';
import { AgendaItemCard, type ItemUpdate } from './agenda-item-card';
import { itemPosition, moveItemBy, moveItemNextTo, moveItemToSection } from '../../../shared/method';
import { useEditControl } from '../startup/read-only';

const DRAG_TYPE = 'application/x-vkz-agenda-item';

export type AgendaUpdater = (agenda: Agenda) => Agenda;

export function AgendaEditor({
  agenda: fullAgenda,
  framework,
  label,
  onChange,
  onFlush,
  onPlay,
  renderItemExtra,
}: {
  agenda: Agenda;
  framework: Framework | null;
  /** Accessible name of the agenda, e.g. "Agenda van het cliëntinterview". */
  label: string;
  onChange: (update: AgendaUpdater, opts?: { typing?: boolean }) => void;
  onFlush: () => void;
  onPlay?: (item: AgendaItem) => void;
  renderItemExtra?: (item: AgendaItem) => ReactNode;
}) {
  const { t } = useI18n();
  const { notify } = useToasts();
  const [showRemoved, setShowRemoved] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<{ id: string; side: 'before' | 'after' } | { section: string } | null>(null);
  const rootRef = useRef<HTMLElement>(null);
  const hintId = useId();

  // A client-feedback item whose feedback is all private stays in the record (sharing later
  // brings it back) but is not shown, nor counted, nor a place to move things past.
  const agenda = visibleAgenda(fullAgenda);
  const shown = (item: AgendaItem) => !isSilentFeedbackItem(item) && (showRemoved || !item.removed);
  const items = orderedItems(agenda);
  const removedCount = agenda.items.filter((i) => i.removed).length;
  const total = plannedMinutesTotal(agenda);
  const withoutMinutes = itemsWithoutMinutes(agenda);
  const activeCount = agenda.items.filter((i) => !i.removed).length;
  const sectionTitle = (id: string) => agenda.sections.find((s) => s.id === id)?.title ?? id;

  // Keep the keyboard focus on an item that moved (it may now live in another section's list).
  useEffect(() => {
    if (!focusId) return;
    const el = rootRef.current?.querySelector<HTMLElement>(`li[data-item-id="${focusId}"]`);
    if (el && document.activeElement !== el && !el.contains(document.activeElement)) el.focus();
    setFocusId(null);
  }, [focusId, agenda]);

  const announceMove = (next: Agenda, item: AgendaItem) => {
    const where = itemPosition(next, item.id, shown);
    if (!where) return;
    setAnnouncement(
      t('agenda.movedAnnouncement', {
        title: item.title.trim() || t('agenda.untitled'),
        position: where.position,
        count: where.count,
        section: sectionTitle(where.section),
      }),
    );
  };

  const move = (item: AgendaItem, delta: -1 | 1) => {
    const next = moveItemBy(agenda, item.id, delta, shown);
    if (!next) {
      setAnnouncement(delta < 0 ? t('agenda.atTop') : t('agenda.atBottom'));
      return;
    }
    onChange((current) => moveItemBy(current, item.id, delta, shown) ?? current);
    announceMove(next, item);
    setFocusId(item.id);
  };

  const update = (item: AgendaItem, change: ItemUpdate, opts?: { typing?: boolean }) => {
    const editsContent = 'title' in change || 'text' in change || 'questions' in change;
    onChange(
      (current) => ({
        ...current,
        items: current.items.map((i) => (i.id === item.id ? { ...i, ...change, userEdited: i.userEdited || editsContent } : i)),
      }),
      opts,
    );
    if (change.removed === true) {
      const title = item.title.trim() || t('agenda.untitled');
      setAnnouncement(t('agenda.removedAnnouncement', { title }));
      notify({
        kind: 'info',
        text: t('agenda.removedToast', { title }),
        action: {
          label: t('common.undo'),
          run: () =>
            onChange((current) => ({
              ...current,
              items: current.items.map((i) => (i.id === item.id ? { ...i, removed: false } : i)),
            })),
        },
      });
    } else if (change.removed === false) {
      setAnnouncement(t('agenda.restoredAnnouncement', { title: item.title.trim() || t('agenda.untitled') }));
    }
  };

  const addFree = (section: string, title: string) => {
    const item = newFreeItem(section, { title });
    onChange((current) => ({ ...current, items: orderedItems({ sections: current.sections, items: [...current.items, item] }) }));
    setAnnouncement(t('agenda.addedAnnouncement', { title, section: sectionTitle(section) }));
  };

  const drop = (event: React.DragEvent) => {
    event.preventDefault();
    const id = event.dataTransfer.getData(DRAG_TYPE) || dragId;
    const target = dropTarget;
    setDropTarget(null);
    setDragId(null);
    if (!id || !target) return;
    const item = agenda.items.find((i) => i.id === id);
    if (!item) return;
    const apply = (current: Agenda) =>
      'section' in target ? moveItemToSection(current, id, target.section) : moveItemNextTo(current, id, target.id, target.side);
    const next = apply(agenda);
    onChange(apply);
    announceMove(next, item);
  };

  const dragOverItem = (event: React.DragEvent, target: AgendaItem) => {
    if (!dragId || dragId === target.id) return;
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = 'move';
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const side = event.clientY < rect.top + rect.height / 2 ? 'before' : 'after';
    if (!dropTarget || !('id' in dropTarget) || dropTarget.id !== target.id || dropTarget.side !== side) {
      setDropTarget({ id: target.id, side });
    }
  };

  const visible = items.filter(shown);
  return (
    <section className="agenda" aria-label={label} ref={rootRef} data-testid="agenda">
      <div className="agenda-summary">
        <span data-testid="agenda-total">
          {t('agenda.totalPlanned', { minutes: total })}
          {withoutMinutes > 0 && <span className="hint"> · {t('agenda.withoutMinutes', { count: withoutMinutes })}</span>}
        </span>
        <span className="hint">{t('agenda.itemCount', { count: activeCount })}</span>
        {removedCount > 0 && (
          <button type="button" className="link" aria-pressed={showRemoved} onClick={() => setShowRemoved(!showRemoved)}>
            {showRemoved ? t('agenda.hideRemoved', { count: removedCount }) : t('agenda.showRemoved', { count: removedCount })}
          </button>
        )}
      </div>
      <p className="hint" id={hintId}>
        {t('agenda.moveHint')}
      </p>
      {agenda.sections.map((section) => {
        const sectionItems = visible.filter((i) => i.section === section.id);
        const minutes = sectionItems.reduce((sum, i) => sum + (i.removed ? 0 : (i.plannedMinutes ?? 0)), 0);
        const headingId = `agenda-section-${agenda.kind}-${section.id}`;
        const sectionDrop = dropTarget && 'section' in dropTarget && dropTarget.section === section.id;
        return (
          <section
            key={section.id}
            className={`agenda-section${sectionDrop ? ' drop-here' : ''}`}
            aria-labelledby={headingId}
            data-testid="agenda-section"
            data-section={section.id}
            onDragOver={(event) => {
              if (!dragId) return;
              event.preventDefault();
              if (!sectionDrop) setDropTarget({ section: section.id });
            }}
            onDrop={drop}
          >
            <h3 id={headingId} className="agenda-section-title">
              {section.title}
              {minutes > 0 && <span className="agenda-section-minutes">{t('agenda.minutes', { minutes })}</span>}
            </h3>
            {sectionItems.length === 0 && <p className="hint agenda-empty-section">{t('agenda.emptySection')}</p>}
            <ol className="agenda-items">
              {sectionItems.map((item) => {
                const index = visible.indexOf(item);
                return (
                  <AgendaItemCard
                    key={item.id}
                    item={item}
                    framework={framework}
                    describedBy={hintId}
                    dragOver={dropTarget && 'id' in dropTarget && dropTarget.id === item.id ? dropTarget.side : null}
                    canMoveUp={index > 0}
                    canMoveDown={index < visible.length - 1}
                    onUpdate={(change, opts) => update(item, change, opts)}
                    onFlush={onFlush}
                    onMove={(delta) => move(item, delta)}
                    onPlay={onPlay}
                    onDragStart={(event) => {
                      event.dataTransfer.setData(DRAG_TYPE, item.id);
                      event.dataTransfer.effectAllowed = 'move';
                      const li = (event.currentTarget as HTMLElement).closest('li');
                      if (li) event.dataTransfer.setDragImage(li, 16, 16);
                      setDragId(item.id);
                    }}
                    onDragEnd={() => {
                      setDragId(null);
                      setDropTarget(null);
                    }}
                    onDragOver={(event) => dragOverItem(event, item)}
                    onDrop={(event) => {
                      event.stopPropagation();
                      drop(event);
                    }}
                  >
                    {renderItemExtra?.(item)}
                  </AgendaItemCard>
                );
              })}
            </ol>
            <AddFreeItem sectionTitle={section.title} onAdd={(title) => addFree(section.id, title)} />
          </section>
        );
      })}
      <div className="sr-only" role="status" aria-live="polite" data-testid="agenda-announcement">
        {announcement}
      </div>
    </section>
  );
}

function AddFreeItem({ sectionTitle, onAdd }: { sectionTitle: string; onAdd: (title: string) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const editControl = useEditControl();
  if (!open) {
    return (
      <button
        type="button"
        className="add-button"
        onClick={() => setOpen(true)}
        aria-label={t('agenda.addOwnIn', { section: sectionTitle })}
        {...editControl()}
      >
        + {t('agenda.addOwn')}
      </button>
    );
  }
  const submit = () => {
    if (text.trim() === '') return;
    onAdd(text.trim());
    setText('');
  };
  return (
    <form
      className="add-free-item"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <input
        value={text}
        autoFocus
        placeholder={t('agenda.ownQuestionPlaceholder')}
        aria-label={t('agenda.addOwnIn', { section: sectionTitle })}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setText('');
            setOpen(false);
          }
        }}
      />
      <button type="submit" className="primary" disabled={text.trim() === ''}>
        {t('agenda.add')}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('common.close')}
      </button>
    </form>
  );
}

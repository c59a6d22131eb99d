// One agenda item: title, body text, questions (and sub-questions), the fragment to replay or the
// moment it refers to, planned minutes; move, edit, remove or restore it. What the page adds under
// it (the interview record, the meeting notes) comes in as children.
import { useState, type ReactNode } from 'react';
import { localText, themeById, type Framework } from '../../../shared/framework';
import type { AgendaItem } from '../../../shared/method';
import { useI18n } from '../i18n';
import { EditGroup, useReadOnly } from '../startup/read-only';

export type ItemUpdate = Partial<Pick<AgendaItem, 'title' | 'text' | 'questions' | 'plannedMinutes' | 'removed'>>;

export function AgendaItemCard({
  item,
  framework,
  describedBy,
  dragOver,
  canMoveUp,
  canMoveDown,
  onUpdate,
  onFlush,
  onMove,
  onPlay,
  onDragStart,
  onDragEnd,
  onDragOver,
  onDrop,
  children,
}: {
  item: AgendaItem;
  framework: Framework | null;
  /** Id of the text that explains how to move items. */
  describedBy: string;
  dragOver: 'before' | 'after' | null;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onUpdate: (update: ItemUpdate, opts?: { typing?: boolean }) => void;
  onFlush: () => void;
  onMove: (delta: -1 | 1) => void;
  onPlay?: (item: AgendaItem) => void;
  onDragStart: (event: React.DragEvent) => void;
  onDragEnd: () => void;
  /** Dropping another item on this one puts it before or after it. */
  onDragOver: (event: React.DragEvent) => void;
  onDrop: (event: React.DragEvent) => void;
  children?: ReactNode;
}) {
  const { t, lang } = useI18n();
  const readOnly = useReadOnly();
  const [editing, setEditing] = useState(item.origin === 'user' && item.title.trim() === '');
  const [questionsDraft, setQuestionsDraft] = useState(item.questions.join('\n'));
  const theme = item.themeId && framework ? themeById(framework, item.themeId) : undefined;
  const title = item.title.trim() || t('agenda.untitled');

  const startEditing = () => {
    setQuestionsDraft(item.questions.join('\n'));
    setEditing(true);
  };

  const classes = [
    'agenda-item',
    item.valence ? `valence-${item.valence}` : '',
    item.replay ? 'has-replay' : '',
    item.removed ? 'removed' : '',
    item.origin === 'user' ? 'user-item' : '',
    dragOver ? `drag-${dragOver}` : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <li
      className={classes}
      tabIndex={0}
      data-item-id={item.id}
      data-testid="agenda-item"
      aria-label={title}
      aria-describedby={describedBy}
      onDragOver={onDragOver}
      onDrop={onDrop}
      onKeyDown={(event) => {
        if (!event.altKey || event.ctrlKey || event.metaKey) return;
        const target = event.target as HTMLElement;
        if (target !== event.currentTarget && target.tagName !== 'BUTTON') return;
        if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
          event.preventDefault();
          onMove(event.key === 'ArrowUp' ? -1 : 1);
        }
      }}
    >
      <div className="agenda-item-head">
        <span
          className="drag-handle"
          draggable={!readOnly}
          title={t('agenda.dragHint')}
          aria-hidden="true"
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
        >
          ⠿
        </span>
        <h4 className="agenda-item-title">{title}</h4>
        {item.valence && (
          <span className={`chip chip-valence-${item.valence}`}>{t(`valence.${item.valence}`)}</span>
        )}
        {theme && <span className={`chip chip-${theme.kind}`}>{localText(theme.short, lang)}</span>}
        {item.origin === 'user' && <span className="chip chip-user">{t('agenda.ownItem')}</span>}
        {item.orphaned && (
          <span className="chip chip-warning" title={t('agenda.orphanedHint')}>
            {t('agenda.orphaned')}
          </span>
        )}
        {item.removed && <span className="chip chip-removed">{t('agenda.removedBadge')}</span>}
        <EditGroup className="agenda-item-tools">
          {!item.removed && (
            <label className="minutes-field">
              <input
                type="number"
                min={0}
                max={600}
                step={1}
                inputMode="numeric"
                value={item.plannedMinutes ?? ''}
                aria-label={t('agenda.plannedMinutesFor', { title })}
                onChange={(e) => {
                  const raw = e.target.value.trim();
                  const minutes = raw === '' ? null : Math.max(0, Math.min(600, Math.round(Number(raw))));
                  if (minutes === null || Number.isFinite(minutes)) onUpdate({ plannedMinutes: minutes }, { typing: true });
                }}
                onBlur={onFlush}
              />
              <span aria-hidden="true">{t('agenda.minutesShort')}</span>
            </label>
          )}
          <button type="button" className="icon-button" disabled={!canMoveUp} onClick={() => onMove(-1)} aria-label={t('agenda.moveUp', { title })} title={`${t('agenda.moveUpShort')} (Alt+↑)`}>
            ↑
          </button>
          <button type="button" className="icon-button" disabled={!canMoveDown} onClick={() => onMove(1)} aria-label={t('agenda.moveDown', { title })} title={`${t('agenda.moveDownShort')} (Alt+↓)`}>
            ↓
          </button>
          {!item.removed && (
            <button type="button" onClick={() => (editing ? setEditing(false) : startEditing())} aria-expanded={editing} aria-label={editing ? t('agenda.doneEditingItem', { title }) : t('agenda.editItem', { title })}>
              {editing ? t('agenda.doneEditing') : t('common.edit')}
            </button>
          )}
          {item.removed ? (
            <button type="button" onClick={() => onUpdate({ removed: false })} aria-label={t('agenda.restoreItem', { title })}>
              {t('agenda.restore')}
            </button>
          ) : (
            <button type="button" className="danger" onClick={() => onUpdate({ removed: true })} aria-label={t('agenda.removeItem', { title })}>
              {t('agenda.remove')}
            </button>
          )}
        </EditGroup>
      </div>

      {(item.replay || (item.anchor && !item.title.includes(item.anchor.label))) && !item.removed && (
        <div className="agenda-item-moment">
          {item.replay &&
            (onPlay ? (
              <button type="button" className="replay-button" onClick={() => onPlay(item)}>
                <span aria-hidden="true">▶ </span>
                {t('agenda.replay', { range: item.replay.label })}
              </button>
            ) : (
              <span className="replay-label">{t('agenda.replay', { range: item.replay.label })}</span>
            ))}
          {item.anchor && !item.title.includes(item.anchor.label) && (
            <span className="anchor-label">{t('agenda.moment', { time: item.anchor.label })}</span>
          )}
        </div>
      )}

      {editing && !item.removed ? (
        <EditGroup className="agenda-item-edit">
          <label>
            {t('agenda.itemTitle')}
            <input
              value={item.title}
              autoFocus
              placeholder={t('agenda.untitled')}
              onChange={(e) => onUpdate({ title: e.target.value }, { typing: true })}
              onBlur={onFlush}
            />
          </label>
          <label>
            {t('agenda.itemText')}
            <textarea rows={2} value={item.text} onChange={(e) => onUpdate({ text: e.target.value }, { typing: true })} onBlur={onFlush} />
          </label>
          <label>
            {t('agenda.itemQuestions')}
            <textarea
              rows={Math.max(2, item.questions.length + 1)}
              value={questionsDraft}
              onChange={(e) => {
                setQuestionsDraft(e.target.value);
                const questions = e.target.value
                  .split('\n')
                  .map((q) => q.trim())
                  .filter((q) => q !== '');
                onUpdate({ questions }, { typing: true });
              }}
              onBlur={onFlush}
            />
          </label>
          <p className="hint">{t('agenda.questionsHint')}</p>
        </EditGroup>
      ) : (
        !item.removed && (
          <div className="agenda-item-body">
            {item.text.trim() !== '' && <p className="agenda-item-text">{item.text}</p>}
            {item.questions.length > 0 && (
              <ul className="agenda-questions">
                {item.questions.map((q, i) => (
                  <li key={i}>{q}</li>
                ))}
              </ul>
            )}
            {item.subQuestions.length > 0 && (
              <ul className="agenda-subquestions" aria-label={t('agenda.subQuestions')}>
                {item.subQuestions.map((q, i) => (
                  <li key={i}>{q}</li>
                ))}
              </ul>
            )}
          </div>
        )
      )}
      {!item.removed && children}
    </li>
  );
}

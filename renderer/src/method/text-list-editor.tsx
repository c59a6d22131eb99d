// A list of short texts the user adds, edits and removes: the case manager's doubts and learning
// goals, the meeting's takeaways and intentions. Typing is saved after a pause and on blur.
import { useEffect, useRef, useState } from 'react';
import type { TextItem } from '../../../shared/method';
import { useI18n } from '../i18n';
import { EditGroup } from '../startup/read-only';

export function TextListEditor({
  title,
  items,
  addLabel,
  itemLabel,
  placeholder,
  emptyText,
  onChange,
  onFlush,
  testId,
}: {
  title: string;
  items: TextItem[];
  addLabel: string;
  /** Accessible name of item n, e.g. "Twijfel 2". */
  itemLabel: (n: number) => string;
  placeholder?: string;
  emptyText?: string;
  onChange: (items: TextItem[], opts?: { typing?: boolean }) => void;
  onFlush: () => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const [focusId, setFocusId] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (!focusId) return;
    listRef.current?.querySelector<HTMLTextAreaElement>(`[data-item-id="${focusId}"]`)?.focus();
    setFocusId(null);
  }, [focusId]);

  const add = () => {
    const id = globalThis.crypto.randomUUID();
    onChange([...items, { id, text: '' }]);
    setFocusId(id);
  };

  return (
    <EditGroup className="text-list" testId={testId}>
      <h4 className="text-list-title">{title}</h4>
      {items.length === 0 && emptyText && <p className="hint">{emptyText}</p>}
      <ol className="text-list-items" ref={listRef}>
        {items.map((item, index) => (
          <li key={item.id}>
            <textarea
              rows={1}
              data-item-id={item.id}
              value={item.text}
              placeholder={placeholder}
              aria-label={itemLabel(index + 1)}
              onChange={(e) =>
                onChange(
                  items.map((x) => (x.id === item.id ? { ...x, text: e.target.value } : x)),
                  { typing: true },
                )
              }
              onBlur={onFlush}
              onKeyDown={(e) => {
                // Enter on the last item starts the next one; Shift+Enter is a new line.
                if (e.key === 'Enter' && !e.shiftKey && index === items.length - 1 && item.text.trim() !== '') {
                  e.preventDefault();
                  add();
                }
              }}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={t('method.removeItem', { item: itemLabel(index + 1) })}
              title={t('common.delete')}
              onClick={() => onChange(items.filter((x) => x.id !== item.id))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="add-button" onClick={add}>
        + {addLabel}
      </button>
    </EditGroup>
  );
}

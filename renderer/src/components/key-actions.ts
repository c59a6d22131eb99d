// Keyboard shortcuts as tables of actions (after excalidraw's actions manager): each action says
// which keys trigger it, what the help shows for it, and what it does with the commands its
// screen offers. A screen's one table feeds both its key handler and its help, so they can't
// disagree. Keys are chosen to work on a laptop without Home/End/PgUp.
import { useEffect, useRef } from 'react';
import type { TextKey } from '../i18n';

export interface KeyAction<Commands> {
  id: string;
  /** What the help shows. */
  keys: string[];
  label: TextKey;
  matches(event: KeyboardEvent): boolean;
  /** `event.repeat` is set while a key is held down. */
  perform(commands: Commands, event: KeyboardEvent): void;
}

const plain = (event: KeyboardEvent) => !event.ctrlKey && !event.metaKey && !event.altKey;

/** Any of `names` (KeyboardEvent.key, lower case), without modifiers. */
export const key =
  (...names: string[]) =>
  (event: KeyboardEvent) =>
    plain(event) && !event.shiftKey && names.includes(event.key.toLowerCase());

/** `name` (KeyboardEvent.key as sent) with Shift and no other modifier. */
export const shifted = (name: string) => (event: KeyboardEvent) => plain(event) && event.shiftKey && event.key === name;

/** `name` whatever Shift does (for characters such as ? and + that need Shift on some layouts). */
export const character = (...names: string[]) => (event: KeyboardEvent) => plain(event) && names.includes(event.key);

/** Ctrl (or Cmd on a Mac) with `name`. */
export const withCtrl = (name: string) => (event: KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === name;

export function actionFor<C>(table: readonly KeyAction<C>[], event: KeyboardEvent): KeyAction<C> | null {
  return table.find((action) => action.matches(event)) ?? null;
}

/** Typing in a field must not trigger shortcuts (Escape still closes things, handled locally). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'range', 'submit'].includes(target.type);
  }
  return false;
}

/**
 * Runs `table`'s actions on key presses in the window while mounted. `commands` may change every
 * render (it is read when a key is pressed); `ignore` says when a matching key is not for us
 * (typing in a field, a dialog on top ...). `capture`: before handlers further down, which then
 * don't see the key.
 */
export function useKeyActions<C>(
  table: readonly KeyAction<C>[],
  commands: C,
  { ignore, capture = false }: { ignore?: (event: KeyboardEvent, action: KeyAction<C>) => boolean; capture?: boolean } = {},
): void {
  const latest = useRef({ commands, ignore });
  latest.current = { commands, ignore };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = actionFor(table, event);
      if (!action || latest.current.ignore?.(event, action)) return;
      event.preventDefault();
      if (capture) event.stopPropagation();
      action.perform(latest.current.commands, event);
    };
    window.addEventListener('keydown', onKeyDown, capture);
    return () => window.removeEventListener('keydown', onKeyDown, capture);
  }, [table, capture]);
}

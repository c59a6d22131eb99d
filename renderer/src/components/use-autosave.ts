// The one way the UI stores what the user types (there is no save button): a moment after typing
// stops, and at once when asked (Enter, blur), when the page is hidden and when the component goes
// away, so a closed window or a killed app loses at most the last moment's typing.
// Saves run in order (one starts when the one before it is done) and always store the newest
// value; a value equal to the one stored last is not sent again.
import { useCallback, useEffect, useMemo, useRef } from 'react';

/** How long typing may pause before it is stored. */
export const AUTOSAVE_DELAY_MS = 500;

export interface Autosave<T = unknown> {
  /**
   * Stores the newest value now (unless it is stored already); resolves when every save is done:
   * true when the newest value is stored. `value`: the newest value when the caller has it before
   * the component draws it (a choice stored at once, not after a pause).
   */
  flush(value?: T): Promise<boolean>;
  /** Forgets what waits (Escape): nothing more is stored; resolves when saves under way are done. */
  discard(): Promise<void>;
}

export interface AutosaveOptions<T> {
  delayMs?: number;
  /** Whether two values store the same thing (default: ===). */
  equals?: (a: T, b: T) => boolean;
}

/**
 * @param value what to store; `null` while there is nothing storable (an incomplete form). The
 *   first value is taken as stored already.
 * @param save stores a value; resolving `false` means it failed (it is tried again on the next
 *   change or flush). Errors are the caller's to report.
 */
export function useAutosave<T>(
  value: T | null,
  save: (value: T) => unknown,
  { delayMs = AUTOSAVE_DELAY_MS, equals = Object.is }: AutosaveOptions<T> = {},
): Autosave<T> {
  const saveRef = useRef(save);
  saveRef.current = save;
  const equalsRef = useRef(equals);
  equalsRef.current = equals;
  const latest = useRef<T | null>(value);
  const stored = useRef<T | null>(value);
  const timer = useRef<number | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const first = useRef(true);

  const stopTimer = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };

  const flush = useCallback((value?: T): Promise<boolean> => {
    stopTimer();
    if (value !== undefined) latest.current = value;
    chain.current = chain.current.then(async () => {
      const next = latest.current;
      if (next === null || (stored.current !== null && equalsRef.current(stored.current, next))) return;
      try {
        if ((await saveRef.current(next)) !== false) stored.current = next;
      } catch (error) {
        console.error('[vkz] autosave', error);
      }
    });
    return chain.current.then(() => latest.current === stored.current);
  }, []);

  const discard = useCallback((): Promise<void> => {
    stopTimer();
    latest.current = stored.current;
    return chain.current;
  }, []);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    latest.current = value;
    if (value === null) return;
    stopTimer();
    timer.current = window.setTimeout(() => void flush(), delayMs);
  }, [value, delayMs, flush]);

  // Leaving (another page, closing the window, the component going away) stores what waits.
  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void flush();
    };
  }, [flush]);

  return useMemo(() => ({ flush, discard }), [flush, discard]);
}

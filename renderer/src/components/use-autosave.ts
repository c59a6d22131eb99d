// Saves a value shortly after the user stops typing, and at once when the component goes away,
// so a closed window or a killed app loses at most what was typed in the last moment.
import { useEffect, useRef } from 'react';

export function useAutosave<T>(value: T | null, save: (value: T) => void, delayMs = 500): void {
  const saveRef = useRef(save);
  saveRef.current = save;
  const pending = useRef<{ value: T; timer: number } | null>(null);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false; // the initial value is what is stored already
      return;
    }
    if (value === null) return;
    if (pending.current) window.clearTimeout(pending.current.timer);
    const timer = window.setTimeout(() => {
      pending.current = null;
      saveRef.current(value);
    }, delayMs);
    pending.current = { value, timer };
  }, [value, delayMs]);

  useEffect(
    () => () => {
      if (pending.current) {
        window.clearTimeout(pending.current.timer);
        saveRef.current(pending.current.value);
        pending.current = null;
      }
    },
    [],
  );
}

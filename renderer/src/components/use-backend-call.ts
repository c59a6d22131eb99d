// What a page reads from the backend, the one way: a call made when its key changes (the cycle, a
// playlist's source …) and again when the backend announces a change the page cares about. Only
// the answer to the newest call counts: an answer that arrives after the key changed, after a
// newer reload went out, or after the page went away is dropped, so a slow answer never
// overwrites a newer one.
//
//   const { value: header, failed } = useBackendCall(cycleId, () => call('cycle.header', { cycleId }), { onError });
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { AppEvent } from '../../../shared/contract';
import { onAppEvent } from '../api';

export interface BackendCallOptions<T> {
  /** Shown while the call for a new key runs (an answer kept from before); else nothing. */
  placeholder?: (key: string) => T | null;
  /** Loads again when the backend sends an event this accepts. */
  reloadOn?: (event: AppEvent) => boolean;
  /** Each answer that counts, for hooks that keep their own state from it. */
  onLoaded?: (value: T) => void;
  /** A load for a new key or an event failed (`failed` is then set). */
  onError?: (error: unknown) => void;
}

export interface BackendCall<T> {
  value: T | null;
  failed: boolean;
  /** Loads again; resolves when the answer is shown (or dropped as old), rejects when the call failed. */
  reload(): Promise<void>;
  /** Changes the value on screen (a change the page stores through another call). */
  setValue: Dispatch<SetStateAction<T | null>>;
}

export function useBackendCall<T>(key: string, load: () => Promise<T>, options: BackendCallOptions<T> = {}): BackendCall<T> {
  const [value, setValue] = useState<T | null>(() => options.placeholder?.(key) ?? null);
  const [failed, setFailed] = useState(false);
  // The newest render's load and options: the call reads the page's current values.
  const latest = useRef({ load, options });
  latest.current = { load, options };
  /** Counts the calls made; an answer is shown only when no newer call went out since. */
  const calls = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++calls.current;
    let answer: T;
    try {
      answer = await latest.current.load();
    } catch (error) {
      if (mine === calls.current) throw error;
      return;
    }
    if (mine !== calls.current) return;
    setValue(answer);
    latest.current.options.onLoaded?.(answer);
  }, []);

  useEffect(() => {
    setValue(latest.current.options.placeholder?.(key) ?? null);
    setFailed(false);
    const loadReporting = () =>
      reload().catch((error: unknown) => {
        setFailed(true);
        latest.current.options.onError?.(error);
      });
    void loadReporting();
    const unsubscribe = latest.current.options.reloadOn
      ? onAppEvent((event) => {
          if (latest.current.options.reloadOn?.(event)) void loadReporting();
        })
      : undefined;
    return () => {
      calls.current++; // answers still on their way belong to the old key
      unsubscribe?.();
    };
  }, [key, reload]);

  return { value, failed, reload, setValue };
}

// While an archive export or import runs in main, the page asks how far it is a few times a
// second (the file dialog comes first: until a file is chosen there is no progress yet).
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../shared/contract';
import { call } from '../api';

export type ArchiveProgress = NonNullable<ResponseOf<'exchange.progress'>>;

const POLL_MS = 300;

export function useArchiveProgress(active: boolean): ArchiveProgress | null {
  const [progress, setProgress] = useState<ArchiveProgress | null>(null);
  useEffect(() => {
    if (!active) {
      setProgress(null);
      return;
    }
    let stopped = false;
    const poll = () => {
      call('exchange.progress', {})
        .then((p) => !stopped && setProgress(p))
        .catch(() => undefined);
    };
    const timer = window.setInterval(poll, POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [active]);
  return progress;
}

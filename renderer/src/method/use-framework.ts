// The framework (question set) a cycle's method works with: its themes for the feedback theme
// picker and for "all fragments tagged X". Frameworks are data; the backend validates and lists them.
import { useEffect, useState } from 'react';
import { parseFramework, type Framework } from '../../../shared/framework';
import { call } from '../api';

export function useFramework(frameworkId: string | null, reportError: (error: unknown) => void): Framework | null {
  const [frameworks, setFrameworks] = useState<Framework[]>([]);
  useEffect(() => {
    let cancelled = false;
    call('frameworks.list', {})
      .then(({ frameworks: list }) => {
        if (!cancelled) setFrameworks(list.map((f) => parseFramework(f, 'backend')));
      })
      .catch(reportError);
    return () => {
      cancelled = true;
    };
  }, [reportError]);
  if (frameworkId === null) return null;
  return frameworks.find((f) => f.id === frameworkId) ?? frameworks.find((f) => f.id === 'kijkwijzer') ?? frameworks[0] ?? null;
}

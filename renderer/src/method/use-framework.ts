// The framework (question set) a cycle's method works with: its themes for the feedback theme
// picker and for "all fragments tagged X". Frameworks are data; the backend validates and lists them.
import { parseFramework, type Framework } from '../../../shared/framework';
import { call } from '../api';
import { useBackendCall } from '../components/use-backend-call';

export function useFramework(frameworkId: string | null, reportError: (error: unknown) => void): Framework | null {
  const frameworks =
    useBackendCall('frameworks', () => call('frameworks.list', {}).then(({ frameworks: list }) => list.map((f) => parseFramework(f, 'backend'))), {
      onError: reportError,
    }).value ?? [];
  if (frameworkId === null) return null;
  return frameworks.find((f) => f.id === frameworkId) ?? frameworks.find((f) => f.id === 'kijkwijzer') ?? frameworks[0] ?? null;
}

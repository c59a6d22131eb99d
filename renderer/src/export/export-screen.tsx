// Report and exchange for a cycle and its trajectory. Placeholder until it lands.
import type { Settings } from '../../../shared/domain';

export function ExportScreen(_props: { cycleId: string; settings: Settings; onOpenSettings: () => void }) {
  return null;
}

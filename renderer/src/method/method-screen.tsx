// The method pages of a cycle (its steps and intake, the client interview, the reflection
// meeting). Placeholder until the method UI lands.
import type { Settings } from '../../../shared/domain';
import type { CycleView } from '../route';

export function MethodScreen(_props: { cycleId: string; view: Exclude<CycleView, 'analysis'>; settings: Settings; onOpenSettings: () => void }) {
  return null;
}

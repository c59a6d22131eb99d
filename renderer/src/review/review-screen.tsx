// Review mode: plays an agenda's fragments one after another. Placeholder until it lands.
import type { ReviewSource } from '../route';

export function ReviewScreen(_props: { cycleId: string; source: ReviewSource }) {
  return null;
}

import type { Alert } from "../../core/alerts/index.js";
import type { Phase } from "../../core/groups/index.js";

/** The principle a phase suggests when nothing else does (domain notes, 1-7). */
const byPhase: Record<Phase, number> = { early: 2, middle: 4, late: 7, ongoing: 5 };

/** The one principle most worth considering before a session: the one most open alerts point to, else preparation (1) while members are not prepared, else the phase's own. */
export function principleToConsider(open: readonly Alert[], notPrepared: boolean, phase: Phase): number {
  const votes = new Map<number, number>();
  for (const alert of open) for (const n of alert.principles) votes.set(n, (votes.get(n) ?? 0) + 1);
  const [best] = [...votes].sort(([a, x], [b, y]) => y - x || a - b);
  if (best) return best[0];
  return notPrepared ? 1 : byPhase[phase];
}

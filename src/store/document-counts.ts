import { verifyAuditChain } from "../core/privacy/index.js";
import type { GroupState } from "../core/state.js";

/** What a group document holds, counted: compared before and after moving or re-encrypting the data. */
export interface GroupCounts {
  readonly answers: number;
  readonly prompts: number;
  readonly outbox: number;
  readonly alerts: number;
  readonly audit: number;
}

/** The counts of one group document. */
export function groupCounts(state: Readonly<GroupState>): GroupCounts {
  return {
    answers: Object.keys(state.answers).length,
    prompts: Object.keys(state.prompts).length,
    outbox: Object.keys(state.outbox).length,
    alerts: Object.keys(state.alerts).length,
    audit: state.audit.length,
  };
}

/** The counts of every group, by group id. */
export type CountsByGroup = ReadonlyMap<string, GroupCounts>;

/** The first difference between what was expected and what was found, in words naming only groups and counts. */
export function countsDifference(expected: CountsByGroup, found: CountsByGroup): string | undefined {
  const groups = new Set([...expected.keys(), ...found.keys()]);
  for (const groupId of [...groups].sort()) {
    const before = expected.get(groupId);
    const after = found.get(groupId);
    if (!before || !after) return `group "${groupId}" is ${before ? "missing" : "not expected"}`;
    for (const [name, count] of Object.entries(before) as [keyof GroupCounts, number][])
      if (after[name] !== count) return `group "${groupId}" has ${after[name]} ${name}, not ${count}`;
  }
  return undefined;
}

/** Why a group's audit chain does not hold (its first broken entry), or undefined when it holds. */
export function auditChainProblem(state: Readonly<GroupState>, acknowledged?: ReadonlySet<number>): string | undefined {
  const check = verifyAuditChain(state.groupId, state.audit, acknowledged);
  return check.ok ? undefined : `the audit log of group "${state.groupId}" is broken at entry ${check.entry}`;
}

/** One line per group: its id and its counts, nothing a member wrote or is called. */
export function describeCounts(counts: CountsByGroup): string[] {
  return [...counts].map(
    ([groupId, c]) =>
      `${groupId}: ${of(c.answers, "answer", "answers")}, ${of(c.prompts, "prompt", "prompts")}, ` +
      `${of(c.outbox, "outbox entry", "outbox entries")}, ${of(c.alerts, "alert", "alerts")}, ` +
      `${of(c.audit, "audit entry", "audit entries")}`,
  );
}

function of(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

import { StartupError } from "../kernel/errors.js";
import type { GroupState } from "../core/state.js";
import { verifyAuditChain } from "../core/privacy/index.js";

/** The check each group document gets as the store loads it: a broken audit chain stops start-up unless acknowledged. */
export function auditChainGuard(
  acknowledged: ReadonlyMap<string, ReadonlySet<number>>,
): (groupId: string, state: GroupState) => void {
  return (groupId, state) => {
    const check = verifyAuditChain(groupId, state.audit, acknowledged.get(groupId));
    if (check.ok) return;
    throw new StartupError(
      `The audit log of group "${groupId}" is broken at entry ${check.entry}: ${check.problem}. ` +
        "Someone may have edited its file; Cohesion has not changed any file. Restore the file from a backup, or, to " +
        `keep this break on record and start anyway, set AUDIT_CHAIN_ACKNOWLEDGED=${groupId}:${check.entry} ` +
        "(README: The audit log).",
    );
  };
}

import type { GroupState } from "../state.js";
import { auditGenesis, auditLinkAfter, sealAuditEntry } from "./audit-chain.js";
import type { AuditAction, AuditActor, AuditEntry } from "./audit-entry.js";

/**
 * Appends to the group's audit log, chained to the entry before; call it inside the same store update as the action it
 * records. A log written before the chain is chained first, in order, so that the new entry seals it.
 */
export function appendAudit(
  state: GroupState,
  actor: AuditActor,
  action: AuditAction,
  at: Date,
  subject?: string,
): void {
  if (state.audit.every((entry) => entry.hash === undefined && entry.prev === undefined)) chainLegacy(state);
  const last = state.audit.at(-1);
  const entry: AuditEntry = { at: at.toISOString(), actor, action, ...(subject === undefined ? {} : { subject }) };
  state.audit.push(sealAuditEntry(entry, last ? auditLinkAfter(last) : auditGenesis(state.groupId)));
}

function chainLegacy(state: GroupState): void {
  let prev = auditGenesis(state.groupId);
  state.audit = state.audit.map((entry) => {
    const sealed = sealAuditEntry(entry, prev);
    prev = auditLinkAfter(sealed);
    return sealed;
  });
}

import type { Address } from "../../kernel/address.js";
import type { GroupState } from "../state.js";
import type { AuditAction } from "./audit-entry.js";

/** Appends to the group's audit log; call it inside the same store update as the action it records. */
export function appendAudit(state: GroupState, actor: Address, action: AuditAction, at: Date, subject?: string): void {
  state.audit.push({ at: at.toISOString(), actor, action, ...(subject === undefined ? {} : { subject }) });
}

import { randomBytes } from "node:crypto";
import { addMinutes } from "../../kernel/time.js";
import type { CoreContext } from "../context.js";
import type { Group } from "../setup/index.js";
import type { GroupState } from "../state.js";
import { groupTag, groupTagOf } from "../answers/index.js";
import { erasureConfirmationMinutes, type ErasureRequest } from "../privacy/index.js";

/** What a confirmation button's id turned out to be: a request still valid, one too old, or none (used already, or never). */
export type Confirmation =
  | { readonly kind: "valid"; readonly group: Group; readonly request: ErasureRequest }
  | { readonly kind: "expired" }
  | { readonly kind: "unknown" };

function expiresAt(request: ErasureRequest): Date {
  return addMinutes(new Date(request.issuedAt), erasureConfirmationMinutes);
}

/** Stores a pending erasure under a new opaque id (`<group tag>.<random>`), dropping requests that have expired. */
export function issueConfirmation(state: GroupState, request: ErasureRequest, now: Date): string {
  for (const [id, pending] of Object.entries(state.erasureRequests))
    if (expiresAt(pending) <= now) Reflect.deleteProperty(state.erasureRequests, id);
  const id = `${groupTag(state.groupId)}.${randomBytes(12).toString("hex")}`;
  state.erasureRequests[id] = request;
  return id;
}

/** The pending erasure of `kind` behind a confirmation button's id, as it stands now (reading only). */
export async function confirmationOf(
  ctx: CoreContext,
  id: string,
  kind: ErasureRequest["kind"],
): Promise<Confirmation> {
  const group = ctx.groups.find((g) => groupTag(g.id) === groupTagOf(id));
  const request = group && (await ctx.store.readGroup(group.id)).erasureRequests[id];
  if (!group || request?.kind !== kind) return { kind: "unknown" };
  return expiresAt(request) <= ctx.clock.now() ? { kind: "expired" } : { kind: "valid", group, request };
}

/** Removes a pending erasure as it is carried out (inside that store update); false when another press took it first. */
export function takeConfirmation(state: GroupState, id: string): boolean {
  if (!state.erasureRequests[id]) return false;
  Reflect.deleteProperty(state.erasureRequests, id);
  return true;
}

import type { Address } from "../../kernel/address.js";
import type { CoreContext } from "../context.js";
import { UserError } from "../../kernel/errors.js";
import { appendAudit, erasureConfirmationMinutes } from "../privacy/index.js";
import { freezeClosedSessions, refreezeSessionFigures } from "../climate/index.js";
import { resolveMember, retypableReference } from "../groups/index.js";
import { isLead, type Group } from "../setup/index.js";
import type { GroupState } from "../state.js";
import { confirmationOf, issueConfirmation, takeConfirmation } from "./confirmations.js";
import { countsSubject, eraseMemberRecords, type ErasedCounts } from "./erase-member.js";
import { forgetPlatformIdentity } from "./platform-identity.js";

/** A lead's `forget`: the member, how the lead can name them again, what is (or would be) erased, and whether they stay configured. */
export interface ForgetOutcome {
  readonly group: Group;
  readonly member: Address;
  readonly reference: string;
  readonly counts: ErasedCounts;
  readonly stillMember: boolean;
}

/** Members a lead can name: everyone configured, and anyone the group's records still know (a member since removed). */
function knownMembers(group: Group, state: Readonly<GroupState>): Address[] {
  return [...new Set([...group.members, ...(Object.keys(state.joined) as Address[])])];
}

async function namedMember(ctx: CoreContext, group: Group, lead: Address, reference: string) {
  if (!isLead(group, lead))
    throw new UserError(
      "not-allowed",
      `Only the leads of ${group.name} can erase a member's data, so nothing was changed.`,
    );
  const member = resolveMember(reference, knownMembers(group, await ctx.store.readGroup(group.id)));
  if (!member)
    throw new UserError(
      "bad-arguments",
      `I couldn't find "${reference.slice(0, 40)}" among the members of ${group.name}. Name a member as for \`status\`. Nothing was changed.`,
    );
  return { member, reference: retypableReference(reference, member) };
}

function erase(ctx: CoreContext, group: Group, state: GroupState, lead: Address, member: Address): ErasedCounts {
  const now = ctx.clock.now();
  freezeClosedSessions(ctx, group, state, now);
  const options = { scope: "everything", now, stillMember: group.members.includes(member) } as const;
  const counts = eraseMemberRecords(state, member, options);
  refreezeSessionFigures(ctx, group, state, now);
  appendAudit(state, lead, "member-erased", now, countsSubject(counts));
  return counts;
}

async function eraseNow(ctx: CoreContext, group: Group, lead: Address, member: Address, reference: string) {
  const counts = await ctx.store.updateGroup(group.id, (state) => erase(ctx, group, state, lead, member));
  await forgetPlatformIdentity(ctx, member);
  return { group, member, reference, counts, stillMember: group.members.includes(member) };
}

/** What `forget` would erase, with the opaque id of a confirmation button only this lead may press, for 15 minutes. */
export async function askToForget(ctx: CoreContext, group: Group, lead: Address, typed: string) {
  const { member, reference } = await namedMember(ctx, group, lead, typed);
  const now = ctx.clock.now();
  const preview = structuredClone(await ctx.store.readGroup(group.id));
  const counts = eraseMemberRecords(preview, member, {
    scope: "everything",
    now,
    stillMember: group.members.includes(member),
  });
  const id = await ctx.store.updateGroup(group.id, (state) =>
    issueConfirmation(state, { kind: "forget", by: lead, member, issuedAt: now.toISOString() }, now),
  );
  return { outcome: { group, member, reference, counts, stillMember: group.members.includes(member) }, id };
}

/** `forget <group> <member> confirm`, typed: erases at once, in one store update with its audit entry (counts only). */
export async function forgetMember(
  ctx: CoreContext,
  group: Group,
  lead: Address,
  typed: string,
): Promise<ForgetOutcome> {
  const { member, reference } = await namedMember(ctx, group, lead, typed);
  return eraseNow(ctx, group, lead, member, reference);
}

const used = "That confirmation has already been used (or was never mine to act on), so nothing more was changed.";
const expired = `That confirmation is more than ${erasureConfirmationMinutes} minutes old, so I haven't erased anything. Type \`forget\` again if you still want to.`;

/** The confirmation button pressed: erases for the lead who asked, within 15 minutes, once; anything else changes nothing. */
export async function confirmForget(ctx: CoreContext, lead: Address, id: string): Promise<ForgetOutcome> {
  const confirmation = await confirmationOf(ctx, id, "forget");
  if (confirmation.kind === "unknown") throw new UserError("prompt-unknown", used);
  if (confirmation.kind === "expired") throw new UserError("prompt-closed", expired);
  const { group, request } = confirmation;
  if (request.by !== lead)
    throw new UserError(
      "prompt-not-yours",
      "Only the lead who asked to erase this member's data can confirm it. Nothing was changed.",
    );
  const counts = await ctx.store.updateGroup(group.id, (state) => {
    if (!takeConfirmation(state, id)) throw new UserError("prompt-unknown", used);
    return erase(ctx, group, state, lead, request.member);
  });
  await forgetPlatformIdentity(ctx, request.member);
  const reference = request.member;
  return { group, member: request.member, reference, counts, stillMember: group.members.includes(request.member) };
}

import { createHash } from "node:crypto";
import type { Address } from "../../kernel/address.js";
import type { CoreContext } from "../context.js";
import { UserError } from "../../kernel/errors.js";
import { appendAudit, erasureConfirmationMinutes, systemActor } from "../privacy/index.js";
import { freezeClosedSessions, refreezeSessionFigures } from "../climate/index.js";
import { heldSessions } from "../groups/index.js";
import type { Group } from "../setup/index.js";
import type { GroupState } from "../state.js";
import { confirmationOf, issueConfirmation, takeConfirmation } from "./confirmations.js";
import { contactRequestsOnTheirWay, countsSubject, eraseMemberRecords, type ErasedCounts } from "./erase-member.js";

/** What `delete my data` erased: in how many groups, and how many answers and messages in all. */
export interface OwnDataDeleted {
  readonly groups: number;
  readonly answers: number;
  readonly messages: number;
  /** Requests for a lead to get in touch still on their way to the leads, so kept. */
  readonly contactRequestsOnTheirWay: number;
}

function groupsOf(ctx: CoreContext, member: Address): Group[] {
  return ctx.groups.filter((group) => group.members.includes(member));
}

function firstGroup(ctx: CoreContext, member: Address): Group {
  const group = groupsOf(ctx, member)[0];
  if (!group) throw new UserError("not-allowed", "`delete my data` is for group members.");
  return group;
}

/** The opaque id of a confirmation button for a member's `delete my data`, valid for 15 minutes, for them alone. */
export async function askToDeleteOwnData(ctx: CoreContext, member: Address): Promise<string> {
  const now = ctx.clock.now();
  return ctx.store.updateGroup(firstGroup(ctx, member).id, (state) =>
    issueConfirmation(state, { kind: "own-data", by: member, member, issuedAt: now.toISOString() }, now),
  );
}

// Erases what the member gave; the audit names Cohesion, never the member; a note tells their leads it was done.
function eraseOwn(ctx: CoreContext, group: Group, state: GroupState, member: Address): ErasedCounts & { kept: number } {
  const now = ctx.clock.now();
  const kept = contactRequestsOnTheirWay(state, member).size;
  freezeClosedSessions(ctx, group, state, now);
  const counts = eraseMemberRecords(state, member, { scope: "own-data", now, stillMember: true });
  refreezeSessionFigures(ctx, group, state, now);
  appendAudit(state, systemActor, "member-erased-own-data", now, countsSubject(counts));
  const id = `del-${createHash("sha256").update(`${group.id}|${member}|${now.toISOString()}`).digest("hex").slice(0, 20)}`;
  const session = heldSessions(group, now).at(-1)?.number ?? 1;
  state.ownDataDeletions[id] = { member, at: now.toISOString(), session };
  return { ...counts, kept };
}

/** `delete my data confirm`: erases the member's answers, messages, RSVPs, screening and contact requests in each of their groups. */
export async function deleteOwnData(ctx: CoreContext, member: Address): Promise<OwnDataDeleted> {
  const totals = { groups: 0, answers: 0, messages: 0, contactRequestsOnTheirWay: 0 };
  for (const group of groupsOf(ctx, member)) {
    const counts = await ctx.store.updateGroup(group.id, (state) => eraseOwn(ctx, group, state, member));
    totals.groups += 1;
    totals.answers += counts.answers;
    totals.messages += counts.messages;
    totals.contactRequestsOnTheirWay += counts.kept;
  }
  return totals;
}

const used = "That was already done (or this button is no longer valid), so nothing more was changed.";
const expired = `That button is more than ${erasureConfirmationMinutes} minutes old, so I haven't deleted anything. Type \`delete my data\` again if you still want to.`;

/** The member pressed their confirmation button: deletes their data once, within 15 minutes; anything else changes nothing. */
export async function confirmOwnDeletion(ctx: CoreContext, member: Address, id: string): Promise<OwnDataDeleted> {
  const confirmation = await confirmationOf(ctx, id, "own-data");
  if (confirmation.kind === "unknown") throw new UserError("prompt-unknown", used);
  if (confirmation.kind === "expired") throw new UserError("prompt-closed", expired);
  if (confirmation.request.by !== member)
    throw new UserError("prompt-not-yours", "Only the person who asked can confirm this. Nothing was changed.");
  const taken = await ctx.store.updateGroup(confirmation.group.id, (state) => takeConfirmation(state, id));
  if (!taken) throw new UserError("prompt-unknown", used);
  return deleteOwnData(ctx, member);
}

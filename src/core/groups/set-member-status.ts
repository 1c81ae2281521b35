import type { Address } from "../../kernel/address.js";
import type { CoreContext } from "../context.js";
import { UserError } from "../../kernel/errors.js";
import { appendAudit } from "../privacy/index.js";
import { isLead, type Group } from "../setup/index.js";
import { resolveMember, retypableReference } from "./member-reference.js";
import type { MemberStatus } from "./member-status-record.js";
import { statusOf } from "./member-status.js";

/** What a lead asks: the member as they named them, the new status, and whether they confirmed it. */
export interface StatusRequest {
  readonly member: string;
  readonly status: MemberStatus;
  readonly confirmed: boolean;
}

/** What came of it: nothing to change, a confirmation to ask for, or the change made; `reference` names the member again in a command. */
export interface StatusOutcome {
  readonly kind: "unchanged" | "confirm" | "changed";
  readonly member: Address;
  readonly reference: string;
  readonly status: MemberStatus;
  readonly previous: MemberStatus;
}

/** Statuses that are hard to undo, so setting one (or leaving one) needs the lead to confirm. */
const weighty: readonly MemberStatus[] = ["withdrawn", "deceased"];

function member(group: Group, reference: string): Address {
  const found = resolveMember(reference, group.members);
  if (!found)
    throw new UserError(
      "bad-arguments",
      `I couldn't find "${reference.slice(0, 40)}" among the members of ${group.name}. Name a member with an @mention, their address (such as slack:U123) or their name as Cohesion knows it. Nothing was changed.`,
    );
  return found;
}

/**
 * Sets a member's status for one of the group's leads, with an audit entry in the same update (the
 * status words only, never the member). A change to or from withdrawn or deceased is made only once
 * confirmed; until then nothing changes. Anything else (not a lead, not a member) is refused.
 */
export async function setMemberStatus(
  ctx: CoreContext,
  group: Group,
  lead: Address,
  request: StatusRequest,
): Promise<StatusOutcome> {
  if (!isLead(group, lead))
    throw new UserError(
      "not-allowed",
      `A member's status is set by the leads of ${group.name}, so I haven't changed anything.`,
    );
  const address = member(group, request.member);
  const { status } = request;
  const now = ctx.clock.now();
  const reference = retypableReference(request.member, address);
  return ctx.store.updateGroup(group.id, (state): StatusOutcome => {
    const previous = statusOf(state, address);
    const outcome = { member: address, reference, status, previous };
    if (previous === status) return { kind: "unchanged", ...outcome };
    if (!request.confirmed && (weighty.includes(status) || weighty.includes(previous)))
      return { kind: "confirm", ...outcome };
    (state.memberStatus[address] ??= []).push({ status, by: lead, at: now.toISOString() });
    appendAudit(state, lead, "member-status-changed", now, `${status} (was ${previous})`);
    return { kind: "changed", ...outcome };
  });
}

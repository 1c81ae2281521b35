import { addressSchema, type Address } from "../../kernel/address.js";
import type { CoreContext } from "../context.js";
import { appendAudit, systemActor } from "../privacy/index.js";
import { freezeClosedSessions, refreezeSessionFigures } from "../climate/index.js";
import { sessionByNumber } from "../groups/index.js";
import type { Group } from "../setup/index.js";
import type { GroupState } from "../state.js";
import { countsSubject, erasedAny, eraseMemberRecords, type ErasedCounts } from "./erase-member.js";
import { forgetPlatformIdentity } from "./platform-identity.js";

const dayMs = 86_400_000;

/** When a group's member-level records fall due for erasure: `retentionDays` after its last session ends (never for an open-ended group). */
export function retentionDueAt(ctx: CoreContext, group: Group): Date | undefined {
  for (let number = group.schedule.count ?? 0; number >= 1; number--) {
    const session = sessionByNumber(group, number);
    if (session && !session.cancelled)
      return new Date(session.endsAt.getTime() + ctx.organisation.privacy.retentionDays * dayMs);
  }
  return undefined;
}

/** Every address a group's records name as a member (configured or not), found wherever the records keep one. */
function addressesIn(group: Group, state: Readonly<GroupState>): Address[] {
  const records: readonly Readonly<Record<string, unknown>>[] = [
    state.answers,
    state.rsvps,
    state.saidAbsent,
    state.joined,
    state.paused,
    state.memberStatus,
    state.orientationRead,
    state.screening,
    state.informed,
    state.declinedCheckins,
  ];
  const keyed = records.flatMap((record) => Object.keys(record).map((key) => key.split("|")[0] ?? ""));
  const named = [
    ...Object.values(state.messages).map((m) => m.member),
    ...Object.values(state.contactRequests).map((r) => r.member),
    ...Object.values(state.ownDataDeletions).map((d) => d.member),
    ...Object.values(state.erasureRequests).map((r) => r.member),
    ...Object.values(state.alerts).flatMap((a) => (a.member ? [a.member] : [])),
    ...Object.values(state.prompts).map((p) => p.recipient),
    ...Object.values(state.attendance).flatMap((a) => a.absent),
  ];
  const all = [...group.members, ...keyed, ...named].filter(
    (a) => addressSchema.safeParse(a).success && !group.leads.includes(a as Address),
  );
  return [...new Set(all)] as Address[];
}

function applyToGroup(
  ctx: CoreContext,
  group: Group,
  state: GroupState,
  now: Date,
): { counts: ErasedCounts; members: Address[] } {
  freezeClosedSessions(ctx, group, state, now);
  const members = addressesIn(group, state);
  const counts: ErasedCounts = { answers: 0, messages: 0, rsvps: 0, prompts: 0, deliveries: 0, other: 0 };
  for (const member of members) {
    const options = {
      scope: "everything",
      now,
      stillMember: false,
      keepJoined: group.members.includes(member),
    } as const;
    for (const [kind, count] of Object.entries(eraseMemberRecords(state, member, options)))
      counts[kind as keyof ErasedCounts] += count;
  }
  counts.prompts += Object.keys(state.prompts).length;
  counts.deliveries += Object.keys(state.outbox).length;
  state.prompts = {};
  state.outbox = {};
  refreezeSessionFigures(ctx, group, state, now);
  if (erasedAny(counts)) appendAudit(state, systemActor, "retention-applied", now, countsSubject(counts));
  return { counts, members };
}

/**
 * The daily retention job: erases every member-level record of groups whose last session ended more than
 * `privacy.retentionDays` ago, keeping their audit log and published figures, and audits each group it changed
 * (counts only). Platform records of addresses no longer in any live group go too. A second run changes nothing.
 */
export async function applyRetention(ctx: CoreContext): Promise<{ groups: number; records: number }> {
  const now = ctx.clock.now();
  const due = ctx.groups.filter((group) => {
    const at = retentionDueAt(ctx, group);
    return at !== undefined && at <= now;
  });
  const live = ctx.groups.filter((group) => !due.includes(group));
  const report = { groups: 0, records: 0 };
  for (const group of due) {
    const { counts, members } = await ctx.store.updateGroup(group.id, (state) => applyToGroup(ctx, group, state, now));
    for (const member of members) await forgetPlatformIdentity(ctx, member, live);
    if (!erasedAny(counts)) continue;
    report.groups += 1;
    report.records += Object.values(counts).reduce((sum, count) => sum + count, 0);
  }
  return report;
}

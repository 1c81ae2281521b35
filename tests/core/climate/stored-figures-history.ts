// Random group histories for the stored-figures tests: answers, RSVPs, "I wasn't there", attendance recorded before
// and after a window closes, members leaving, erasures, and the sweep storing closed sessions' figures (and the alert
// rules' findings in them) now and then.
import fc from "fast-check";
import { forgetMember, deleteOwnData } from "../../../src/core/erasure/index.js";
import { storeSessionFindings } from "../../../src/core/alerts/index.js";
import { freezeSessionFigures } from "../../../src/core/climate/index.js";
import { answerWindowCloses, noteNewMembers, sessionByNumber } from "../../../src/core/groups/index.js";
import type { Group } from "../../../src/core/setup/index.js";
import { answerKey, rsvpKey, type GroupState } from "../../../src/core/state.js";
import type { Address } from "../../../src/kernel/address.js";
import { addHours } from "../../../src/kernel/time.js";
import { exampleConfig } from "../../support/example-setup.js";
import { makeWorld, type World } from "../../support/world.js";

/** How many sessions a random history runs to. */
export const historySessions = 9;
const members = 8;

/** What one member does about one session. */
export interface MemberTurn {
  /** 0 nothing, 1 the pulse only, 2 a full form, 3 a form with one item left out, 4 too many left out to count. */
  readonly answers: 0 | 1 | 2 | 3 | 4;
  readonly values: readonly number[];
  readonly rsvp: "yes" | "no" | "none";
  readonly notThere: boolean;
  readonly sent: boolean;
}

/** What happens around one session: each member's turn, attendance, a member leaving, an erasure, the sweep storing figures. */
export interface SessionEvents {
  readonly turns: readonly MemberTurn[];
  /** Attendance a lead recorded: none, before the window closed, after it, or before and then again after. */
  readonly attendance: "none" | "before" | "after" | "replaced";
  readonly came: number;
  readonly absent: readonly number[];
  readonly leaves?: { readonly member: number; readonly status: "withdrawn" | "deceased" | "on-hold" };
  readonly erasure?: { readonly member: number; readonly kind: "forget" | "own-data" };
  readonly stored: boolean;
  /** Whether the sweep also stored what the alert rules find in the closed sessions, as it does once they all have figures. */
  readonly findings: boolean;
}

const turn: fc.Arbitrary<MemberTurn> = fc.record({
  answers: fc.constantFrom(0, 1, 2, 2, 2, 3, 4),
  values: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 13, maxLength: 13 }),
  rsvp: fc.constantFrom("yes", "yes", "no", "none"),
  notThere: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
  sent: fc.constantFrom(true, true, true, false),
});

/** A value in about one session out of six, else nothing. */
function sometimes<T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: value, weight: 1 });
}

const events: fc.Arbitrary<SessionEvents> = fc.record(
  {
    turns: fc.array(turn, { minLength: members, maxLength: members }),
    attendance: fc.constantFrom("none", "none", "before", "after", "replaced"),
    came: fc.integer({ min: 0, max: 4 }),
    absent: fc.uniqueArray(fc.integer({ min: 0, max: members - 1 }), { maxLength: 2 }),
    leaves: sometimes(
      fc.record({
        member: fc.integer({ min: 0, max: members - 1 }),
        status: fc.constantFrom("withdrawn", "deceased", "on-hold"),
      }),
    ),
    erasure: sometimes(
      fc.record({ member: fc.integer({ min: 0, max: members - 1 }), kind: fc.constantFrom("forget", "own-data") }),
    ),
    stored: fc.boolean(),
    findings: fc.boolean(),
  },
  { requiredKeys: ["turns", "attendance", "came", "absent", "stored", "findings"] },
);

/** A random history: one set of events per session, and whether the group is open-ended. */
export const histories = fc.record({
  sessions: fc.array(events, { minLength: historySessions, maxLength: historySessions }),
  openEnded: fc.boolean(),
});

/** A world with the demo group pain-tue meeting weekly, fixed-length or open-ended. */
export function historyWorld(openEnded: boolean): { world: World; group: Group } {
  const config = exampleConfig((c) => ({
    ...c,
    groups: c.groups
      .filter((g) => g.id === "pain-tue")
      .map((g) => ({ ...g, schedule: { ...g.schedule, count: openEnded ? undefined : historySessions + 1 } })),
  }));
  const world = makeWorld({ now: "2026-11-20T09:00:00Z", config });
  const [group] = world.ctx.groups;
  if (!group) throw new Error("no group");
  return { world, group };
}

function answer(state: GroupState, member: Address, session: number, turn: MemberTurn, at: string): void {
  const left = turn.answers === 3 ? 1 : turn.answers === 4 ? 5 : 0;
  if (turn.answers >= 2)
    for (let item = 1 + left; item <= 12; item += 1)
      state.answers[answerKey(member, session, "gcq-s", `gcq-${item}`)] = { value: turn.values[item] ?? 0, at };
  if (turn.answers >= 1)
    state.answers[answerKey(member, session, "pulse", "pulse-1")] = { value: 2 + ((turn.values[0] ?? 0) % 4), at };
}

/** One session's events, written as the bot and its people would have, up to its window's close plus an hour. */
export async function playSession(world: World, group: Group, number: number, happens: SessionEvents): Promise<Date> {
  const session = sessionByNumber(group, number);
  if (!session) throw new Error(`no session ${number}`);
  const closes = answerWindowCloses(group, session, world.ctx.organisation.timing.answerWindowHours);
  const lead = group.leads[0] as Address;
  const at = (date: Date) => date.toISOString();
  const recordAttendance = (state: GroupState, when: Date, came: number) => {
    const absent = happens.absent.map((i) => group.members[i] as Address);
    state.attendance[String(number)] = { came, absent, by: lead, at: at(when) };
  };
  await world.store.updateGroup(group.id, (state) => {
    noteNewMembers(group, state, addHours(session.startsAt, -48));
    happens.turns.forEach((turn, i) => {
      const member = group.members[i] as Address;
      if (turn.rsvp !== "none")
        state.rsvps[rsvpKey(member, number)] = { response: turn.rsvp, at: at(addHours(session.startsAt, -24)) };
      if (turn.sent)
        state.prompts[`checkin-${number}-${i}`] = {
          kind: "checkin",
          recipient: member,
          session: number,
          issuedAt: at(session.endsAt),
        };
      answer(state, member, number, turn, at(addHours(session.endsAt, 1)));
      if (turn.notThere) state.saidAbsent[rsvpKey(member, number)] = at(addHours(session.endsAt, 2));
    });
    if (happens.attendance === "before" || happens.attendance === "replaced")
      recordAttendance(state, addHours(session.endsAt, 3), happens.came);
  });
  const after = addHours(closes, 1);
  world.clock.set(after.toISOString());
  if (happens.stored)
    await world.store.updateGroup(group.id, (state) => {
      freezeSessionFigures(world.ctx, group, state, after);
      if (happens.findings) storeSessionFindings(world.ctx, group, state, after);
    });
  if (happens.attendance === "after" || happens.attendance === "replaced")
    await world.store.updateGroup(group.id, (state) => recordAttendance(state, after, Math.max(0, happens.came - 1)));
  if (happens.leaves) {
    const member = group.members[happens.leaves.member] as Address;
    const status = happens.leaves.status;
    await world.store.updateGroup(group.id, (state) => {
      (state.memberStatus[member] ??= []).push({ status, by: lead, at: at(after) });
    });
  }
  if (happens.erasure) {
    const member = group.members[happens.erasure.member] as Address;
    if (happens.erasure.kind === "forget") await forgetMember(world.ctx, group, lead, member);
    else await deleteOwnData(world.ctx, member);
  }
  return after;
}

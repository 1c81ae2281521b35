// A generator of synthetic groups with known, planted events, for checking alert thresholds.
import { toAddress, type Address } from "../../../../src/kernel/address.js";
import type { Group } from "../../../../src/core/setup/index.js";
import { phaseOf, answerWindowCloses, sessionByNumber, type Session } from "../../../../src/core/groups/index.js";
import { promptIdFor } from "../../../../src/core/answers/index.js";
import { answerKey, emptyGroupState, rsvpKey, type GroupState } from "../../../../src/core/state.js";

/** A small deterministic random source (mulberry32), so every seed replays exactly. */
export function randomSource(seed: number): { uniform: () => number; normal: (sd: number) => number } {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (sd: number) => sd * Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

/** The three GCQ-S subscales a member's answers are drawn around. */
export interface Levels {
  engaged: number;
  avoiding: number;
  conflict: number;
}

/** What a scenario changes, per session and member, on top of a stable group. */
export interface Plan {
  /** Added to every member's levels in a session (a group-wide change). */
  readonly group?: (session: number) => Partial<Levels>;
  /** Added to one member's levels in a session. */
  readonly member?: (member: number, session: number) => Partial<Levels>;
  /** One member's levels in a session, whatever they were before (a member who has drifted to a given level). */
  readonly memberLevel?: (member: number, session: number) => Partial<Levels>;
  /** The chance a member answers a session's check-in (default 0.85)... */
  readonly answers?: (member: number, session: number) => number;
  /** ...and that an answering member also sends the full form, not only the pulse (default 0.9). */
  readonly fullForm?: (member: number, session: number) => number;
  /** A member's RSVP to a session, when the plan decides it. */
  readonly rsvp?: (member: number, session: number) => "yes" | "no" | undefined;
}

/** The stable group's typical levels: engaged members, little avoidance, less conflict, a mild mid-group rise of conflict. */
export const typical: Levels = { engaged: 4.0, avoiding: 2.0, conflict: 1.0 };

const subscaleOfItem: (keyof Levels)[] = [
  "engaged",
  "engaged",
  "avoiding",
  "engaged",
  "avoiding",
  "conflict",
  "conflict",
  "engaged",
  "avoiding",
  "conflict",
  "engaged",
  "conflict",
];

const clampToScale = (value: number) => Math.min(6, Math.max(0, Math.round(value)));

/** The template group with `size` members named console:m1, console:m2... */
export function withMembers(template: Group, size: number): Group {
  return { ...template, members: Array.from({ length: size }, (_, i) => toAddress(`console:m${i + 1}`)) };
}

/** The members' addresses of a synthetic group, by index. */
export function memberAt(group: Group, index: number): Address {
  const member = group.members[index];
  if (!member) throw new Error(`no member ${index}`);
  return member;
}

/** The held sessions of a group up to and including `last`. */
export function heldSessions(group: Group, last: number): Session[] {
  return Array.from({ length: last }, (_, i) => sessionByNumber(group, i + 1)).filter(
    (s): s is Session => s !== undefined && !s.cancelled,
  );
}

/**
 * The stored state of a group after `sessions` sessions: check-ins sent to every member, answers drawn
 * around each member's own levels (members differ by about 0.6 points, sessions by `variation` (0.25), items
 * by about 0.8, then rounded to the 0-6 scale), pulse answers, RSVPs, all shifted by the plan.
 */
export function synthesiseGroup(
  group: Group,
  sessions: number,
  seed: number,
  plan: Plan = {},
  variation = 0.25,
): GroupState {
  const random = randomSource(seed);
  const state = emptyGroupState(group.id);
  const memberLevels = group.members.map(() => ({
    engaged: typical.engaged + random.normal(0.6),
    avoiding: typical.avoiding + random.normal(0.5),
    conflict: typical.conflict + random.normal(0.5),
  }));
  for (const session of heldSessions(group, sessions)) {
    const n = session.number;
    const at = new Date(session.endsAt.getTime() + 3_600_000).toISOString();
    const midRise = phaseOf(group, n) === "middle" ? 0.3 : 0;
    const sessionShift: Levels = {
      engaged: random.normal(variation),
      avoiding: random.normal(variation),
      conflict: midRise + random.normal(variation),
    };
    const groupShift = plan.group?.(n) ?? {};
    group.members.forEach((member, m) => {
      state.prompts[promptIdFor(group.id, `checkin:${group.id}:${n}:${member}`)] = {
        kind: "checkin",
        recipient: member,
        session: n,
        issuedAt: session.endsAt.toISOString(),
      };
      const rsvp = plan.rsvp?.(m, n) ?? (random.uniform() < 0.7 ? "yes" : undefined);
      if (rsvp) state.rsvps[rsvpKey(member, n)] = { response: rsvp, at: session.startsAt.toISOString() };
      if (random.uniform() >= (plan.answers?.(m, n) ?? 0.85)) return;
      const own = plan.member?.(m, n) ?? {};
      const fixed = plan.memberLevel?.(m, n) ?? {};
      const base = (s: keyof Levels) => fixed[s] ?? (memberLevels[m] as Levels)[s];
      const level = (s: keyof Levels) => base(s) + sessionShift[s] + (groupShift[s] ?? 0) + (own[s] ?? 0);
      const pulse = Math.min(
        5,
        Math.max(1, Math.round(1 + level("engaged") - level("conflict") / 2 + random.normal(0.7))),
      );
      state.answers[answerKey(member, n, "pulse", "pulse-1")] = { value: pulse, at };
      if (random.uniform() >= (plan.fullForm?.(m, n) ?? 0.9)) return;
      subscaleOfItem.forEach((subscale, i) => {
        state.answers[answerKey(member, n, "gcq-s", `gcq-${i + 1}`)] = {
          value: clampToScale(level(subscale) + random.normal(0.8)),
          at,
        };
      });
    });
  }
  return state;
}

/** When the digest after session `number` goes out: the moment its answer window closes. */
export function digestTime(group: Group, number: number, answerWindowHours: number): Date {
  const session = heldSessions(group, number).find((s) => s.number === number);
  if (!session) throw new Error(`no session ${number}`);
  return answerWindowCloses(group, session, answerWindowHours);
}

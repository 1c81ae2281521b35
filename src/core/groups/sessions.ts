import { DateTime, IANAZone } from "luxon";
import type { Group } from "../setup/index.js";

/** One meeting of a group, as scheduled after cancellations and moves. */
export interface Session {
  number: number;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  moved: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// DST rule: a skipped local time moves on by the gap's length; a repeated one means its first (earlier) occurrence.
/** The instant of a wall-clock time (a UTC DateTime holding local fields) in `timezone`; luxon alone would pick the later instant in an overlap. */
function wallClockToInstant(wall: DateTime, timezone: string): Date {
  const zone = IANAZone.create(timezone);
  const wallMs = wall.toMillis();
  const offsetBefore = zone.offset(wallMs - DAY);
  const candidates = [offsetBefore, zone.offset(wallMs + DAY)]
    .map((offset) => wallMs - offset * MINUTE)
    .filter((instant) => zone.offset(instant) * MINUTE === wallMs - instant);
  return new Date(candidates.length > 0 ? Math.min(...candidates) : wallMs - offsetBefore * MINUTE);
}

function parseWallClock(local: string): DateTime {
  return DateTime.fromISO(local, { zone: "utc" });
}

function plannedWallClock(group: Group, number: number): DateTime {
  const [amount = "1", unit = "week"] = group.schedule.every.split(" ");
  const step = Number(amount) * (number - 1);
  return parseWallClock(group.schedule.firstSession).plus(unit.startsWith("week") ? { weeks: step } : { days: step });
}

function withinCount(group: Group, number: number): boolean {
  return group.schedule.count === undefined || number <= group.schedule.count;
}

// A group's sessions follow from its configuration alone, which never changes while Cohesion runs: each is built once.
const built = new WeakMap<Group, Map<number, { planned: Date; session: Session }>>();

function buildSession(group: Group, number: number): { planned: Date; session: Session } {
  const byNumber = built.get(group) ?? new Map<number, { planned: Date; session: Session }>();
  built.set(group, byNumber);
  const known = byNumber.get(number);
  if (known) return known;
  const made = makeSession(group, number);
  byNumber.set(number, made);
  return made;
}

function makeSession(group: Group, number: number): { planned: Date; session: Session } {
  const changes = group.changes.filter((change) => change.session === number);
  const movedTo = changes.findLast((change) => change.startsAt !== undefined)?.startsAt;
  const planned = wallClockToInstant(plannedWallClock(group, number), group.timezone);
  const startsAt = movedTo === undefined ? planned : wallClockToInstant(parseWallClock(movedTo), group.timezone);
  const endsAt = new Date(startsAt.getTime() + group.schedule.durationMinutes * MINUTE);
  const cancelled = changes.some((change) => change.cancelled === true);
  return { planned, session: { number, startsAt, endsAt, cancelled, moved: movedTo !== undefined } };
}

/**
 * Sessions whose planned start is at or before `until` (cancelled ones included, flagged), then those after it up to
 * and including the first that is not cancelled, so the next real session is always visible; stops at schedule.count.
 * Sessions recur at the same local wall-clock time in group.timezone. DST rule: a skipped local time moves on by the
 * gap's length; a repeated local time means its first (earlier) occurrence.
 */
export function listSessions(group: Group, until: Date): Session[] {
  const sessions: Session[] = [];
  for (let number = 1; withinCount(group, number); number++) {
    const { planned, session } = buildSession(group, number);
    sessions.push(session);
    if (planned.getTime() > until.getTime() && !session.cancelled) break;
  }
  return sessions;
}

/** The sessions held by `now`: started, and not cancelled. */
export function heldSessions(group: Group, now: Date): Session[] {
  return listSessions(group, now).filter((session) => !session.cancelled && session.startsAt <= now);
}

/** Session `number` (1-based) with its changes applied, or undefined beyond the schedule's count. */
export function sessionByNumber(group: Group, number: number): Session | undefined {
  if (!Number.isInteger(number) || number < 1 || !withinCount(group, number)) return undefined;
  return buildSession(group, number).session;
}

/** When answers about `session` stop being accepted: the next non-cancelled session's start or end + windowHours, whichever is earlier. */
export function answerWindowCloses(group: Group, session: Session, windowHours: number): Date {
  const windowEnd = session.endsAt.getTime() + windowHours * HOUR;
  for (let number = session.number + 1; withinCount(group, number); number++) {
    const next = buildSession(group, number).session;
    if (!next.cancelled) return new Date(Math.min(windowEnd, next.startsAt.getTime()));
  }
  return new Date(windowEnd);
}

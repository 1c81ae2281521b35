import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { groupSchema, type Group } from "../../../src/core/setup/index.js";
import { answerWindowCloses, listSessions, sessionByNumber } from "../../../src/core/groups/index.js";
import { formatLocal } from "../../../src/kernel/time.js";

function group(schedule: Record<string, unknown>, extra: Record<string, unknown> = {}): Group {
  return groupSchema.parse({
    id: "test",
    name: "Test group",
    program: "generic",
    timezone: "Europe/London",
    schedule: { every: "1 week", ...schedule },
    location: "Room 1",
    careTeamChannel: "console:care-team",
    leads: ["console:lead"],
    ...extra,
  });
}

const iso = (date: Date | undefined): string | undefined => date?.toISOString();
const far = new Date("2100-01-01T00:00:00Z");

describe("listSessions across DST", () => {
  it("keeps 18:00 local in Europe/London when clocks go back in October", () => {
    const g = group({ firstSession: "2026-10-13T18:00", count: 3 });
    const sessions = listSessions(g, far);
    expect(sessions.map((s) => iso(s.startsAt))).toEqual([
      "2026-10-13T17:00:00.000Z",
      "2026-10-20T17:00:00.000Z",
      "2026-10-27T18:00:00.000Z",
    ]);
    expect(sessions.map((s) => formatLocal(s.startsAt, g.timezone, "time"))).toEqual(["18:00", "18:00", "18:00"]);
  });

  it("keeps 18:00 local in America/New_York when clocks go back in November", () => {
    const g = group({ firstSession: "2026-10-27T18:00", count: 2 }, { timezone: "America/New_York" });
    const sessions = listSessions(g, far);
    expect(sessions.map((s) => iso(s.startsAt))).toEqual(["2026-10-27T22:00:00.000Z", "2026-11-03T23:00:00.000Z"]);
    expect(sessions.map((s) => formatLocal(s.startsAt, g.timezone, "time"))).toEqual(["18:00", "18:00"]);
  });

  it("moves a local time skipped by spring-forward on by the gap (02:30 => 03:30)", () => {
    const g = group({ firstSession: "2026-03-01T02:30", count: 3 }, { timezone: "America/New_York" });
    const second = sessionByNumber(g, 2);
    expect(iso(second?.startsAt)).toBe("2026-03-08T07:30:00.000Z");
    expect(formatLocal(second!.startsAt, g.timezone, "time")).toBe("03:30");
    expect(formatLocal(sessionByNumber(g, 3)!.startsAt, g.timezone, "time")).toBe("02:30");
  });

  it("takes the first occurrence of a local time repeated by fall-back (01:30 EDT, not EST)", () => {
    const g = group({ firstSession: "2026-10-25T01:30", count: 2 }, { timezone: "America/New_York" });
    expect(iso(sessionByNumber(g, 2)?.startsAt)).toBe("2026-11-01T05:30:00.000Z");
    // Luxon's own choice is the later instant, which the code must override.
    expect(DateTime.fromISO("2026-11-01T01:30", { zone: "America/New_York" }).toUTC().toISO()).toBe(
      "2026-11-01T06:30:00.000Z",
    );
  });

  it("applies the same rule to a session moved into a gap", () => {
    const g = group(
      { firstSession: "2026-03-01T18:00" },
      { timezone: "America/New_York", changes: [{ session: 2, startsAt: "2026-03-08T02:15" }] },
    );
    expect(formatLocal(sessionByNumber(g, 2)!.startsAt, g.timezone, "day-time")).toBe("Sunday 8 March, 03:15");
  });
});

describe("listSessions range", () => {
  it("lists past sessions plus the next one, and stops at count", () => {
    const g = group({ firstSession: "2026-12-01T18:00", count: 3, durationMinutes: 90 });
    const sessions = listSessions(g, new Date("2026-12-08T20:00:00Z"));
    expect(sessions.map((s) => s.number)).toEqual([1, 2, 3]);
    expect(iso(sessions[0]?.endsAt)).toBe("2026-12-01T19:30:00.000Z");
    expect(listSessions(g, far)).toHaveLength(3);
  });

  it("goes on for an open-ended group", () => {
    const g = group({ firstSession: "2026-12-03T14:00" });
    const sessions = listSessions(g, new Date("2027-12-01T00:00:00Z"));
    expect(sessions.length).toBeGreaterThan(52);
    expect(sessions.at(-1)!.startsAt.getTime()).toBeGreaterThan(new Date("2027-12-01T00:00:00Z").getTime());
    expect(sessionByNumber(g, 500)).toBeDefined();
  });

  it("flags cancelled and moved sessions, and shows the next real session past a cancelled one", () => {
    const g = group(
      { firstSession: "2026-12-01T18:00", count: 8 },
      {
        changes: [
          { session: 3, cancelled: true },
          { session: 4, startsAt: "2026-12-23T10:00" },
        ],
      },
    );
    const sessions = listSessions(g, new Date("2026-12-09T00:00:00Z"));
    expect(sessions.map((s) => [s.number, s.cancelled, s.moved])).toEqual([
      [1, false, false],
      [2, false, false],
      [3, true, false],
      [4, false, true],
    ]);
    expect(formatLocal(sessions[3]!.startsAt, g.timezone, "day-time")).toBe("Wednesday 23 December, 10:00");
  });

  it("rejects numbers outside the schedule", () => {
    const g = group({ firstSession: "2026-12-01T18:00", count: 8 });
    expect(sessionByNumber(g, 0)).toBeUndefined();
    expect(sessionByNumber(g, 9)).toBeUndefined();
    expect(sessionByNumber(g, 8)?.number).toBe(8);
  });
});

describe("answerWindowCloses", () => {
  it("closes at the next session when that comes first", () => {
    const g = group({ firstSession: "2026-12-01T18:00", every: "2 days" });
    const first = sessionByNumber(g, 1)!;
    expect(iso(answerWindowCloses(g, first, 72))).toBe("2026-12-03T18:00:00.000Z");
  });

  it("closes windowHours after the end when that comes first", () => {
    const g = group({ firstSession: "2026-12-01T18:00" });
    const first = sessionByNumber(g, 1)!;
    expect(iso(answerWindowCloses(g, first, 72))).toBe("2026-12-04T19:30:00.000Z");
  });

  it("skips a cancelled next session", () => {
    const g = group(
      { firstSession: "2026-12-01T18:00", every: "2 days" },
      { changes: [{ session: 2, cancelled: true }] },
    );
    const first = sessionByNumber(g, 1)!;
    expect(iso(answerWindowCloses(g, first, 72))).toBe("2026-12-04T19:30:00.000Z");
    expect(iso(answerWindowCloses(g, first, 200))).toBe("2026-12-05T18:00:00.000Z");
  });

  it("uses end + windowHours after the last session of a course", () => {
    const g = group({ firstSession: "2026-12-01T18:00", every: "1 day", count: 1 });
    expect(iso(answerWindowCloses(g, sessionByNumber(g, 1)!, 1))).toBe("2026-12-01T20:30:00.000Z");
  });
});

describe("formatLocal", () => {
  it("formats member-facing text in en-GB, 24-hour", () => {
    const date = new Date("2026-12-01T18:00:00Z");
    expect(formatLocal(date, "Europe/London", "day-time")).toBe("Tuesday 1 December, 18:00");
    expect(formatLocal(date, "Europe/London", "date")).toBe("Tuesday 1 December");
    expect(formatLocal(date, "America/New_York", "time")).toBe("13:00");
  });
});

import { describe, expect, it } from "vitest";
import { baseline, groupClimate, type Aggregate, type SessionClimate } from "../../../src/core/climate/index.js";
import { instrumentById, programOf } from "../../../src/core/context.js";
import { organisationSchema } from "../../../src/core/setup/index.js";
import type { GroupState } from "../../../src/core/state.js";
import { summaryMessage } from "../../../src/views/leads/summary-message.js";
import {
  bySubscale,
  groupById,
  members,
  painTue,
  putForm,
  putPulse,
  putSession1Answers,
  session1Forms,
} from "../../support/flows.js";
import { makeWorld, type World } from "../../support/world.js";

const [ana = "", ben = "", carla = "", dev = "", erin = "", femi = ""] = members;
const at = painTue.checkin1;

async function withState(world: World, change: (state: GroupState) => void): Promise<Readonly<GroupState>> {
  await world.store.updateGroup("pain-tue", change);
  return world.store.readGroup("pain-tue");
}

function climateAt(world: World, state: Readonly<GroupState>, now: string): SessionClimate[] {
  return groupClimate(world.ctx, groupById(world, "pain-tue"), state, new Date(now));
}

function summaryText(world: World, climates: readonly SessionClimate[]): string {
  const group = groupById(world, "pain-tue");
  const message = summaryMessage({
    group,
    program: programOf(world.ctx, group),
    gcq: instrumentById(world.ctx, "gcq-s"),
    climates,
    minResponses: 5,
  });
  return message.blocks.map((block) => ("text" in block ? block.text : "")).join("\n");
}

function means(climate: SessionClimate | undefined): Record<string, number | undefined> {
  const shown = (a: Aggregate | undefined) => (a?.shown ? a.mean : undefined);
  return {
    engaged: shown(climate?.subscales.get("engaged")),
    avoiding: shown(climate?.subscales.get("avoiding")),
    conflict: shown(climate?.subscales.get("conflict")),
    pulse: shown(climate?.pulse),
  };
}

const noSubscaleNumbers = /(Engaged|Avoiding|Conflict|Pulse) \d/;

describe("group climate after the answer window closes", () => {
  it("shows the means once exactly minResponses (5) members sent a valid form", async () => {
    const world = makeWorld();
    const state = await withState(world, (s) => {
      putSession1Answers(s, at);
    });
    const [climate] = climateAt(world, state, painTue.closes1);
    expect(climate?.collecting).toBe(false);
    expect(climate?.respondents).toBe(5);
    const m = means(climate);
    expect(m.engaged).toBeCloseTo(4.4, 10);
    expect(m.avoiding).toBeCloseTo(1.8, 10);
    expect(m.conflict).toBeCloseTo(0.4, 10);
    expect(m.pulse).toBeCloseTo(4.0, 10);
    const text = summaryText(world, climateAt(world, state, painTue.closes1));
    expect(text).toContain("Engaged 4.4 · Avoiding 1.8 · Conflict 0.4 · 5 full check-ins");
    expect(text).toContain("Pulse 4.0 (5 answers)");
  });

  it("says 'not enough responses yet' with 4 forms, and shows no subscale numbers", async () => {
    const world = makeWorld();
    const state = await withState(world, (s) => {
      for (const [member, values, pulse] of session1Forms.slice(0, 4)) {
        putForm(s, member, 1, values, at);
        putPulse(s, member, 1, pulse, at);
      }
    });
    const climates = climateAt(world, state, painTue.closes1);
    for (const aggregate of [...(climates[0]?.subscales.values() ?? []), climates[0]?.pulse]) {
      expect(aggregate).toEqual({ shown: false, respondents: 4 });
    }
    const text = summaryText(world, climates);
    expect(text).toContain("Group climate: not enough responses yet (4 of 5 needed)");
    expect(text).toContain("Pulse: not enough responses yet");
    expect(text).not.toMatch(noSubscaleNumbers);
    expect(text).not.toMatch(/vs baseline/);
  });

  it("publishes nothing while the window is open, however many answered", async () => {
    const world = makeWorld();
    const state = await withState(world, (s) => {
      for (const member of members) {
        putForm(s, member, 1, bySubscale(5, 1, 1), at);
        putPulse(s, member, 1, 5, at);
      }
    });
    const justBefore = new Date(Date.parse(painTue.closes1) - 1000).toISOString();
    const climates = climateAt(world, state, justBefore);
    expect(climates[0]?.collecting).toBe(true);
    expect(climates[0]?.windowCloses.toISOString()).toBe(new Date(painTue.closes1).toISOString());
    expect(Object.values(means(climates[0]))).toEqual([undefined, undefined, undefined, undefined]);
    const text = summaryText(world, climates);
    expect(text).toContain("Collecting answers until Friday 4 December, 19:30");
    expect(text).not.toMatch(noSubscaleNumbers);
    // The moment it closes, the same answers are published.
    expect(means(climateAt(world, state, painTue.closes1)[0]).engaged).toBeCloseTo(5, 10);
  });

  it("leaves out a form with 5 items missing, and keeps one with 4 missing", async () => {
    const world = makeWorld();
    const fiveMissing = [6, null, 6, null, 6, null, 6, null, 6, null, 6, 6];
    const fourMissing = [null, 4, null, 4, 2, null, 0, 4, 2, null, 4, 0];

    const four = await withState(world, (s) => {
      for (const [member, values] of session1Forms.slice(0, 4)) putForm(s, member, 1, values, at);
      putForm(s, erin, 1, fiveMissing, at);
    });
    const text = summaryText(world, climateAt(world, four, painTue.closes1));
    expect(text).toContain("not enough responses yet (4 of 5 needed)");
    expect(text).not.toMatch(noSubscaleNumbers);

    // Five valid forms plus an invalid one: the means are those of the five.
    const six = await withState(world, (s) => {
      putForm(s, erin, 1, session1Forms[4]?.[1] ?? [], at);
      putForm(s, femi, 1, fiveMissing, at);
    });
    const m = means(climateAt(world, six, painTue.closes1)[0]);
    expect([m.engaged, m.avoiding, m.conflict].map((v) => v?.toFixed(6))).toEqual(["4.400000", "1.800000", "0.400000"]);

    // A form with exactly 4 missing counts (Engaged 4, Avoiding 2, Conflict 0 from its answered items).
    const counted = await withState(world, (s) => {
      for (const key of Object.keys(s.answers)) if (key.startsWith(`${femi}|`)) delete s.answers[key];
      putForm(s, femi, 1, fourMissing, at);
    });
    const withFemi = means(climateAt(world, counted, painTue.closes1)[0]);
    expect(withFemi.engaged).toBeCloseTo((4 + 4 + 4 + 5 + 5 + 4) / 6, 10);
    expect(withFemi.avoiding).toBeCloseTo((2 + 2 + 2 + 2 + 1 + 2) / 6, 10);
    expect(withFemi.conflict).toBeCloseTo((1 + 1 + 0 + 0 + 0 + 0) / 6, 10);
  });
});

describe("baseline", () => {
  /**
   * Session 1: 4.4 / 1.8 / 0.4 (above). Session 2: all five at 5 / 1 / 1.
   * Baseline = mean of sessions 1 and 2: Engaged 4.7, Avoiding 1.4, Conflict 0.7.
   * Session 3: five at 5 / 1 / 1 and femi with Engaged items 6, 6, 6, 5, 5 (5.6):
   *   Engaged (5 * 5 + 5.6) / 6 = 5.1 -> +0.4; Avoiding 1.0 -> -0.4; Conflict 1.0 -> +0.3.
   */
  async function threeSessions(world: World): Promise<Readonly<GroupState>> {
    return withState(world, (s) => {
      for (const [member, values] of session1Forms) putForm(s, member, 1, values, painTue.checkin1);
      for (const [member] of session1Forms) putForm(s, member, 2, bySubscale(5, 1, 1), painTue.checkin2);
      for (const [member] of session1Forms) putForm(s, member, 3, bySubscale(5, 1, 1), painTue.checkin3);
      putForm(s, femi, 3, [6, 6, 1, 6, 1, 1, 1, 5, 1, 1, 5, 1], painTue.checkin3);
    });
  }

  it("is the mean of the first two sessions with published figures, and each session shows its change", async () => {
    const world = makeWorld();
    const climates = climateAt(world, await threeSessions(world), painTue.closes3);
    expect(climates.map((c) => [c.session.number, c.collecting])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    const base = baseline(climates);
    expect(base.get("engaged")).toBeCloseTo(4.7, 10);
    expect(base.get("avoiding")).toBeCloseTo(1.4, 10);
    expect(base.get("conflict")).toBeCloseTo(0.7, 10);

    const text = summaryText(world, climates);
    expect(text).toContain(
      "Engaged 5.1 (+0.4 vs baseline) · Avoiding 1.0 (-0.4 vs baseline) · Conflict 1.0 (+0.3 vs baseline) · 6 full check-ins",
    );
    // The baseline sessions themselves show no change.
    expect(text).toContain("Engaged 4.4 · Avoiding 1.8 · Conflict 0.4 · 5 full check-ins");
    expect(text).toContain("Engaged 5.0 · Avoiding 1.0 · Conflict 1.0 · 5 full check-ins");
    expect(text).toContain(
      "Baseline (the group's first two sessions with enough answers): Engaged 4.7 · Avoiding 1.4 · Conflict 0.7",
    );
  });

  it("shows no change as +0.0, never -0.0", async () => {
    const world = makeWorld();
    await threeSessions(world);
    // Session 4: Engaged 4.6, 4.6, 4.6, 4.8, 4.8 -> 4.68 (-0.02 vs 4.7); Avoiding 1, 1, 1, 2, 2 -> 1.4; Conflict 1.0.
    const engaged46 = bySubscale(5, 1, 1).map((v, i) => (i === 7 || i === 10 ? 4 : v));
    const engaged48 = bySubscale(5, 2, 1).map((v, i) => (i === 10 ? 4 : v));
    const state = await withState(world, (s) => {
      for (const member of [ana, ben, carla]) putForm(s, member, 4, engaged46, "2026-12-22T19:40:00Z");
      for (const member of [dev, erin]) putForm(s, member, 4, engaged48, "2026-12-22T19:40:00Z");
    });
    const text = summaryText(world, climateAt(world, state, "2026-12-25T19:30:00Z"));
    expect(text).toContain(
      "Engaged 4.7 (+0.0 vs baseline) · Avoiding 1.4 (+0.0 vs baseline) · Conflict 1.0 (+0.3 vs baseline) · 5 full check-ins",
    );
    expect(text).not.toContain("-0.0");
  });

  it("skips sessions whose figures were suppressed, and needs two published sessions", async () => {
    const world = makeWorld();
    const state = await withState(world, (s) => {
      for (const [member, values] of session1Forms.slice(0, 4)) putForm(s, member, 1, values, painTue.checkin1);
      for (const [member] of session1Forms) putForm(s, member, 2, bySubscale(5, 1, 1), painTue.checkin2);
    });
    expect(baseline(climateAt(world, state, painTue.closes2)).size).toBe(0);
    expect(summaryText(world, climateAt(world, state, painTue.closes2))).not.toMatch(/baseline\)/);

    const later = await withState(world, (s) => {
      for (const [member] of session1Forms) putForm(s, member, 3, bySubscale(3, 3, 3), painTue.checkin3);
    });
    const base = baseline(climateAt(world, later, painTue.closes3));
    expect(base.get("engaged")).toBeCloseTo(4, 10); // sessions 2 and 3: (5 + 3) / 2
    expect(base.get("avoiding")).toBeCloseTo(2, 10);
    expect(base.get("conflict")).toBeCloseTo(2, 10);
  });
});

describe("the privacy floor", () => {
  it("can't be configured below 3", () => {
    const organisation = (minResponses: number) => ({ name: "Clinic", privacy: { minResponses } });
    const refused = organisationSchema.safeParse(organisation(2));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/at least 3/);
    expect(organisationSchema.safeParse(organisation(0)).success).toBe(false);
    expect(organisationSchema.parse(organisation(3)).privacy.minResponses).toBe(3);
    expect(organisationSchema.parse({ name: "Clinic" }).privacy.minResponses).toBe(5);
  });
});

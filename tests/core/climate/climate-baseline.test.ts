import { describe, expect, it } from "vitest";
import { baseline } from "../../../src/core/climate/index.js";
import type { GroupState } from "../../../src/core/state.js";
import { bySubscale, members, painTue, putForm, session1Forms } from "../../support/flows.js";
import { makeWorld, type World } from "../../support/world.js";
import { climateAt, summaryText, withState } from "./climate-helpers.js";

const [ana = "", ben = "", carla = "", dev = "", erin = "", femi = ""] = members;

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

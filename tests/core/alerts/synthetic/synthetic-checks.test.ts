import { describe, expect, it } from "vitest";
import { groupAlerts } from "../../../../src/core/alerts/index.js";
import { improving, scenarios, smallStable } from "./scenarios.js";
import { caught, groupAlertRate, groups, seedsUpTo, world } from "./measure.js";
import { digestTime, synthesiseGroup, type Plan } from "./synthetic-group.js";

const { course } = groups;
const windowHours = world.ctx.organisation.timing.answerWindowHours;
const seeds = seedsUpTo(40);
// The fall from a later peak and the mid-group spike are not yet caught in every group (see the README's table).
const partlyCaught: Readonly<Record<string, number>> = { [scenarios[5]!.name]: 0.8, [scenarios[6]!.name]: 0.875 };

describe("planted events on synthetic groups (variation 0.25)", () => {
  for (const scenario of scenarios) {
    const share = partlyCaught[scenario.name];
    const target = share === undefined ? "in each" : `in at least ${share * 100}%`;
    it(`${scenario.name} raises its alert by the digest after session ${scenario.byDigestAfter}, ${target} of ${seeds.length} groups`, () => {
      const missed = seeds.filter((seed) => !caught(scenario, seed, 0.25));
      if (share === undefined) expect(missed).toEqual([]);
      else expect(1 - missed.length / seeds.length).toBeGreaterThanOrEqual(share);
    });
  }

  it("a rupture in a session with fewer full check-ins than minResponses raises no group-level alert about it (privacy)", () => {
    const [rupture] = scenarios;
    const fourAnswer: Plan = {
      ...rupture!.plan,
      answers: (m, n) => (n === 5 ? (m < 4 ? 1 : 0) : 0.85),
      fullForm: () => 1,
    };
    for (const seed of seeds.slice(0, 10)) {
      const state = synthesiseGroup(course, 5, seed, fourAnswer);
      const alerts = groupAlerts(world.ctx, course, state, digestTime(course, 5, windowHours));
      expect(alerts.filter((a) => a.session === 5 && a.subscale !== undefined)).toEqual([]);
    }
  });

  it("no alert is raised about a session before its answer window closes", () => {
    const [rupture] = scenarios;
    const state = synthesiseGroup(course, 5, 1, rupture!.plan);
    const justBefore = new Date(digestTime(course, 5, windowHours).getTime() - 60_000);
    expect(groupAlerts(world.ctx, course, state, justBefore).filter((a) => a.session === 5)).toEqual([]);
  });
});

describe("stable groups", () => {
  for (const variation of [0.25, 0.45]) {
    it(`raise group-level alerts on fewer than one session in twenty, at variation ${variation} (8-session courses with the usual mid-group rise)`, () => {
      const { rate, sessions } = groupAlertRate({ group: course, sessions: 8, variation }, 60);
      expect(sessions).toBe(360);
      expect(rate).toBeLessThan(0.05);
    });
  }

  for (const variation of [0.25, 0.45])
    it(`raise group-level alerts on fewer than one session in twenty, at variation ${variation} (open-ended groups over half a year)`, () => {
      const { rate, sessions } = groupAlertRate({ group: groups.openEnded, sessions: 26, variation }, 40);
      expect(sessions).toBe(960);
      expect(rate).toBeLessThan(0.05);
    });

  it("raise alerts on the leads' figures on fewer than one session in twenty in small groups (6 members, 4 answering), at variation 0.25", () => {
    const { rate } = groupAlertRate({ group: groups.small, sessions: 8, variation: 0.25, plan: smallStable }, 60);
    expect(rate).toBeLessThan(0.05);
  });

  it("that are improving (Engaged up, Conflict down) raise no alert about Engaged or Conflict, and few group-level alerts at all", () => {
    for (const seed of seeds) {
      const state = synthesiseGroup(course, 8, seed, improving);
      const alerts = groupAlerts(world.ctx, course, state, digestTime(course, 8, windowHours));
      expect(
        alerts.filter((a) => a.subscale === "engaged" || a.subscale === "conflict"),
        `seed ${seed}`,
      ).toEqual([]);
    }
    expect(groupAlertRate({ group: course, sessions: 8, variation: 0.25, plan: improving }, 40).rate).toBeLessThan(
      0.05,
    );
  });
});

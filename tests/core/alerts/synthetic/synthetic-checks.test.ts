import { describe, expect, it } from "vitest";
import { groupAlerts } from "../../../../src/core/alerts/index.js";
import type { Group } from "../../../../src/core/setup/index.js";
import { makeWorld } from "../../../support/world.js";
import { exampleConfig } from "../../../support/example-setup.js";
import { improving, scenarios } from "./scenarios.js";
import { digestTime, memberAt, synthesiseGroup, withMembers, type Plan } from "./synthetic-group.js";

const world = makeWorld();
const [courseTemplate, openTemplate] = exampleConfig().groups as [Group, Group];
const course = withMembers(courseTemplate, 8);
const openEnded = withMembers(openTemplate, 8);
const windowHours = world.ctx.organisation.timing.answerWindowHours;
const seeds = Array.from({ length: 40 }, (_, i) => i + 1);

/** The share of sessions after the baseline on which a group-level alert was raised or repeated, over many seeded groups. */
function groupAlertRate(
  group: Group,
  sessions: number,
  groups: number,
  plan: Plan = {},
): { rate: number; sessions: number } {
  let flagged = 0;
  for (let seed = 1; seed <= groups; seed += 1) {
    const state = synthesiseGroup(group, sessions, 1000 + seed, plan);
    const alerts = groupAlerts(world.ctx, group, state, digestTime(group, sessions, windowHours)).filter(
      (a) => a.level === "group",
    );
    flagged += new Set(alerts.flatMap((a) => a.notifications.map((n) => n.session))).size;
  }
  const evaluated = groups * (sessions - 2);
  return { rate: flagged / evaluated, sessions: evaluated };
}

describe("planted events on synthetic groups", () => {
  for (const scenario of scenarios) {
    it(`${scenario.name} raises its alert by the digest after session ${scenario.byDigestAfter}, in each of ${seeds.length} groups`, () => {
      const missed = seeds.filter((seed) => {
        const state = synthesiseGroup(course, scenario.byDigestAfter, seed, scenario.plan);
        const alerts = groupAlerts(world.ctx, course, state, digestTime(course, scenario.byDigestAfter, windowHours));
        const member = scenario.member === undefined ? undefined : memberAt(course, scenario.member);
        return !alerts.some((a) => a.kind === scenario.kind && a.member === member);
      });
      expect(missed).toEqual([]);
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
  it("raise group-level alerts on fewer than one session in twenty (8-session courses with the usual mid-group rise)", () => {
    const { rate, sessions } = groupAlertRate(course, 8, 150);
    expect(sessions).toBe(900);
    expect(rate).toBeLessThan(0.05);
  });

  it("raise group-level alerts on fewer than one session in twenty (open-ended groups over half a year)", () => {
    const { rate, sessions } = groupAlertRate(openEnded, 26, 20);
    expect(sessions).toBe(480);
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
    expect(groupAlertRate(course, 8, seeds.length, improving).rate).toBeLessThan(0.05);
  });
});

// Measures the alert rules on seeded synthetic groups: recall of planted events, false alerts in stable groups.
import { groupAlerts, type Alert } from "../../../../src/core/alerts/index.js";
import { leadClimate } from "../../../../src/core/climate/index.js";
import type { Group } from "../../../../src/core/setup/index.js";
import { makeWorld } from "../../../support/world.js";
import { exampleConfig } from "../../../support/example-setup.js";
import type { Scenario } from "./scenarios.js";
import { digestTime, memberAt, synthesiseGroup, withMembers, type Plan } from "./synthetic-group.js";

/** The world the synthetic groups are judged in: the example organisation and its settings. */
export const world = makeWorld();
const [courseTemplate, openTemplate] = exampleConfig().groups as [Group, Group];
const windowHours = world.ctx.organisation.timing.answerWindowHours;

/** The synthetic groups: 8-session courses of 8 members, open-ended groups of 8, small courses of 6 (4 answering). */
export const groups = {
  course: withMembers(courseTemplate, 8),
  openEnded: withMembers(openTemplate, 8),
  small: withMembers(courseTemplate, 6),
};

/** The session-to-session variations the rules are validated at. */
export const variations = [0.25, 0.45] as const;

/** How a synthetic group is drawn: which group, how many sessions, its seed, the plan and the variation. */
export interface Draw {
  readonly group: Group;
  readonly sessions: number;
  readonly seed: number;
  readonly plan?: Plan;
  readonly variation: number;
}

/** The alerts at the digest after the draw's last session; a small group's on the figures its leads see (from 3 answers). */
export function alertsAtDigest({ group, sessions, seed, plan = {}, variation }: Draw): Alert[] {
  const state = synthesiseGroup(group, sessions, seed, plan, variation);
  const now = digestTime(group, sessions, windowHours);
  const climates = group === groups.small ? leadClimate(world.ctx, group, state, now) : undefined;
  return groupAlerts(world.ctx, group, state, now, climates);
}

/** Whether a planted event raised its alert by its digest, for one seed. */
export function caught(scenario: Scenario, seed: number, variation: number): boolean {
  const group = scenario.small ? groups.small : groups.course;
  const alerts = alertsAtDigest({ group, sessions: scenario.byDigestAfter, seed, plan: scenario.plan, variation });
  const member = scenario.member === undefined ? undefined : memberAt(group, scenario.member);
  return alerts.some((a) => a.kind === scenario.kind && a.member === member);
}

/** The seeds 1..count. */
export function seedsUpTo(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}

/** The share of sessions after the baseline on which a group-level alert was raised or repeated, over `count` seeded groups. */
export function groupAlertRate(draw: Omit<Draw, "seed">, count: number): { rate: number; sessions: number } {
  let flagged = 0;
  for (const seed of seedsUpTo(count)) {
    const alerts = alertsAtDigest({ ...draw, seed: 1000 + seed }).filter((a) => a.level === "group");
    flagged += new Set(alerts.flatMap((a) => a.notifications.map((n) => n.session))).size;
  }
  const sessions = count * (draw.sessions - 2);
  return { rate: flagged / sessions, sessions };
}

/** The share of `count` seeded stable groups with at least one low-response alert by their last digest. */
export function lowResponseShare(draw: Omit<Draw, "seed">, count: number): number {
  const alerted = seedsUpTo(count).filter((seed) =>
    alertsAtDigest({ ...draw, seed: 2000 + seed }).some((a) => a.kind === "low-response"),
  );
  return alerted.length / count;
}

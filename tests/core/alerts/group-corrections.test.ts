import { describe, expect, it } from "vitest";
import { flaggedItemSeries, groupFindings } from "../../../src/core/alerts/index.js";
import {
  figuresOfClosed,
  groupClimate,
  type Observation,
  type SessionClimate,
} from "../../../src/core/climate/index.js";
import { sessionByNumber } from "../../../src/core/groups/index.js";
import { answerKey } from "../../../src/core/state.js";
import { analyticsSettingsSchema, type Group } from "../../../src/core/setup/index.js";
import { exampleConfig } from "../../support/example-setup.js";
import { makeWorld } from "../../support/world.js";
import { digestTime, synthesiseGroup, withMembers } from "./synthetic/synthetic-group.js";

const world = makeWorld();
const { trend, alerts: settings } = analyticsSettingsSchema.parse({});
const gcq = world.ctx.instruments.get("gcq-s")!;
const course = withMembers(exampleConfig().groups[0] as Group, 8);

/** Published climates of a course: each session's subscale means (6 full check-ins, sd 0.6) and how many of 8 answered. */
function climates(sessions: readonly { engaged?: number; avoiding?: number; conflict?: number; answered?: number }[]) {
  return sessions.map((levels, i): SessionClimate => {
    const session = sessionByNumber(course, i + 1)!;
    const shown = (mean: number) => ({ shown: true as const, mean, sd: 0.6, respondents: 6 });
    const answered = levels.answered ?? 6;
    return {
      session,
      collecting: false,
      windowCloses: session.endsAt,
      invited: 8,
      respondents: answered,
      responseRate: answered / 8,
      forms: 6,
      subscales: new Map([
        ["engaged", shown(levels.engaged ?? 4)],
        ["avoiding", shown(levels.avoiding ?? 2)],
        ["conflict", shown(levels.conflict ?? 1)],
      ]),
      pulse: { shown: true, mean: 4, sd: 0.6, respondents: 6 },
      rsvp: { yes: 6, no: 0 },
      attendance: { source: "rsvp", count: 6, of: 8 },
    };
  });
}

const kindsIn = (found: readonly { kind: string; subscale?: string; session: number }[]) =>
  found.map((f) => `${f.kind} ${f.subscale ?? ""} ${f.session}`.replace("  ", " "));

describe("a rise in the middle phase of a course (sessions 4-5 of 8)", () => {
  it("alerts when Conflict rises 2 points, more than the rise common there", () => {
    const found = groupFindings(
      course,
      gcq,
      climates([{}, { conflict: 1.1 }, {}, { conflict: 3.05 }]),
      trend,
      settings,
    );
    expect(kindsIn(found)).toEqual(["concern-rise conflict 4"]);
    expect(found[0]?.evidence.what).toContain("more than the rise common in the middle phase");
  });

  it("alerts when Conflict rises 1.8 points, a third of a point beyond its limit (more than midGroupRise 0.25)", () => {
    const found = groupFindings(
      course,
      gcq,
      climates([{}, { conflict: 1.1 }, {}, { conflict: 2.85 }]),
      trend,
      settings,
    );
    expect(kindsIn(found)).toEqual(["concern-rise conflict 4"]);
  });

  it("stays without an alert when Conflict rises modestly, just beyond its limit", () => {
    const found = groupFindings(
      course,
      gcq,
      climates([{}, { conflict: 1.1 }, {}, { conflict: 2.65 }]),
      trend,
      settings,
    );
    expect(found).toEqual([]);
  });

  it("alerts when Avoiding rises as much: only Conflict's mid-group rise is common", () => {
    const found = groupFindings(
      course,
      gcq,
      climates([{}, { avoiding: 2.1 }, {}, { avoiding: 3.65 }]),
      trend,
      settings,
    );
    expect(kindsIn(found)).toEqual(["concern-rise avoiding 4"]);
  });
});

describe("item 10 (the members rejected and distrusted each other)", () => {
  const steady = climates([{}, {}, {}, {}, {}, {}]);
  const item10 = (means: readonly number[]): Map<string, Observation[]> =>
    new Map([["gcq-10", means.map((mean, i) => ({ session: i + 1, mean, se: 0.3 }))]]);

  it("raises a Conflict alert on its own when it rises clearly, even while the Conflict subscale is steady", () => {
    const found = groupFindings(course, gcq, steady, trend, settings, item10([1, 1.2, 1, 1.1, 1, 3.2]));
    expect(kindsIn(found)).toEqual(["concern-rise conflict 6"]);
    expect(found[0]?.evidence.what).toContain('"The members rejected and distrusted each other." was rated 3.2');
  });

  it("is watched in the middle phase too", () => {
    const found = groupFindings(course, gcq, steady.slice(0, 4), trend, settings, item10([1, 1.2, 1, 3.2]));
    expect(kindsIn(found)).toEqual(["concern-rise conflict 4"]);
  });

  it("adds nothing where the Conflict subscale already alerts for that session", () => {
    const rising = climates([{}, {}, {}, {}, {}, { conflict: 3.5 }]);
    expect(kindsIn(groupFindings(course, gcq, rising, trend, settings, item10([1, 1.2, 1, 1.1, 1, 3.2])))).toEqual([
      "concern-rise conflict 6",
    ]);
  });

  it("is the mean of the full check-ins that count, left out where fewer than the privacy floor answered it", () => {
    const state = synthesiseGroup(course, 3, 7, { answers: (m, n) => (n === 3 && m >= 4 ? 0 : 1), fullForm: () => 1 });
    const published = groupClimate(
      world.ctx,
      course,
      state,
      digestTime(course, 3, world.ctx.organisation.timing.answerWindowHours),
    );
    const series = flaggedItemSeries({
      climates: published,
      figures: figuresOfClosed(world.ctx, course, state, published),
      items: ["gcq-10"],
      minResponses: 5,
    });
    const values = course.members.map((member) => state.answers[answerKey(member, 1, "gcq-s", "gcq-10")]?.value ?? 0);
    expect(series.get("gcq-10")?.map((o) => o.session)).toEqual([1, 2]);
    expect(series.get("gcq-10")?.[0]?.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 10);
  });
});

describe("fewer members answering", () => {
  it("alerts only after two sessions in a row below half, not after one", () => {
    const oneLow = climates([{}, {}, { answered: 3 }, {}]);
    expect(groupFindings(course, gcq, oneLow, trend, settings)).toEqual([]);
    const twoLow = climates([{}, {}, { answered: 3 }, { answered: 3 }]);
    expect(kindsIn(groupFindings(course, gcq, twoLow, trend, settings))).toEqual(["low-response 4"]);
  });
});

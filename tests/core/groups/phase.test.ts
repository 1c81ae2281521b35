import { describe, expect, it } from "vitest";
import { phaseBoundaries, phaseOf } from "../../../src/core/groups/index.js";
import type { Group } from "../../../src/core/setup/index.js";
import { exampleConfig } from "../../support/example-setup.js";

const [course, openEnded] = exampleConfig().groups as [Group, Group];

describe("the phase of a session", () => {
  it("splits an 8-session course into early (1-3), middle (4-5) and late (6-8)", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => phaseOf(course, n))).toEqual([
      "early",
      "early",
      "early",
      "middle",
      "middle",
      "late",
      "late",
      "late",
    ]);
    expect(phaseBoundaries(course, 8)).toEqual([
      { session: 4, phase: "middle" },
      { session: 6, phase: "late" },
    ]);
  });

  it("gives a very short course an early and a late session, and no middle", () => {
    const short = { ...course, schedule: { ...course.schedule, count: 2 } };
    expect([1, 2].map((n) => phaseOf(short, n))).toEqual(["early", "late"]);
  });

  it("calls an open-ended group ongoing after its first three sessions", () => {
    expect(openEnded.schedule.count).toBeUndefined();
    expect([1, 3, 4, 40].map((n) => phaseOf(openEnded, n))).toEqual(["early", "early", "ongoing", "ongoing"]);
    expect(phaseBoundaries(openEnded, 10)).toEqual([{ session: 4, phase: "ongoing" }]);
  });
});

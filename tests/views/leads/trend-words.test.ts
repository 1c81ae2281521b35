import { describe, expect, it } from "vitest";
import type { Aggregate, SessionClimate } from "../../../src/core/climate/index.js";
import { trendSettingsSchema } from "../../../src/core/setup/index.js";
import { instrumentById } from "../../../src/core/context.js";
import { midGroupNote, trendLines } from "../../../src/views/leads/trend-words.js";
import { makeWorld } from "../../support/world.js";
import { exampleConfig } from "../../support/example-setup.js";

const world = makeWorld();
const gcq = instrumentById(world.ctx, "gcq-s");
const course = exampleConfig().groups[0]!;
const shown = (mean: number): Aggregate => ({ shown: true, mean, sd: 1, respondents: 6 });

function climates(rows: readonly [engaged: number, avoiding: number, conflict: number][]): SessionClimate[] {
  return rows.map(([engaged, avoiding, conflict], i) => ({
    session: { number: i + 1, startsAt: new Date(0), endsAt: new Date(0), cancelled: false, moved: false },
    collecting: false,
    windowCloses: new Date(0),
    invited: 8,
    respondents: 6,
    responseRate: 0.75,
    forms: 6,
    subscales: new Map([
      ["engaged", shown(engaged)],
      ["avoiding", shown(avoiding)],
      ["conflict", shown(conflict)],
    ]),
    pulse: shown(4),
    rsvp: { yes: 6, no: 0 },
    attendance: { source: "rsvp", count: 6, of: 8 },
  }));
}

describe("trends in words", () => {
  it("give each subscale's Theil-Sen direction over the recent sessions and how many pairs of sessions agree", () => {
    // Engaged 3.0, 3.4, 3.2, 3.8: pairwise slopes 0.4, 0.1, 0.267, -0.2, 0.2, 0.6 -> median (0.2 + 0.267) / 2 = 0.23; 5 of 6 rise.
    const lines = trendLines(
      gcq,
      climates([
        [3.0, 2, 1],
        [3.4, 2, 1.4],
        [3.2, 2, 1.5],
        [3.8, 2.05, 1.1],
      ]),
      trendSettingsSchema.parse({}),
    );
    expect(lines).toEqual([
      "Engaged rising, about +0.2 a session over sessions 1-4 (5 of 6 pairs of sessions agree)",
      "Avoiding steady over sessions 1-4",
      "Conflict steady over sessions 1-4",
    ]);
  });

  it("say nothing before three published sessions", () => {
    expect(
      trendLines(
        gcq,
        climates([
          [3, 2, 1],
          [3, 2, 1],
        ]),
        trendSettingsSchema.parse({}),
      ),
    ).toEqual([]);
  });

  it("calm a mid-group rise of conflict instead of alarming anyone", () => {
    const rows = climates([
      [4, 2, 1],
      [4, 2, 1],
      [4, 2, 1.2],
      [4, 2, 2.1],
    ]);
    const note = midGroupNote(
      course,
      gcq,
      rows,
      new Map([
        ["engaged", 4],
        ["avoiding", 2],
        ["conflict", 1],
      ]),
    );
    expect(note).toBe(
      "Conflict is up in the middle phase, where a rise is common and usually eases: worth noticing, not alarming.",
    );
    expect(midGroupNote(course, gcq, rows.slice(0, 3), new Map([["conflict", 1]]))).toBe("");
  });
});

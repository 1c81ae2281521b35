import { describe, expect, it } from "vitest";
import { climateAltText, subscaleTrend } from "../../../src/views/charts/climate-alt-text.js";
import { climateSeries } from "../../../src/core/climate/index.js";
import { climateSparklines, sparkline } from "../../../src/views/charts/sparkline.js";
import { climateOf, fiveSessions } from "../../support/charted-climates.js";
import { exampleContent } from "../../support/example-setup.js";

const gcq = exampleContent.instruments.get("gcq-s");
if (!gcq) throw new Error("gcq-s missing");

describe("a climate chart's alt text", () => {
  it("says each subscale's trend in words, the latest responses and which sessions had too few answers", () => {
    expect(climateAltText("Pain skills", climateSeries(fiveSessions, gcq))).toBe(
      "Group climate chart for Pain skills, sessions 1 to 5, on a 0 to 6 scale: " +
        "Engaged rose from 3.1 to 4.2 over 5 sessions; Avoiding held steady around 2.0 over 5 sessions; Conflict rose from 0.4 to 1.1 over 5 sessions. " +
        "7 of 7 check-ins answered at session 5. Too few answers to show session 3.",
    );
  });

  it("calls a fall a fall, and a change under 0.3 steady", () => {
    const falling = [
      climateOf(
        1,
        { engaged: [4.6, 1, 5], avoiding: [2.0, 1, 5], conflict: [1.0, 1, 5] },
        { respondents: 5, invited: 6 },
      ),
      climateOf(
        2,
        { engaged: [3.9, 1, 5], avoiding: [2.29, 1, 5], conflict: [1.24, 1, 5] },
        { respondents: 5, invited: 6 },
      ),
    ];
    const [engaged, avoiding, conflict] = climateSeries(falling, gcq).subscales;
    if (!engaged || !avoiding || !conflict) throw new Error("subscales missing");
    expect(subscaleTrend(engaged)).toBe("Engaged fell from 4.6 to 3.9 over 2 sessions");
    // 2.0 -> 2.3 on the one-decimal figures a reader sees is a change of 0.3: it rose.
    expect(subscaleTrend(avoiding)).toBe("Avoiding rose from 2.0 to 2.3 over 2 sessions");
    // 1.0 -> 1.2 is within 0.3: steady, around the mean of the shown sessions (1.12).
    expect(subscaleTrend(conflict)).toBe("Conflict held steady around 1.1 over 2 sessions");
  });

  it("names a single published figure with its session, and says when there is none yet", () => {
    const series = climateSeries(
      [fiveSessions[2], fiveSessions[3]].flatMap((c) => (c ? [c] : [])),
      gcq,
    );
    expect(series.subscales.map(subscaleTrend)).toEqual([
      "Engaged 3.9 at session 4",
      "Avoiding 1.9 at session 4",
      "Conflict 1.3 at session 4",
    ]);
    const none = climateSeries(
      [climateOf(1, { engaged: 2, avoiding: 2, conflict: 2 }, { respondents: 2, invited: 6 })],
      gcq,
    );
    expect(climateAltText("Pain skills", none)).toBe(
      "Group climate chart for Pain skills, session 1, on a 0 to 6 scale: Engaged: not enough answers yet; Avoiding: not enough answers yet; Conflict: not enough answers yet. 2 of 6 check-ins answered at session 1. Too few answers to show session 1.",
    );
  });

  it("lists several hidden sessions the way people write them", () => {
    const sessions = [1, 2, 3, 4].map((n) =>
      n === 1
        ? climateOf(n, { engaged: [3, 1, 5], avoiding: [2, 1, 5], conflict: [1, 1, 5] }, { respondents: 5, invited: 6 })
        : climateOf(n, { engaged: 2, avoiding: 2, conflict: 2 }, { respondents: 2, invited: 6 }),
    );
    expect(climateAltText("G", climateSeries(sessions, gcq))).toContain("Too few answers to show sessions 2, 3 and 4.");
  });
});

describe("sparklines for the console", () => {
  it("draws 0-6 as eight bar heights, with a dot for a gap", () => {
    expect(sparkline([0, 0.5, 1, 2.6, 3, 4.3, 5.2, 6, null], 0, 6)).toBe("▁▂▂▄▅▆▇█·");
  });

  it("shows each subscale and the share answered with first and latest figures, aligned", () => {
    // Engaged 3.1 3.4 - 3.9 4.2 -> levels 4 4 . 5 5; Avoiding 2.0 2.1 - 1.9 2.0 -> 2 2 . 2 2;
    // Conflict 0.4 0.6 - 1.3 1.1 -> 0 1 . 2 1; answered 6/7 5/7 3/7 5/7 7/7 -> 6 5 3 5 7.
    expect(climateSparklines(climateSeries(fiveSessions, gcq))).toBe(
      [
        "Engaged   ▅▅·▆▆  3.1 → 4.2",
        "Avoiding  ▃▃·▃▃  2.0 → 2.0",
        "Conflict  ▁▂·▃▂  0.4 → 1.1",
        "Answered  ▇▆▄▆█  86% → 100%",
        "(sessions 1-5; scale 0-6; · too few answers)",
      ].join("\n"),
    );
  });
});

describe("sparklines of a single session", () => {
  it("name the one session", () => {
    const first = fiveSessions[0];
    if (!first) throw new Error("fixture missing");
    expect(
      climateSparklines(climateSeries([first], gcq))
        .split("\n")
        .at(-1),
    ).toBe("(session 1; scale 0-6)");
  });
});

import { describe, expect, it } from "vitest";
import {
  comparisonAt,
  ewmaChart,
  referenceOf,
  subscaleShifts,
  median,
  sessionVariationOf,
  theilSen,
} from "../../../../src/core/climate/index.js";
import { trendSettingsSchema } from "../../../../src/core/setup/index.js";

const observe = (means: readonly number[], se = 0.3) => means.map((mean, i) => ({ session: i + 1, mean, se }));

describe("the Theil-Sen slope", () => {
  it("is the median of the pairwise slopes, with the median intercept and how many pairs agree", () => {
    // Pairwise slopes: 2, 0.5, 4/3, -1, 1, 3 -> median (1 + 4/3) / 2; intercepts -1/6, 2/3, -3/2, 1/3 -> median 1/12.
    const fit = theilSen([
      { x: 1, y: 1 },
      { x: 2, y: 3 },
      { x: 3, y: 2 },
      { x: 4, y: 5 },
    ]);
    expect(fit?.slope).toBeCloseTo(7 / 6, 10);
    expect(fit?.intercept).toBeCloseTo(1 / 12, 10);
    expect(fit?.agreement).toBeCloseTo(5 / 6, 10);
  });

  it("is not thrown off by one wild session", () => {
    const fit = theilSen([1, 2, 3, 30, 5].map((y, i) => ({ x: i + 1, y })));
    expect(fit?.slope).toBe(1);
  });

  it("needs three sessions to say anything", () => {
    expect(
      theilSen([
        { x: 1, y: 1 },
        { x: 2, y: 2 },
      ]),
    ).toBeNull();
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
  });
});

describe("the EWMA control chart", () => {
  it("weights each session by lambda and widens its limits by the reference's own uncertainty", () => {
    // Reference: (4.0 + 4.4) / 2 = 4.2, variance ((0.09 + 0.04) + (0.16 + 0.04)) / 4 = 0.0825.
    const reference = referenceOf(
      [
        { session: 1, mean: 4, se: 0.3 },
        { session: 2, mean: 4.4, se: 0.4 },
      ],
      0.2,
    );
    expect(reference?.mean).toBeCloseTo(4.2, 10);
    expect(reference?.variance).toBeCloseTo(0.0825, 10);
    const chart = ewmaChart(
      [
        { session: 3, mean: 3.8, se: 0.3 },
        { session: 4, mean: 3.0, se: 0.5 },
      ],
      reference!,
      { lambda: 0.5, limit: 2, sessionVariation: 0.2 },
    );
    // t1: 0.5*3.8 + 0.5*4.2 = 4.0; variance 0.25*0.13 + 0.25*0.0825 = 0.053125.
    expect(chart[0]?.ewma).toBeCloseTo(4.0, 10);
    expect(chart[0]?.se).toBeCloseTo(Math.sqrt(0.053125), 10);
    expect(chart[0]?.lower).toBeCloseTo(4.2 - 2 * Math.sqrt(0.053125), 10);
    // t2: 0.5*3.0 + 0.5*4.0 = 3.5; variance 0.25*0.0325 + 0.25*0.29 + 0.5625*0.0825 = 0.12703125.
    expect(chart[1]?.ewma).toBeCloseTo(3.5, 10);
    expect(chart[1]?.deviation).toBeCloseTo(-0.7, 10);
    expect(chart[1]?.se).toBeCloseTo(Math.sqrt(0.12703125), 10);
    expect(chart[1]?.lower).toBeCloseTo(3.487172, 5);
  });

  it("has no reference without sessions", () => {
    expect(referenceOf([], 0.2)).toBeNull();
  });
});

describe("what a session is compared with", () => {
  const course = { openEnded: false, higherIs: "better", rollingWindow: 6 } as const;
  const steady = observe([4, 4, 4, 4, 4, 4, 4, 4]);

  it("is the baseline (the first two published sessions) in a course's first part, with nothing for the baseline itself", () => {
    expect(comparisonAt(steady, 1, course)).toBeNull();
    const at5 = comparisonAt(steady, 4, course);
    expect(at5?.reference.map((o) => o.session)).toEqual([1, 2]);
    expect(at5?.observations.map((o) => o.session)).toEqual([3, 4, 5]);
  });

  it("is a later peak once a course has one, so the last sessions are judged against the group at its best", () => {
    const peaked = observe([4, 4, 5, 5, 5, 3.8, 3.8, 3.8]);
    const at8 = comparisonAt(peaked, 7, course);
    expect(at8?.reference.map((o) => o.session)).toEqual([3, 4, 5]);
    expect(at8?.observations.map((o) => o.session)).toEqual([6, 7, 8]);
    // For a concern subscale the better window is the lower one: here the baseline.
    const at8Concern = comparisonAt(peaked, 7, { ...course, higherIs: "concerning" });
    expect(at8Concern?.reference.map((o) => o.session)).toEqual([1, 2]);
  });

  it("is a recent window of two sessions from a course's fifth published session, when that window is better", () => {
    const risen = observe([4, 4, 5, 5, 3, 3]);
    const at5 = comparisonAt(risen, 4, course);
    expect(at5?.reference.map((o) => o.session)).toEqual([3, 4]);
    expect(at5?.observations.map((o) => o.session)).toEqual([5]);
    const at6 = comparisonAt(risen, 5, course);
    expect(at6?.reference.map((o) => o.session)).toEqual([3, 4]);
    expect(at6?.observations.map((o) => o.session)).toEqual([5, 6]);
  });

  it("stays the baseline when the recent window is worse than it", () => {
    expect(comparisonAt(observe([4, 4, 3, 3, 3, 3, 3, 3]), 7, course)?.reference.map((o) => o.session)).toEqual([1, 2]);
  });

  it("is a rolling window of earlier sessions once an open-ended group is past its first sessions", () => {
    const openEnded = { ...course, openEnded: true, rollingWindow: 3 };
    expect(comparisonAt(steady, 4, openEnded)?.reference.map((o) => o.session)).toEqual([1, 2]);
    const at8 = comparisonAt(steady, 7, openEnded);
    expect(at8?.reference.map((o) => o.session)).toEqual([3, 4, 5]);
    expect(at8?.observations.map((o) => o.session)).toEqual([6, 7, 8]);
  });
});

describe("a subscale's shift from its reference (default settings)", () => {
  const trend = { ...trendSettingsSchema.parse({}), sessionVariation: 0.25 };
  const engaged = { openEnded: false, higherIs: "better" } as const;

  it("flags a clear drop through the smoothed trend", () => {
    // Reference 4.1 (variance 0.07625); EWMA 4.1 then 3.05, se sqrt(0.090547): 1.05 below, beyond 2.5 se.
    const [shift] = subscaleShifts(observe([4.0, 4.2, 4.1, 2.0]), engaged, trend, 0.75).slice(-1);
    expect(shift).toMatchObject({ session: 4, beyond: "down" });
    expect(shift?.change).toBeCloseTo(-1.05, 10);
    expect(shift?.z).toBeCloseTo(-1.05 / Math.sqrt(0.0476563 + 0.5625 * 0.07625), 4);
  });

  it("flags a sudden rupture that the smoothed trend dilutes, from the session alone, and says how far beyond its limit", () => {
    // Smoothed: 4.35 then 3.475 (0.625 below: under minChange). Alone: 1.5 below, se sqrt(0.1525 + 0.07625), beyond 2.75 se.
    const [shift] = subscaleShifts(observe([4.0, 4.2, 4.6, 2.6]), engaged, trend, 0.75).slice(-1);
    expect(shift).toMatchObject({ session: 4, beyond: "down" });
    expect(shift?.change).toBeCloseTo(-1.5, 10);
    expect(shift?.z).toBeCloseTo(-1.5 / Math.sqrt(0.22875), 10);
    expect(shift?.beyondBy).toBeCloseTo(1.5 - 2.75 * Math.sqrt(0.22875), 10);
  });

  it("flags a 1.2-point fall from a later peak that the baseline alone would call steady", () => {
    const series = observe([4.0, 4.0, 5.0, 5.0, 5.0, 3.8, 3.8, 3.8], 0.2);
    const last = subscaleShifts(series, engaged, trend, 0.75).at(-1);
    expect(last).toMatchObject({ session: 8, beyond: "down", referenceSessions: [3, 4, 5] });
  });

  it("flags a rupture in the fifth session against the better sessions 3-4, though it is barely below the baseline", () => {
    const last = subscaleShifts(observe([3.4, 3.6, 4.6, 4.6, 2.9], 0.2), engaged, trend, 0.75).at(-1);
    expect(last).toMatchObject({ session: 5, beyond: "down", referenceSessions: [3, 4] });
    expect(last?.change).toBeCloseTo(-0.85, 10);
  });

  it("flags a fall from a later peak in a group that varies, because the rise and the fall do not count as its variation", () => {
    const series = observe([4.0, 4.3, 5.2, 4.6, 5.2, 4.0, 4.1, 3.9], 0.2);
    const last = subscaleShifts(series, engaged, trend, 0.75).at(-1);
    expect(last).toMatchObject({ session: 8, beyond: "down", referenceSessions: [3, 4, 5] });
    // With the step into the reference (session 3) and the fall (session 6), the estimate would be 0.46.
    expect(sessionVariationOf(series.slice(0, 7), trend)).toBeGreaterThan(0.45);
    expect(last?.sessionVariation).toBeLessThan(0.36);
  });

  it("leaves an ordinary wobble alone, and anything smaller than minChange however sure", () => {
    expect(subscaleShifts(observe([4.0, 4.2, 4.1, 3.6]), engaged, trend, 0.75).map((s) => s.beyond)).toEqual([
      null,
      null,
    ]);
    expect(
      subscaleShifts(observe([4.0, 4.2, 4.1, 3.5], 0.01), engaged, { ...trend, sessionVariation: 0 }, 0.75).at(-1)
        ?.beyond,
    ).toBeNull();
  });

  it("builds its limits with the group's own variation once it has enough sessions, so a noisy group's wobble is not flagged", () => {
    const noisy = observe([4.0, 4.9, 3.9, 4.8, 3.8, 4.7, 3.3], 0.15);
    expect(subscaleShifts(noisy, engaged, trend, 0.75).at(-1)).toMatchObject({ session: 7, beyond: null });
    const fixed = { ...trend, ownVariationFrom: 52 };
    expect(subscaleShifts(noisy, engaged, fixed, 0.75).at(-1)).toMatchObject({ session: 7, beyond: "down" });
  });
});

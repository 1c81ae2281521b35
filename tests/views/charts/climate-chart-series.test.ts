import { describe, expect, it } from "vitest";
import {
  chartedSessions,
  climateSeries,
  hasPublishedMeans,
  meanInterval,
  tCritical95,
} from "../../../src/core/climate/index.js";
import { climateOf, fiveSessions } from "../../support/charted-climates.js";
import { exampleContent } from "../../support/example-setup.js";

const gcq = exampleContent.instruments.get("gcq-s");
if (!gcq) throw new Error("gcq-s missing");
const scale = { min: 0, max: 6 };

describe("the 95% interval around a session mean", () => {
  it("uses Student's t for the number of answers: mean 4, sd 1 from 5 answers is 4 ± 2.776/√5", () => {
    // 2.776 / 2.2360680 = 1.2414649
    const interval = meanInterval(4, 1, 5, scale);
    expect(interval?.low).toBeCloseTo(2.7585351, 6);
    expect(interval?.high).toBeCloseTo(5.2414649, 6);
  });

  it("never reaches outside the 0-6 scale", () => {
    expect(meanInterval(5.5, 1, 5, scale)).toEqual({ low: expect.closeTo(4.2585, 4), high: 6 });
    expect(meanInterval(0.2, 1, 5, scale)?.low).toBe(0);
  });

  it("has no band without a spread to estimate it from", () => {
    expect(meanInterval(4, null, 1, scale)).toBeNull();
  });

  it("looks up t in the table and stays at the 30-df value beyond it (slightly wide rather than overconfident)", () => {
    expect(tCritical95(2)).toBe(4.303);
    expect(tCritical95(9)).toBe(2.262);
    expect(tCritical95(30)).toBe(2.042);
    expect(tCritical95(200)).toBe(2.042);
    expect(() => tCritical95(0)).toThrow(RangeError);
  });
});

describe("what a climate chart is drawn from", () => {
  it("takes each closed session's published means with their intervals, and nothing for a suppressed one", () => {
    const series = climateSeries(fiveSessions, gcq);
    expect(series.sessions).toEqual([1, 2, 3, 4, 5]);
    expect(series.subscales.map((s) => s.name)).toEqual(["Engaged", "Avoiding", "Conflict"]);
    const engaged = series.subscales[0]?.points ?? [];
    // Session 1: 3.1 ± 2.571 × 0.8 / √6 = 3.1 ± 0.8397
    expect(engaged[0]).toEqual({
      session: 1,
      mean: 3.1,
      low: expect.closeTo(2.2603, 4),
      high: expect.closeTo(3.9397, 4),
      respondents: 6,
    });
    expect(engaged[2]).toEqual({ session: 3, mean: null, low: null, high: null, respondents: 3 });
    expect(series.scale).toEqual({ min: 0, max: 6 });
  });

  it("gives the share of check-ins answered per session, including sessions too small to show means", () => {
    const series = climateSeries(fiveSessions, gcq);
    expect(series.responses.map((r) => [r.session, r.respondents, r.invited])).toEqual([
      [1, 6, 7],
      [2, 5, 7],
      [3, 3, 7],
      [4, 5, 7],
      [5, 7, 7],
    ]);
    expect(series.responses[2]?.rate).toBeCloseTo(3 / 7, 10);
    expect(
      climateSeries([climateOf(1, { engaged: 0, avoiding: 0, conflict: 0 }, { respondents: 0, invited: 0 })], gcq)
        .responses[0]?.rate,
    ).toBeNull();
  });

  it("leaves out a session still collecting answers", () => {
    const collecting = climateOf(
      6,
      { engaged: 2, avoiding: 2, conflict: 2 },
      { respondents: 2, invited: 7, collecting: true },
    );
    expect(climateSeries([...fiveSessions, collecting], gcq).sessions).toEqual([1, 2, 3, 4, 5]);
  });

  it(`shows only the latest ${chartedSessions} sessions of a long-running group`, () => {
    const year = Array.from({ length: 30 }, (_, i) =>
      climateOf(
        i + 1,
        { engaged: [3, 1, 5], avoiding: [2, 1, 5], conflict: [1, 1, 5] },
        { respondents: 5, invited: 6 },
      ),
    );
    const series = climateSeries(year, gcq);
    expect(series.sessions).toEqual(Array.from({ length: 20 }, (_, i) => i + 11));
  });

  it("has nothing to draw until some mean is published", () => {
    expect(hasPublishedMeans(climateSeries(fiveSessions, gcq))).toBe(true);
    expect(hasPublishedMeans(climateSeries(fiveSessions.slice(2, 3), gcq))).toBe(false);
    expect(hasPublishedMeans(climateSeries([], gcq))).toBe(false);
  });
});

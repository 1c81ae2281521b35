import { describe, expect, it } from "vitest";
import { sessionVariationOf } from "../../../../src/core/climate/index.js";
import { trendSettingsSchema } from "../../../../src/core/setup/index.js";

const observe = (means: readonly number[], se = 0.3) => means.map((mean, i) => ({ session: i + 1, mean, se }));

describe("the session-to-session variation a group's limits are built with", () => {
  const trend = trendSettingsSchema.parse({});

  it("is the configured one until the group has enough published sessions of its own", () => {
    expect(sessionVariationOf(observe([4, 5, 3]), trend)).toBe(trend.sessionVariation);
  });

  it("is then estimated from the group's own sessions, shrunk towards the configured one", () => {
    // Successive differences of 1 with no sampling error: each says 1 / 0.455 / 2; shrunk with weight 6 over 5 of them.
    const wobbling = observe([4, 5, 4, 5, 4, 5], 0);
    const own = 1 / 0.455 / 2;
    expect(sessionVariationOf(wobbling, trend)).toBeCloseTo(Math.sqrt((5 * own + 6 * 0.35 ** 2) / 11), 10);
    expect(sessionVariationOf(observe([4, 4, 4, 4, 4, 4], 0), trend)).toBeCloseTo(Math.sqrt((6 * 0.35 ** 2) / 11), 10);
  });

  it("leaves out the steps into the sessions it is told are boundaries", () => {
    const twoSteps = observe([4, 4, 5, 5, 4, 4], 0);
    expect(sessionVariationOf(twoSteps, trend, new Set([3, 5]))).toBeCloseTo(Math.sqrt((6 * 0.35 ** 2) / 9), 10);
  });

  it("is not widened by one real change of level", () => {
    const stepped = observe([4, 4.1, 4, 4.1, 3, 3.1, 3], 0);
    expect(sessionVariationOf(stepped, trend)).toBeLessThan(trend.sessionVariation);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sessionVariationOf, variationsBefore, type Observation } from "../../../../src/core/climate/index.js";
import { analyticsSettingsSchema } from "../../../../src/core/setup/index.js";

const { trend } = analyticsSettingsSchema.parse({});

const series = fc
  .array(
    fc.record({ mean: fc.double({ min: 0, max: 6, noNaN: true }), se: fc.double({ min: 0, max: 1, noNaN: true }) }),
    {
      maxLength: 40,
    },
  )
  .map((points): Observation[] => points.map((point, i) => ({ session: i + 1, ...point })));

describe("the session-to-session variation of a growing series", () => {
  it("is exactly what it is when worked out from scratch before each session, whichever steps are left out", () => {
    fc.assert(
      fc.property(series, fc.array(fc.integer({ min: 0, max: 41 }), { maxLength: 2 }), (observations, left) => {
        const before = variationsBefore(observations, trend);
        for (let index = 0; index < observations.length; index += 1) {
          const boundaries = new Set<number | undefined>(left.map((n) => n + Math.floor(index / 2)));
          expect(before(index, boundaries)).toBe(sessionVariationOf(observations.slice(0, index), trend, boundaries));
        }
      }),
      { numRuns: 300 },
    );
  });
});

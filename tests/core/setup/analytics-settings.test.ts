import { describe, expect, it } from "vitest";
import { analyticsProblems } from "../../../src/core/alerts/index.js";
import { organisationSchema } from "../../../src/core/setup/index.js";
import { exampleConfig, exampleContent } from "../../support/example-setup.js";

describe("analytics settings", () => {
  it("have sensible defaults when an organisation says nothing", () => {
    const { analytics } = organisationSchema.parse({ name: "Clinic" });
    expect(analytics.trend).toEqual({
      ewmaLambda: 0.5,
      controlLimit: 2.5,
      sessionLimit: 2.75,
      sessionVariation: 0.35,
      ownVariationFrom: 4,
      variationPriorWeight: 6,
      slopeWindow: 6,
      rollingWindow: 6,
    });
    expect(analytics.alerts).toMatchObject({
      minChange: 0.75,
      lowResponseRate: 0.5,
      memberGap: 1.5,
      missedInARow: 2,
      silentCheckins: 2,
    });
    expect(analytics.distress).toEqual([{ item: "pulse-1", atOrBelow: 1 }]);
    expect(analytics.riskKeywords["en"]).toContain("end it all");
    expect(analytics.crisisResources.length).toBeGreaterThan(0);
  });

  it("refuse values that make no sense, naming the field", () => {
    const bad = (analytics: unknown) =>
      organisationSchema.safeParse({ name: "Clinic", analytics }).error?.issues[0]?.path.join(".");
    expect(bad({ trend: { ewmaLambda: 0 } })).toBe("analytics.trend.ewmaLambda");
    expect(bad({ alerts: { lowResponseRate: 1.5 } })).toBe("analytics.alerts.lowResponseRate");
    expect(bad({ riskKeywords: { english: ["suicide"] } })).toBe("analytics.riskKeywords.english");
    expect(bad({ riskKeywords: { en: ["no"] } })).toBe("analytics.riskKeywords.en.0");
    expect(bad({ crisisResources: [] })).toBe("analytics.crisisResources");
    expect(bad({ surprise: true })).toBe("analytics");
  });

  it("must name distress items that exist, with thresholds on their scale, and keywords for every program language", () => {
    const config = exampleConfig((c) => ({
      ...c,
      organisation: {
        ...c.organisation,
        analytics: {
          ...c.organisation.analytics,
          distress: [
            { item: "mood-1", atOrAbove: 4 },
            { item: "pulse-1", atOrBelow: 0 },
          ],
          riskKeywords: { fr: ["suicide"] },
        },
      },
    }));
    const noPhraseFiles = new Map();
    expect(analyticsProblems(config, exampleContent.programs, exampleContent.instruments, noPhraseFiles)).toEqual([
      'organisation.analytics.distress.0.item: no instrument has an item "mood-1"',
      "organisation.analytics.distress.1: 0 is not on the pulse scale 1-5",
      'organisation.analytics.riskKeywords: no risk phrases for the language "en" that a group\'s program uses: ' +
        "add en.yaml to organisation.riskPhrasesDir, or riskKeywords.en",
    ]);
    expect(
      analyticsProblems(
        exampleConfig(),
        exampleContent.programs,
        exampleContent.instruments,
        exampleContent.riskPhrases,
      ),
    ).toEqual([]);
  });
});

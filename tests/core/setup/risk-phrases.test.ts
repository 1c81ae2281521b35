import { describe, expect, it } from "vitest";
import {
  analyticsSettingsSchema,
  parsePhrase,
  riskPhrasesSchema,
  withRiskKeywords,
} from "../../../src/core/setup/index.js";

const problem = (phrase: string) => {
  const parsed = parsePhrase(phrase);
  return "problem" in parsed ? parsed.problem : undefined;
};

describe("a risk phrase", () => {
  it("reads words, stems, choices of one or several words, and gaps", () => {
    expect(parsePhrase("(kill*|hang) myself ~2 (now|right now)")).toEqual({
      parts: [
        {
          choices: [[{ text: "kill", stem: true }], [{ text: "hang", stem: false }]],
        },
        { choices: [[{ text: "myself", stem: false }]] },
        { gap: 2 },
        {
          choices: [
            [{ text: "now", stem: false }],
            [
              { text: "right", stem: false },
              { text: "now", stem: false },
            ],
          ],
        },
      ],
    });
  });

  it("says what is wrong with one it cannot read", () => {
    expect(problem("(kill myself")).toContain("every ( needs a )");
    expect(problem("~2 want to die")).toContain("a gap goes between words");
    expect(problem("want ~2 ~1 die")).toContain("two gaps in a row");
    expect(problem("want ~9 die")).toContain("a gap is ~1 to ~5 words");
    expect(problem("ki* myself")).toContain("a stem needs at least 3 letters");
    expect(problem("kill *myself")).toContain("is not a word");
    expect(problem("(kill||hang) myself")).toContain("empty choice");
  });
});

describe("a risk phrase file", () => {
  it("needs urgent phrases, and may have idioms and spellings", () => {
    expect(riskPhrasesSchema.parse({ urgent: ["kill* myself"] })).toEqual({
      urgent: ["kill* myself"],
      idioms: [],
      spellings: {},
    });
  });

  it("names the phrase it cannot read by its path", () => {
    const bad = riskPhrasesSchema.safeParse({ urgent: ["ok phrase"], idioms: ["fine", "(broken"] });
    expect(bad.error?.issues.map((issue) => issue.path.join("."))).toEqual(["idioms.1"]);
    expect(riskPhrasesSchema.safeParse({ urgent: [] }).error?.issues[0]?.path).toEqual(["urgent"]);
    expect(riskPhrasesSchema.safeParse({ urgent: ["x y"], surprise: 1 }).success).toBe(false);
  });

  it("refuses an organisation's keyword it cannot read, as it refuses a phrase", () => {
    const bad = analyticsSettingsSchema.safeParse({ riskKeywords: { en: ["end it all", "(oops"] } });
    expect(bad.error?.issues[0]?.path.join(".")).toBe("riskKeywords.en.1");
  });
});

describe("the organisation's keywords", () => {
  const files = new Map([["en", riskPhrasesSchema.parse({ urgent: ["kill* myself"], idioms: ["killing time"] })]]);

  it("are added to their language's urgent phrases, and give a language without a file its own", () => {
    const phrases = withRiskKeywords(files, { en: ["end it all"], de: ["umbringen"] });
    expect(phrases.get("en")).toEqual({
      urgent: ["kill* myself", "end it all"],
      idioms: ["killing time"],
      spellings: {},
    });
    expect(phrases.get("de")).toEqual({ urgent: ["umbringen"], idioms: [], spellings: {} });
    expect(files.get("en")?.urgent).toEqual(["kill* myself"]);
  });
});

import { describe, expect, it } from "vitest";
import { suggestsRisk } from "../../../src/core/alerts/index.js";
import { riskPhrasesSchema } from "../../../src/core/setup/index.js";

const english = riskPhrasesSchema.parse({
  urgent: ["kill* myself", "want* to ~1 die", "suicid*"],
  idioms: ["kill* myself laughing", "(not|never) ~1 want* to ~1 die", "die laughing"],
  spellings: { "do not": ["don't", "dont"] },
});
const french = riskPhrasesSchema.parse({ urgent: ["suicid*", "veux ~1 mourir"], idioms: ["suicide assiste"] });

describe("screening a message", () => {
  it("is urgent when an urgent phrase is there", () => {
    expect(suggestsRisk("honestly I just want to die", [english])).toBe(true);
    expect(suggestsRisk("I'm going to KILL MYSELF", [english])).toBe(true);
  });

  it("stays routine when the urgent phrase is wholly inside an everyday idiom", () => {
    expect(suggestsRisk("we were killing ourselves laughing", [english])).toBe(false);
    expect(suggestsRisk("I was killing myself laughing", [english])).toBe(false);
    expect(suggestsRisk("I don't want to die, I'm scared", [english])).toBe(false);
  });

  it("is urgent when the phrase is said again outside the idiom, or only overlaps it", () => {
    expect(suggestsRisk("I don't want to die. But some days I want to die", [english])).toBe(true);
    expect(suggestsRisk("I want to die laughing", [english])).toBe(true);
  });

  it("does not read an idiom across punctuation: 'I'm not. I want to die' is urgent", () => {
    expect(suggestsRisk("I'm not. I want to die", [english])).toBe(true);
    expect(suggestsRisk("I'm not, I want to die", [english])).toBe(true);
    expect(suggestsRisk("I do not want to die", [english])).toBe(false);
  });

  it("screens every language, and lets any language's idiom explain a word they share", () => {
    expect(suggestsRisk("je veux mourir", [english])).toBe(false);
    expect(suggestsRisk("je veux mourir", [english, french])).toBe(true);
    expect(suggestsRisk("un débat sur le suicide assisté", [english, french])).toBe(false);
    expect(suggestsRisk("suicide", [english, french])).toBe(true);
  });
});

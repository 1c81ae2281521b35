import { describe, expect, it } from "vitest";
import { compilePattern, respellingOf, spansOf, withinOneEdit, wordsOf } from "../../../src/core/alerts/index.js";

const none = respellingOf({});
const matches = (phrase: string, text: string) => spansOf(compilePattern(phrase, none), wordsOf(text), "urgent");
const found = (phrase: string, text: string) => matches(phrase, text).length > 0;

describe("a slip of one letter", () => {
  it("is a letter dropped, added, changed, or two neighbours swapped", () => {
    expect(withinOneEdit("suicde", "suicide")).toBe(true);
    expect(withinOneEdit("suicidee", "suicide")).toBe(true);
    expect(withinOneEdit("suicida", "suicide")).toBe(true);
    expect(withinOneEdit("myslef", "myself")).toBe(true);
    expect(withinOneEdit("sucde", "suicide")).toBe(false);
    expect(withinOneEdit("mysefl", "myself")).toBe(true);
    expect(withinOneEdit("msyelf", "myself")).toBe(true);
    expect(withinOneEdit("ymslef", "myself")).toBe(false);
  });
});

describe("a risk phrase", () => {
  it("matches every form of a stem: kill, kills, killed, killing myself, and 'kil myself'", () => {
    for (const text of ["kill myself", "he kills myself", "I nearly killed myself", "KILLING MYSELF", "kil myself"])
      expect(found("kill* myself", text), text).toBe(true);
    expect(found("kill* myself", "kill yourself")).toBe(false);
  });

  it("matches one of a choice, each a word or several", () => {
    expect(found("(hang|shoot*) myself", "I could hang myself")).toBe(true);
    expect(found("(hang|shoot*) myself", "shooting myself")).toBe(true);
    expect(found("no point (going on|living)", "no point going on")).toBe(true);
    expect(found("no point (going on|living)", "no point going")).toBe(false);
  });

  it("allows up to the words a gap says, and no more", () => {
    expect(found("better off ~2 without me", "better off without me")).toBe(true);
    expect(found("better off ~2 without me", "better off, honestly, without me")).toBe(true);
    expect(found("better off ~2 without me", "better off at the shop without me")).toBe(false);
  });

  it("forgives one slip in a word of five letters or more, but not in shorter words or in the first letter", () => {
    expect(found("suicide", "suicde")).toBe(true);
    expect(found("kill myself", "kill myslef")).toBe(true);
    expect(found("suicid*", "thinking of siucide")).toBe(true);
    expect(found("want to die", "wnat to die")).toBe(false);
    expect(found("thinking of ending it", "thinking of sending it")).toBe(false);
    expect(found("vivre", "un bon livre")).toBe(false);
  });

  it("does not take a stem's neighbour for it when the word stops short", () => {
    expect(found("overdos*", "I overdosed")).toBe(true);
    expect(found("overdos*", "I overdo it")).toBe(false);
  });

  it("is found at each place it starts, as characters of the text: an urgent phrase's shortest match, an idiom's longest", () => {
    const pattern = compilePattern("want to ~2 die", none);
    const words = wordsOf("I want to die, I want to just die");
    expect(spansOf(pattern, words, "urgent")).toEqual([
      { start: 2, end: 13 },
      { start: 17, end: 33 },
    ]);
    const gap = compilePattern("end ~2 it", none);
    expect(spansOf(gap, wordsOf("end it it"), "urgent")).toEqual([{ start: 0, end: 6 }]);
    expect(spansOf(gap, wordsOf("end it it"), "idiom")).toEqual([{ start: 0, end: 9 }]);
  });

  it("runs across punctuation when urgent, since members often leave it out, but an idiom stays within a clause", () => {
    const phrase = compilePattern("no quiero morir", none);
    expect(spansOf(phrase, wordsOf("No, quiero morir"), "urgent")).toHaveLength(1);
    expect(spansOf(phrase, wordsOf("No, quiero morir"), "idiom")).toEqual([]);
    expect(spansOf(phrase, wordsOf("no quiero morir todavía"), "idiom")).toHaveLength(1);
  });

  it("reads its words with the language's spellings, as the text is read", () => {
    const english = respellingOf({ "do not": ["don't", "dont"], "any more": ["anymore"] });
    const pattern = compilePattern("don't want to be here anymore", english);
    const text = "i do not want to be here any more";
    expect(spansOf(pattern, wordsOf(text), "urgent")).toHaveLength(1);
  });
});

import { describe, expect, it } from "vitest";
import { respell, respellingOf, wordsOf } from "../../../src/core/alerts/index.js";

const texts = (text: string) => wordsOf(text).map((word) => word.text);
const english = respellingOf({
  "do not": ["don't", "dont"],
  "can not": ["can't", "cant", "cannot"],
  "i am": ["i'm", "im"],
  "any more": ["anymore"],
});
const read = (text: string) =>
  respell(wordsOf(text), english)
    .map((word) => word.text)
    .join(" ");

describe("reading a member's words", () => {
  it("ignores case, accents, punctuation and emojis", () => {
    expect(texts("Ça me TUE!!! 😭")).toEqual(["ca", "me", "tue"]);
    expect(texts("¿Para qué seguir?")).toEqual(["para", "que", "seguir"]);
    expect(texts("I want to END IT ALL.")).toEqual(texts("i want to end it all"));
  });

  it("splits words at straight and curly apostrophes, so French elisions read as words", () => {
    expect(texts("j'en peux plus")).toEqual(["j", "en", "peux", "plus"]);
    expect(texts("I\u2019m done")).toEqual(texts("I'm done"));
  });

  it("reads drawn-out and doubled letters as one: 'sooooo tired', 'kill' and 'kil'", () => {
    expect(texts("sooooo tired")).toEqual(["so", "tired"]);
    expect(texts("kill myself")).toEqual(texts("kil myself"));
    expect(texts("i want to dieeee")).toEqual(texts("i want to die"));
  });

  it("knows where each word stands in the text, and which clause punctuation or a new line puts it in", () => {
    expect(wordsOf("Oh, no!").map(({ from, to }) => [from, to])).toEqual([
      [0, 2],
      [4, 6],
    ]);
    expect(wordsOf("No, I'm fine. Really\nthanks 🙂 all").map((word) => word.clause)).toEqual([0, 1, 1, 1, 2, 3, 3]);
  });

  it("reads contractions with or without their apostrophe the same way", () => {
    const expected = "i do not want to be here any more";
    expect(read("I don't want to be here anymore")).toBe(expected);
    expect(read("i dont want to be here any more")).toBe(expected);
    expect(read("I DON\u2019T WANT TO BE HERE ANYMORE")).toBe(expected);
    expect(read("Im done. I can't, I cant, I cannot")).toBe("i am done i can not i can not i can not");
  });

  it("keeps the place of a rewritten word, so an idiom and a phrase can be compared across languages", () => {
    const [first, second] = respell(wordsOf("dont go"), english);
    expect([first, second].map((word) => [word?.text, word?.from, word?.to, word?.clause])).toEqual([
      ["do", 0, 4, 0],
      ["not", 0, 4, 0],
    ]);
  });
});

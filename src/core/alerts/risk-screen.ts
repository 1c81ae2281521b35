import type { RiskPhrases } from "../setup/index.js";
import { compilePattern, spansOf, type RiskPattern } from "./risk-pattern.js";
import { respell, respellingOf, wordsOf, type Respelling } from "./risk-words.js";

interface Screen {
  readonly respelling: Respelling;
  readonly urgent: readonly RiskPattern[];
  readonly idioms: readonly RiskPattern[];
}

// Phrases are compiled once per phrase set (the context keeps the same objects for the process's life).
const screens = new WeakMap<RiskPhrases, Screen>();

function screenOf(phrases: RiskPhrases): Screen {
  const known = screens.get(phrases);
  if (known) return known;
  const respelling = respellingOf(phrases.spellings);
  const screen = {
    respelling,
    urgent: phrases.urgent.map((phrase) => compilePattern(phrase, respelling)),
    idioms: phrases.idioms.map((phrase) => compilePattern(phrase, respelling)),
  };
  screens.set(phrases, screen);
  return screen;
}

/**
 * Whether free text matches an urgent phrase of any of these languages, other than wholly inside an
 * everyday idiom of any of them ("this pain is killing me"; "suicide prevention" for a word all share).
 */
export function suggestsRisk(text: string, languages: readonly RiskPhrases[]): boolean {
  const words = wordsOf(text);
  const read = languages.map(screenOf).map((screen) => ({ screen, words: respell(words, screen.respelling) }));
  const idiomatic = read.flatMap(({ screen, words }) =>
    screen.idioms.flatMap((idiom) => spansOf(idiom, words, "idiom")),
  );
  return read.some(({ screen, words }) =>
    screen.urgent.some((pattern) =>
      spansOf(pattern, words, "urgent").some(
        (match) => !idiomatic.some((idiom) => idiom.start <= match.start && match.end <= idiom.end),
      ),
    ),
  );
}

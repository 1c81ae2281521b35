import { parsePhrase } from "../setup/index.js";
import { respell, wordsOf, type MatchWord, type Respelling } from "./risk-words.js";

interface PatternWord {
  readonly text: string;
  readonly stem: boolean;
}

type PatternPart = { readonly choices: readonly (readonly PatternWord[])[] } | { readonly gap: number };

/** A risk phrase compiled for one language, to match the words `wordsOf` and `respell` make of a text. */
export type RiskPattern = readonly PatternPart[];

/** Where a phrase matched in a text: characters `start` up to, not including, `end`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

// Misspellings rarely change a word's first letter, and short words have too many neighbours.
const fuzzyFrom = 5;

/** Whether two words differ by at most one letter added, dropped, changed, or two neighbours swapped. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  const shorter = Math.min(a.length, b.length) - head;
  while (tail < shorter && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const restA = a.length - head - tail;
  const restB = b.length - head - tail;
  if (restA <= 1 && restB <= 1) return true;
  return restA === 2 && restB === 2 && a[head] === b[head + 1] && a[head + 1] === b[head];
}

function sameWord(word: string, { text, stem }: PatternWord): boolean {
  if (stem ? word.startsWith(text) : word === text) return true;
  if (text.length < fuzzyFrom || word[0] !== text[0]) return false;
  if (!stem) return withinOneEdit(word, text);
  return word.length >= text.length && [-1, 0, 1].some((d) => withinOneEdit(word.slice(0, text.length + d), text));
}

/** Compiles a phrase (see `parsePhrase`) with a language's spellings; setup has validated it, so a bad one is a bug. */
export function compilePattern(phrase: string, respelling: Respelling): RiskPattern {
  const parsed = parsePhrase(phrase);
  if ("problem" in parsed) throw new Error(`risk phrase not validated: ${parsed.problem}`);
  return parsed.parts.map((part) =>
    "gap" in part
      ? part
      : {
          choices: part.choices.map((written) =>
            written.flatMap(({ text, stem }) => {
              const words = respell(wordsOf(text), respelling);
              return words.map((word, i) => ({ text: word.text, stem: stem && i === words.length - 1 }));
            }),
          ),
        },
  );
}

function collectEnds(
  pattern: RiskPattern,
  words: readonly MatchWord[],
  at: number,
  part: number,
  ends: number[],
): void {
  const here = pattern[part];
  if (!here) ends.push(at);
  else if ("gap" in here)
    for (let next = at; next <= at + here.gap && next < words.length; next++)
      collectEnds(pattern, words, next, part + 1, ends);
  else
    for (const choice of here.choices)
      if (choice.every((expected, i) => sameWord(words[at + i]?.text ?? "", expected)))
        collectEnds(pattern, words, at + choice.length, part + 1, ends);
}

/**
 * Where a pattern matches in a text's words, from each word it starts at: an urgent phrase's shortest
 * match, across punctuation too (members often leave it out); an idiom's longest match within one clause,
 * so "No, quiero morir" is not read as the idiom "no quiero morir".
 */
export function spansOf(pattern: RiskPattern, words: readonly MatchWord[], kind: "urgent" | "idiom"): Span[] {
  const spans: Span[] = [];
  words.forEach((first, start) => {
    const found: number[] = [];
    collectEnds(pattern, words, start, 0, found);
    const ends = kind === "urgent" ? found : found.filter((end) => words[end - 1]?.clause === first.clause);
    if (ends.length === 0) return;
    const end = kind === "urgent" ? Math.min(...ends) : Math.max(...ends);
    spans.push({ start: first.from, end: words[end - 1]?.to ?? first.to });
  });
  return spans;
}

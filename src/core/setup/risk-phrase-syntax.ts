/** One word of a risk phrase as written; a `stem` (written `kill*`) matches any word that starts with it. */
export interface PhraseWord {
  readonly text: string;
  readonly stem: boolean;
}

/** A part of a risk phrase: a choice between word sequences (one choice for a plain word), or up to `gap` other words. */
export type PhrasePart = { readonly choices: readonly (readonly PhraseWord[])[] } | { readonly gap: number };

/** A parsed risk phrase, or why it cannot be read. */
export type ParsedPhrase = { readonly parts: readonly PhrasePart[] } | { readonly problem: string };

const tokenPattern = /\([^()]*\)|[^\s()]+/gu;
const wordPattern = /^[\p{L}\p{M}\p{N}'\u2019-]*[\p{L}\p{N}][\p{L}\p{M}\p{N}'\u2019-]*$/u;
const gapPattern = /^~(\d+)$/;
const longestGap = 5;

function allOrProblem<T>(items: readonly (T | string)[]): T[] | string {
  const problem = items.find((item): item is string => typeof item === "string");
  return problem ?? items.filter((item): item is T => typeof item !== "string");
}

function parseWord(raw: string): PhraseWord | string {
  const stem = raw.endsWith("*");
  const text = stem ? raw.slice(0, -1) : raw;
  if (!wordPattern.test(text))
    return `"${raw}" is not a word: use letters, digits, apostrophes and dashes, and * only at the end`;
  if (stem && [...text].length < 3) return `"${raw}": a stem needs at least 3 letters before its *`;
  return { text, stem };
}

function parseWords(raw: string): PhraseWord[] | string {
  const words = raw.trim().split(/\s+/u).filter(Boolean).map(parseWord);
  return words.length === 0 ? `"${raw}" has an empty choice` : allOrProblem(words);
}

function parseToken(token: string): PhrasePart | string {
  const gap = gapPattern.exec(token);
  if (gap) {
    const words = Number(gap[1]);
    return words >= 1 && words <= longestGap ? { gap: words } : `"${token}": a gap is ~1 to ~${longestGap} words`;
  }
  const choices = allOrProblem(
    token.startsWith("(") ? token.slice(1, -1).split("|").map(parseWords) : [parseWords(token)],
  );
  return typeof choices === "string" ? choices : { choices };
}

/**
 * Reads a risk phrase: words (`kill* myself`: a stem), choices (`(hang|shoot*) myself`) and gaps
 * (`better off ~2 without me`: up to two other words there).
 */
export function parsePhrase(text: string): ParsedPhrase {
  if (text.replace(tokenPattern, "").trim() !== "")
    return { problem: `"${text}": every ( needs a ) and choices cannot be nested` };
  const parsed = allOrProblem((text.match(tokenPattern) ?? []).map(parseToken));
  if (typeof parsed === "string") return { problem: parsed };
  const isGap = (part: PhrasePart | undefined) => part !== undefined && "gap" in part;
  if (parsed.length === 0) return { problem: "a phrase needs at least one word" };
  if (isGap(parsed[0]) || isGap(parsed.at(-1))) return { problem: `"${text}": a gap goes between words` };
  if (parsed.some((part, i) => isGap(part) && isGap(parsed[i + 1])))
    return { problem: `"${text}": two gaps in a row; use one` };
  return { parts: parsed };
}

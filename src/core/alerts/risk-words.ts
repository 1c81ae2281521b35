/** A word as risk matching compares it, where it stands (characters `from` up to `to`), and in which clause. */
export interface MatchWord {
  readonly text: string;
  readonly from: number;
  readonly to: number;
  /** Counts the punctuation that ends a clause (. , ; ! ? and new lines) before the word. */
  readonly clause: number;
}

/**
 * The words of a text as risk matching compares them: no case, accents or punctuation, apostrophes
 * split words ("j'en" -> "j en"), and runs of one letter shortened to one ("soooo" -> "so", "kill" -> "kil").
 */
export function wordsOf(text: string): MatchWord[] {
  const folded = text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  let clause = 0;
  let end = 0;
  return [...folded.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => {
    if (/[.,;:!?\u2026\n]/u.test(folded.slice(end, match.index))) clause++;
    end = match.index + match[0].length;
    return { text: match[0].replace(/(\p{L})\1+/gu, "$1"), from: match.index, to: end, clause };
  });
}

/** A language's other spellings, compiled: each variant's words and the words it is read as. */
export type Respelling = readonly { readonly variant: readonly string[]; readonly as: readonly string[] }[];

const textsOf = (text: string) => wordsOf(text).map((word) => word.text);

/** Compiles `spellings` (`do not: [don't, dont]`), longest variants first so "can t" wins over "can". */
export function respellingOf(spellings: Readonly<Record<string, readonly string[]>>): Respelling {
  return Object.entries(spellings)
    .flatMap(([as, variants]) => variants.map((variant) => ({ variant: textsOf(variant), as: textsOf(as) })))
    .filter((rule) => rule.variant.length > 0)
    .sort((a, b) => b.variant.length - a.variant.length);
}

/** Rewrites words to one spelling: with `do not: [don't, dont]`, "don t" and "dont" both become "do not". */
export function respell(words: readonly MatchWord[], respelling: Respelling): MatchWord[] {
  const out: MatchWord[] = [];
  for (let at = 0; at < words.length;) {
    const rule = respelling.find(({ variant }) => variant.every((text, i) => words[at + i]?.text === text));
    const taken = words.slice(at, at + (rule?.variant.length ?? 1));
    const from = taken[0]?.from ?? 0;
    const to = taken.at(-1)?.to ?? from;
    const clause = taken[0]?.clause ?? 0;
    out.push(...(rule ? rule.as.map((text) => ({ text, from, to, clause })) : taken));
    at += taken.length;
  }
  return out;
}

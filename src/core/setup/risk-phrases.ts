import { z } from "zod";
import { parsePhrase } from "./risk-phrase-syntax.js";

/** A language code such as `en`: names a program's language and a risk phrase file (`en.yaml`). */
export const languageCodeSchema = z.string().regex(/^[a-z]{2,3}$/, "expected a language code such as en");

/** Refuses a risk phrase that `parsePhrase` cannot read, saying why. */
export function checkPhraseSyntax(phrase: string, ctx: z.RefinementCtx): void {
  const parsed = parsePhrase(phrase);
  if ("problem" in parsed) ctx.addIssue({ code: "custom", message: parsed.problem });
}

/** One risk phrase in the phrase syntax (see `parsePhrase`). */
export const riskPhraseSchema = z.string().trim().min(2).max(300).superRefine(checkPhraseSyntax);

const wordsSchema = z
  .string()
  .trim()
  .regex(/[\p{L}\p{N}]/u, "expected at least one letter")
  .max(60);

/** One language's risk phrases (`risk-phrases/<language>.yaml`). */
export const riskPhrasesSchema = z.strictObject({
  /** Phrases that make a message urgent: a person must see it at once. */
  urgent: z.array(riskPhraseSchema).min(1),
  /** Everyday idioms that look risky ("this pain is killing me"): an urgent phrase wholly inside one stays routine. */
  idioms: z.array(riskPhraseSchema).default([]),
  /** Other ways of writing the same words, read as the key: `do not: [don't, dont]`. */
  spellings: z.record(wordsSchema, z.array(wordsSchema).min(1)).default({}),
});

/** One language's validated risk phrases. */
export type RiskPhrases = z.infer<typeof riskPhrasesSchema>;

/** The phrases Cohesion screens with: each language's file, with the organisation's `riskKeywords` added as urgent phrases. */
export function withRiskKeywords(
  files: ReadonlyMap<string, RiskPhrases>,
  riskKeywords: Readonly<Record<string, readonly string[]>>,
): Map<string, RiskPhrases> {
  const phrases = new Map(files);
  for (const [language, keywords] of Object.entries(riskKeywords)) {
    const file = phrases.get(language) ?? { urgent: [], idioms: [], spellings: {} };
    phrases.set(language, { ...file, urgent: [...file.urgent, ...keywords] });
  }
  return phrases;
}

/** Messages in one language: those that suggest risk of suicide or self-harm, and everyday ones that do not. */
export interface Phrasings {
  readonly risky: readonly string[];
  readonly benign: readonly string[];
}

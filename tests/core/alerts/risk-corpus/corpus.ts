import type { RiskPriority } from "../../../../src/core/alerts/index.js";
import { english } from "./en.js";
import { spanish } from "./es.js";
import { french } from "./fr.js";
import type { Phrasings } from "./phrasings.js";

/** The corpus, by language. */
export const corpus: Readonly<Record<string, Phrasings>> = { en: english, es: spanish, fr: french };

/** How a screen did on one language's phrasings (or on all of them, as `all`). */
export interface Figures {
  readonly language: string;
  readonly risky: number;
  readonly benign: number;
  /** Risky phrasings left at routine priority. */
  readonly missed: readonly string[];
  /** Benign phrasings raised as urgent. */
  readonly falseAlarms: readonly string[];
}

function measureOne(language: string, phrasings: Phrasings, priorityOf: (text: string) => RiskPriority): Figures {
  return {
    language,
    risky: phrasings.risky.length,
    benign: phrasings.benign.length,
    missed: phrasings.risky.filter((text) => priorityOf(text) !== "urgent"),
    falseAlarms: phrasings.benign.filter((text) => priorityOf(text) === "urgent"),
  };
}

/** The figures per language, then for the whole corpus. */
export function measureCorpus(priorityOf: (text: string) => RiskPriority): Figures[] {
  const languages = Object.entries(corpus).map(([language, phrasings]) => measureOne(language, phrasings, priorityOf));
  const all: Figures = {
    language: "all",
    risky: languages.reduce((sum, figures) => sum + figures.risky, 0),
    benign: languages.reduce((sum, figures) => sum + figures.benign, 0),
    missed: languages.flatMap((figures) => figures.missed),
    falseAlarms: languages.flatMap((figures) => figures.falseAlarms),
  };
  return [...languages, all];
}

/** One line of figures: recall and false-alarm rate, with counts. */
export function describeFigures({ language, risky, benign, missed, falseAlarms }: Figures): string {
  const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;
  return (
    `${language}: recall ${percent(risky - missed.length, risky)} (${risky - missed.length}/${risky} risky), ` +
    `false alarms ${percent(falseAlarms.length, benign)} (${falseAlarms.length}/${benign} benign)`
  );
}

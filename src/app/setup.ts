import type { CohesionConfig, Program, Instrument, RiskPhrases } from "../core/setup/index.js";

/** The clinic content the bot runs on: programs and instruments keyed by id, risk phrases keyed by language. */
export interface Content {
  programs: ReadonlyMap<string, Program>;
  instruments: ReadonlyMap<string, Instrument>;
  riskPhrases: ReadonlyMap<string, RiskPhrases>;
}

/** The validated configuration and clinic content, with the file they came from. */
export interface Setup {
  readonly config: CohesionConfig;
  readonly content: Content;
  readonly file: string;
}

import { dirname, resolve } from "node:path";
import { analyticsProblems } from "../core/alerts/settings-check.js";
import { StartupError } from "../kernel/errors.js";
import type { CohesionConfig } from "../core/groups/organisation.js";
import { checkReferences, readConfigFile, shippedExampleConfig } from "./config-file.js";
import { configLocation, type Env } from "./config.js";
import { loadContent, shippedInstrumentsDir, shippedProgramsDir, type Content } from "./content.js";

/** The validated configuration and clinic content, with the file they came from. */
export interface Setup {
  readonly config: CohesionConfig;
  readonly content: Content;
  readonly file: string;
}

/** Loads cohesion.yaml (or the shipped example in console mode) and the programs and instruments it uses. */
export function loadSetup(env: Env, consoleMode: boolean): Setup {
  const { config, file } = readConfigFile({ ...configLocation(env), consoleMode, examplePath: shippedExampleConfig });
  const relative = (dir: string | undefined) => (dir === undefined ? [] : [resolve(dirname(file), dir)]);
  const content = loadContent({
    programsDirs: [shippedProgramsDir, ...relative(config.organisation.programsDir)],
    instrumentsDirs: [shippedInstrumentsDir, ...relative(config.organisation.instrumentsDir)],
  });
  checkReferences(config, file, new Set(content.programs.keys()));
  const problems = analyticsProblems(config, content.programs, content.instruments);
  if (problems.length > 0) throw new StartupError(`${file} is not valid:\n${problems.map((problem) => `${file}: ${problem}`).join("\n")}`);
  return { config, content, file };
}

import { dirname, resolve } from "node:path";
import { analyticsProblems } from "../core/alerts/index.js";
import { instrumentChoiceProblems } from "../core/setup/index.js";
import { StartupError } from "../kernel/errors.js";
import { checkReferences, readConfigFile, shippedExampleConfig } from "./config-file.js";
import { configLocation } from "./config.js";
import type { Env } from "../app/settings.js";
import { loadContent, shippedInstrumentsDir, shippedProgramsDir, shippedRiskPhrasesDir } from "./content.js";
import type { Setup } from "../app/setup.js";

/** Loads cohesion.yaml (or the example in console mode) and its programs, instruments and risk phrases. */
export function loadSetup(env: Env, consoleMode: boolean): Setup {
  const { config, file } = readConfigFile({ ...configLocation(env), consoleMode, examplePath: shippedExampleConfig });
  const relative = (dir: string | undefined) => (dir === undefined ? [] : [resolve(dirname(file), dir)]);
  const content = loadContent({
    programsDirs: [shippedProgramsDir, ...relative(config.organisation.programsDir)],
    instrumentsDirs: [shippedInstrumentsDir, ...relative(config.organisation.instrumentsDir)],
    riskPhrasesDirs: [shippedRiskPhrasesDir, ...relative(config.organisation.riskPhrasesDir)],
  });
  checkReferences(config, file, new Set(content.programs.keys()));
  const problems = [
    ...config.groups.flatMap((group, i) =>
      instrumentChoiceProblems(group, content.instruments).map((problem) => `groups.${i}.${problem}`),
    ),
    ...analyticsProblems(config, content.programs, content.instruments, content.riskPhrases),
  ];
  if (problems.length > 0)
    throw new StartupError(`${file} is not valid:\n${problems.map((problem) => `${file}: ${problem}`).join("\n")}`);
  return { config, content, file };
}

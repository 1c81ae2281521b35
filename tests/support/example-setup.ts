import type { Setup } from "../../src/app/setup.js";
import { loadSetup } from "../../src/main/load-setup.js";
import { readEnv } from "../../src/main/config.js";
import { shippedExampleConfig } from "../../src/main/config-file.js";
import type { CohesionConfig } from "../../src/core/setup/index.js";

/** The demo organisation and the shipped content, loaded once. */
export const exampleSetup: Setup = loadSetup(readEnv({ COHESION_CONFIG: shippedExampleConfig }), true);

/** The shipped programs and instruments. */
export const exampleContent = exampleSetup.content;

/** The demo organisation of cohesion.example.yaml, optionally edited by a test. */
export function exampleConfig(edit: (config: CohesionConfig) => CohesionConfig = (c) => c): CohesionConfig {
  return edit(structuredClone(exampleSetup.config));
}

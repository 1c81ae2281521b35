import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { StartupError } from "../kernel/errors.js";
import { cohesionConfigSchema, type CohesionConfig } from "../core/setup/index.js";
import { readYamlFile } from "./yaml-file.js";

/** Absolute path of the demo configuration shipped with the repository. */
export const shippedExampleConfig = fileURLToPath(new URL("../../cohesion.example.yaml", import.meta.url));

/** Where to load configuration from, and which programs exist to refer to. */
export interface LoadConfigOptions {
  path: string;
  explicit: boolean;
  consoleMode: boolean;
  examplePath: string;
  programIds: ReadonlySet<string>;
}

function chooseFile(options: Omit<LoadConfigOptions, "programIds">): string {
  if (existsSync(options.path)) return options.path;
  if (options.explicit)
    throw new StartupError(`${options.path}: configuration file not found (set by COHESION_CONFIG)`);
  if (options.consoleMode) return options.examplePath;
  throw new StartupError(
    `${options.path}: configuration file not found; create cohesion.yaml (copy cohesion.example.yaml and edit it) or set COHESION_CONFIG`,
  );
}

/** Checks what zod cannot: each group's program exists, nobody is both lead and member, changes fit the count. */
export function checkReferences(config: CohesionConfig, file: string, programIds: ReadonlySet<string>): void {
  const problems = referenceProblems(config, programIds);
  if (problems.length > 0)
    throw new StartupError(`${file} is not valid:\n${problems.map((problem) => `${file}: ${problem}`).join("\n")}`);
}

function referenceProblems(config: CohesionConfig, programIds: ReadonlySet<string>): string[] {
  const known = [...programIds].sort().join(", ");
  return config.groups.flatMap((group, i) => {
    const problems: string[] = [];
    if (!programIds.has(group.program))
      problems.push(`groups.${i}.program: unknown program "${group.program}" (known: ${known})`);
    group.members.forEach((member, j) => {
      if (group.leads.includes(member))
        problems.push(`groups.${i}.members.${j}: ${member} is also a lead of this group; list them once`);
    });
    if (group.leads.length < 2 && config.organisation.safety.onCall.length === 0)
      problems.push(
        `groups.${i}.leads: ${group.id} has one lead and organisation.safety.onCall is empty; an urgent alert needs a second person who can answer it: add a lead or an on-call address`,
      );
    group.changes.forEach((change, j) => {
      const count = group.schedule.count;
      if (count !== undefined && change.session > count) {
        problems.push(`groups.${i}.changes.${j}.session: the group has only ${count} sessions`);
      }
    });
    return problems;
  });
}

/** Loads and validates the configuration file, falling back to the shipped example in console mode; problems are StartupErrors. */
export function loadConfig(options: LoadConfigOptions): { config: CohesionConfig; file: string } {
  const loaded = readConfigFile(options);
  checkReferences(loaded.config, loaded.file, options.programIds);
  return loaded;
}

/** Reads and validates the configuration file alone (before clinic programs are known); see loadConfig. */
export function readConfigFile(options: Omit<LoadConfigOptions, "programIds">): {
  config: CohesionConfig;
  file: string;
} {
  const file = chooseFile(options);
  return { config: readYamlFile(file, cohesionConfigSchema), file };
}

import { readdirSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { StartupError } from "../kernel/errors.js";
import {
  coreInstruments,
  instrumentChoiceProblems,
  instrumentSchema,
  languageCodeSchema,
  programSchema,
  riskPhrasesSchema,
  type RiskPhrases,
} from "../core/setup/index.js";
import type { Content } from "../app/setup.js";
import { readYamlFile } from "./yaml-file.js";

/** Absolute path of the programs shipped with Cohesion. */
export const shippedProgramsDir = fileURLToPath(new URL("../../programs", import.meta.url));

/** Absolute path of the instruments shipped with Cohesion. */
export const shippedInstrumentsDir = fileURLToPath(new URL("../../instruments", import.meta.url));

/** Absolute path of the risk phrases shipped with Cohesion, one `<language>.yaml` each. */
export const shippedRiskPhrasesDir = fileURLToPath(new URL("../../risk-phrases", import.meta.url));

/** Instruments the core relies on; start-up fails without them. */
export const requiredInstruments: readonly string[] = Object.values(coreInstruments);

const extensions = new Set([".yaml", ".yml"]);

function yamlFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (cause) {
    throw new StartupError(
      `${dir}: content directory cannot be read (${(cause as NodeJS.ErrnoException).code ?? "unknown error"})`,
    );
  }
  return names
    .filter((name) => extensions.has(extname(name).toLowerCase()))
    .sort()
    .map((name) => join(dir, name));
}

function loadAll<T extends { id: string }>(
  dirs: readonly string[],
  kind: string,
  read: (file: string) => T,
  check: (value: T, file: string) => void = () => undefined,
): Map<string, T> {
  const loaded = new Map<string, T>();
  const files = new Map<string, string>();
  for (const file of dirs.flatMap(yamlFiles)) {
    const value = read(file);
    if (basename(file, extname(file)) !== value.id)
      throw new StartupError(`${file}: the file name must match the ${kind} id "${value.id}" inside it`);
    const earlier = files.get(value.id);
    if (earlier !== undefined)
      throw new StartupError(`${file}: ${kind} id "${value.id}" is already defined in ${earlier}`);
    check(value, file);
    loaded.set(value.id, value);
    files.set(value.id, file);
  }
  return loaded;
}

function loadRiskPhrases(dirs: readonly string[]): Map<string, RiskPhrases> {
  const loaded = new Map<string, RiskPhrases>();
  for (const dir of dirs) {
    const files = new Map<string, string>();
    for (const file of yamlFiles(dir)) {
      const language = basename(file, extname(file));
      if (!languageCodeSchema.safeParse(language).success)
        throw new StartupError(`${file}: a risk phrase file is named after its language code, such as en.yaml`);
      const earlier = files.get(language);
      if (earlier !== undefined) throw new StartupError(`${file}: "${language}" already has ${earlier}`);
      files.set(language, file);
      loaded.set(language, readYamlFile(file, riskPhrasesSchema));
    }
  }
  return loaded;
}

/**
 * Loads and validates every YAML file of the given dirs, in order. Later programs and instruments add to
 * earlier ones, never replace; a later `<language>.yaml` of risk phrases (the shipped ones unless given)
 * replaces that language's earlier one.
 */
export function loadContent(options: {
  programsDirs: string[];
  instrumentsDirs: string[];
  riskPhrasesDirs?: string[];
}): Content {
  const instruments = loadAll(options.instrumentsDirs, "instrument", (file) => readYamlFile(file, instrumentSchema));
  for (const id of requiredInstruments) {
    if (!instruments.has(id))
      throw new StartupError(
        `instrument "${id}" is required but was not found in: ${options.instrumentsDirs.join(", ") || "(no directories)"}`,
      );
  }
  const programs = loadAll(
    options.programsDirs,
    "program",
    (file) => readYamlFile(file, programSchema),
    (program, file) => {
      const problems = instrumentChoiceProblems(program, instruments);
      if (problems.length > 0)
        throw new StartupError(`${file} is not valid:\n${problems.map((problem) => `${file}: ${problem}`).join("\n")}`);
    },
  );
  const riskPhrases = loadRiskPhrases(options.riskPhrasesDirs ?? [shippedRiskPhrasesDir]);
  return { programs, instruments, riskPhrases };
}

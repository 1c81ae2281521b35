import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyticsProblems, riskPriorityOf } from "../../../src/core/alerts/index.js";
import { loadSetup } from "../../../src/main/load-setup.js";
import { readEnv } from "../../../src/main/config.js";
import { shippedExampleConfig } from "../../../src/main/config-file.js";
import { loadContent, shippedInstrumentsDir, shippedProgramsDir } from "../../../src/main/content.js";
import { StartupError } from "../../../src/kernel/errors.js";
import { exampleConfig, exampleContent } from "../../support/example-setup.js";
import { makeTempDir, removeTempDirs } from "../../support/temp-dirs.js";
import { makeWorld } from "../../support/world.js";

afterAll(removeTempDirs);

const shipped = { programsDirs: [shippedProgramsDir], instrumentsDirs: [shippedInstrumentsDir] };

async function clinicDir(files: Record<string, string>): Promise<string> {
  const dir = await makeTempDir();
  await mkdir(join(dir, "phrases"));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, "phrases", name), text);
  return dir;
}

function startupError(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    if (error instanceof StartupError) return error.message;
    throw error;
  }
  throw new Error("expected a StartupError");
}

describe("shipped risk phrases", () => {
  it("cover English, Spanish and French, each with urgent phrases, idioms and spellings", () => {
    expect([...exampleContent.riskPhrases.keys()].sort()).toEqual(["en", "es", "fr"]);
    for (const phrases of exampleContent.riskPhrases.values()) {
      expect(phrases.urgent.length).toBeGreaterThan(20);
      expect(phrases.idioms.length).toBeGreaterThan(5);
      expect(Object.keys(phrases.spellings).length).toBeGreaterThan(3);
    }
  });
});

describe("an organisation's risk phrases", () => {
  it("replace the shipped file of their language, found in riskPhrasesDir next to cohesion.yaml", async () => {
    const dir = await clinicDir({ "en.yaml": "urgent: [purple elephant]\n" });
    const example = await readFile(shippedExampleConfig, "utf8");
    await writeFile(
      join(dir, "cohesion.yaml"),
      example.replace("organisation:\n", "organisation:\n  riskPhrasesDir: phrases\n"),
    );
    const setup = loadSetup(readEnv({ COHESION_CONFIG: join(dir, "cohesion.yaml") }), true);
    expect(setup.content.riskPhrases.get("en")?.urgent).toEqual(["purple elephant"]);
    expect(setup.content.riskPhrases.get("es")).toEqual(exampleContent.riskPhrases.get("es"));
  });

  it("name the file and the path of a phrase that cannot be read", async () => {
    const dir = await clinicDir({ "fr.yaml": "urgent:\n  - je veux mourir\n  - (en finir\n" });
    const file = join(dir, "phrases", "fr.yaml");
    expect(startupError(() => loadContent({ ...shipped, riskPhrasesDirs: [join(dir, "phrases")] }))).toContain(
      `${file}: urgent.1: "(en finir": every ( needs a ) and choices cannot be nested`,
    );
  });

  it("are named after their language code", async () => {
    const dir = await clinicDir({ "english.yaml": "urgent: [suicide]\n" });
    expect(startupError(() => loadContent({ ...shipped, riskPhrasesDirs: [join(dir, "phrases")] }))).toContain(
      `${join(dir, "phrases", "english.yaml")}: a risk phrase file is named after its language code, such as en.yaml`,
    );
  });
});

describe("screening a member's message in a running Cohesion", () => {
  it("uses every language's phrases and adds the organisation's keywords to their language", () => {
    const world = makeWorld({
      config: exampleConfig((c) => ({
        ...c,
        organisation: {
          ...c.organisation,
          analytics: { ...c.organisation.analytics, riskKeywords: { en: ["purple elephant"], de: ["umbringen"] } },
        },
      })),
    });
    const priority = (text: string) => riskPriorityOf(world.ctx, text);
    expect(priority("I saw the purple elephants again")).toBe("urgent");
    expect(priority("ich will mich umbringen")).toBe("urgent");
    expect(priority("no quiero seguir viviendo")).toBe("urgent");
    expect(priority("this pain is killing me")).toBe("routine");
  });

  it("needs phrases, shipped or configured, for every language a group's program uses", () => {
    const none = new Map();
    const config = exampleConfig();
    const { programs, instruments } = exampleContent;
    expect(analyticsProblems(config, programs, instruments, exampleContent.riskPhrases)).toEqual([]);
    const withoutKeywords = exampleConfig((c) => ({
      ...c,
      organisation: { ...c.organisation, analytics: { ...c.organisation.analytics, riskKeywords: {} } },
    }));
    expect(analyticsProblems(withoutKeywords, programs, instruments, exampleContent.riskPhrases)).toEqual([]);
    expect(analyticsProblems(withoutKeywords, programs, instruments, none)).toEqual([
      'organisation.analytics.riskKeywords: no risk phrases for the language "en" that a group\'s program uses: ' +
        "add en.yaml to organisation.riskPhrasesDir, or riskKeywords.en",
    ]);
    expect(analyticsProblems(config, programs, instruments, none)).toEqual([]);
  });
});

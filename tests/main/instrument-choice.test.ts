import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { loadContent, shippedInstrumentsDir, shippedProgramsDir } from "../../src/main/content.js";
import { loadSetup } from "../../src/main/load-setup.js";
import { readEnv } from "../../src/main/config.js";
import { shippedExampleConfig } from "../../src/main/config-file.js";
import { makeTempDir, removeTempDirs } from "../support/temp-dirs.js";
import { startupMessage } from "./startup-message.js";

const fixtures = fileURLToPath(new URL("./fixtures/content", import.meta.url));

afterEach(removeTempDirs);

/** Start-up with the demo configuration, the first group given `extra` lines (YAML) after its program. */
async function startWith(extra: string): Promise<() => unknown> {
  const dir = await makeTempDir();
  const file = join(dir, "cohesion.yaml");
  const example = readFileSync(shippedExampleConfig, "utf8");
  writeFileSync(file, example.replace("    program: chronic-pain-8\n", `    program: chronic-pain-8\n${extra}`));
  return () => loadSetup(readEnv({ COHESION_CONFIG: file }), false);
}

describe("a clinic's instruments in the check-in and the orientation", () => {
  it("are refused at start-up when a program names one that does not exist, naming the file and the field", () => {
    const message = startupMessage(() =>
      loadContent({
        programsDirs: [shippedProgramsDir, join(fixtures, "program-unknown-instrument")],
        instrumentsDirs: [shippedInstrumentsDir],
      }),
    );
    const file = join(fixtures, "program-unknown-instrument", "sleep-check.yaml");
    expect(message).toContain(`${file}: checkin.instruments.0: unknown instrument "distress-thermometr"`);
    expect(message).toContain(`${file}: orientation.screening: instrument "pulse" has no flagAtOrAbove`);
  });

  it("are refused at start-up when a group names one that does not exist, naming the group's path", async () => {
    const start = await startWith("    checkin: { instruments: [mood-diary] }\n");
    expect(startupMessage(start)).toMatch(
      /cohesion\.yaml: groups\.0\.checkin\.instruments\.0: unknown instrument "mood-diary"/,
    );
  });

  it("refuse the GCQ-S or the pulse, which every check-in already has", async () => {
    const start = await startWith("    checkin: { instruments: [gcq-s] }\n");
    expect(startupMessage(start)).toContain(
      'groups.0.checkin.instruments.0: "gcq-s" is already part of every check-in',
    );
  });

  it("accept the shipped distress thermometer on a group", async () => {
    const start = await startWith("    checkin: { instruments: [distress-thermometer] }\n");
    expect(() => start()).not.toThrow();
  });

  it("accept a clinic's screening instrument that has a flag", () => {
    const content = loadContent({
      programsDirs: [shippedProgramsDir],
      instrumentsDirs: [shippedInstrumentsDir, join(fixtures, "screening-instruments")],
    });
    expect(content.instruments.get("pre-group-check")?.flagAtOrAbove).toBe(3);
  });
});

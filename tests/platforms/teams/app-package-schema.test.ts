import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
// @microsoft/app-manifest requires fs-extra without declaring it, so fs-extra is a devDependency of ours.
import { AppManifestUtils } from "@microsoft/app-manifest";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { buildAppPackage, manifestFor } from "../../../src/platforms/teams/app-package.js";

const dir = fileURLToPath(new URL("../../../appPackage/", import.meta.url));
const appId = "00000000-0000-4000-8000-00000000c0de";
const require = createRequire(import.meta.url);

/** Microsoft's schema for a manifest version, as @microsoft/app-manifest ships it (no network needed). */
async function teamsSchema(version: string): Promise<Record<string, unknown>> {
  const path = require.resolve(
    `@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`,
  );
  return JSON.parse(await readFile(path, "utf8")) as Record<string, unknown>;
}

async function builtManifest(): Promise<Record<string, unknown> & { manifestVersion: string }> {
  const zip = await JSZip.loadAsync(await buildAppPackage(dir, appId, commands));
  return JSON.parse(await zip.file("manifest.json")!.async("string")) as Record<string, unknown> & {
    manifestVersion: string;
  };
}

describe("the Teams app package, checked with Microsoft's own validator", () => {
  it("passes @microsoft/app-manifest against the schema version its manifest declares", async () => {
    const manifest = await builtManifest();
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/`);
    const failures = await AppManifestUtils.validateAgainstSchema(
      manifest as never,
      (await teamsSchema(manifest.manifestVersion)) as never,
    );
    expect(failures).toEqual([]);
  });

  it("would be refused by the validator with a short description of 81 characters, and is refused before that", async () => {
    const manifest = await builtManifest();
    const tooLong = { ...manifest, description: { ...(manifest.description as object), short: "x".repeat(81) } };
    const failures = await AppManifestUtils.validateAgainstSchema(
      tooLong as never,
      (await teamsSchema(manifest.manifestVersion)) as never,
    );
    expect(failures.join("\n")).toContain("/description/short");
    expect(() => manifestFor(tooLong, appId, commands)).toThrow("appPackage/manifest.json: description.short");
  });
});

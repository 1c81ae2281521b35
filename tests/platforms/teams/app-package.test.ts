import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { appIcons, buildAppPackage, manifestCommands, pngSize } from "../../../src/platforms/teams/app-package.js";

const dir = fileURLToPath(new URL("../../../appPackage/", import.meta.url));
const appId = "00000000-0000-4000-8000-00000000c0de";
const committed = async () =>
  JSON.parse(await readFile(`${dir}manifest.json`, "utf8")) as {
    bots: { botId: string; scopes: string[]; supportsFiles: boolean; commandLists: { commands: unknown[] }[] }[];
  };

describe("the Teams app package", () => {
  it("lists exactly Cohesion's chat commands (run `npm run teams:package` and copy its list when they change)", async () => {
    const [bot] = (await committed()).bots;
    expect(bot?.commandLists[0]?.commands).toEqual(manifestCommands(commands));
    for (const command of manifestCommands(commands)) {
      expect(command.title.length).toBeLessThanOrEqual(32);
      expect(command.description.length).toBeLessThanOrEqual(128);
    }
  });

  it("offers the bot in personal chats and teams, with files for exports", async () => {
    const [bot] = (await committed()).bots;
    expect(bot).toMatchObject({ botId: "{{MICROSOFT_APP_ID}}", scopes: ["personal", "team"], supportsFiles: true });
  });

  it("has a 192x192 colour icon and a 32x32 transparent outline", async () => {
    for (const { file, size } of appIcons)
      expect(pngSize(await readFile(`${dir}${file}`))).toEqual({ width: size, height: size });
    const outline = await readFile(`${dir}outline.png`);
    // Colour type 6 is RGBA: the outline has an alpha channel.
    expect(outline[25]).toBe(6);
  });

  it("zips the manifest with the app id filled in, and both icons", async () => {
    const zip = await JSZip.loadAsync(await buildAppPackage(dir, appId, commands));
    expect(Object.keys(zip.files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(await zip.file("manifest.json")!.async("string")) as {
      id: string;
      bots: { botId: string }[];
    };
    expect(manifest.id).toBe(appId);
    expect(manifest.bots[0]?.botId).toBe(appId);
  });

  it("refuses an app id that is not a GUID, saying what is expected", async () => {
    await expect(buildAppPackage(dir, "my-bot", commands)).rejects.toThrow(
      "MICROSOFT_APP_ID must be the bot's application (client) id",
    );
  });

  it("is built by `npm run teams:package`", async () => {
    const run = promisify(execFile);
    const { stdout } = await run("npx", ["tsx", "scripts/teams-package.ts"], {
      cwd: fileURLToPath(new URL("../../../", import.meta.url)),
      env: { ...process.env, MICROSOFT_APP_ID: appId },
    });
    expect(stdout).toContain("cohesion-teams.zip");
    const zip = await JSZip.loadAsync(await readFile(`${dir}build/cohesion-teams.zip`));
    expect(zip.file("manifest.json")).not.toBeNull();
  });
});

import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import JSZip from "jszip";
import { z } from "zod";
import type { CommandDefinition } from "../../core/command.js";
import { StartupError } from "../../kernel/errors.js";
import { plainText, shorten } from "./render/text.js";

/** A Teams bot command as the app manifest lists it (Teams allows 32 characters of title, 128 of description). */
export interface ManifestCommand {
  readonly title: string;
  readonly description: string;
}

/** The icons Teams requires: a 192x192 colour icon and a 32x32 white-on-transparent outline. */
export const appIcons = [
  { file: "color.png", size: 192 },
  { file: "outline.png", size: 32 },
] as const;

// Teams refuses a package whose names or descriptions are longer than its manifest schema allows.
const manifestSchema = z.looseObject({
  id: z.string(),
  name: z.looseObject({ short: z.string().min(1).max(30), full: z.string().max(100).optional() }),
  description: z.looseObject({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }),
  bots: z
    .array(
      z.looseObject({
        botId: z.string(),
        commandLists: z.array(z.looseObject({ scopes: z.array(z.string()), commands: z.array(z.unknown()) })),
      }),
    )
    .length(1),
});

/** The most commands one list of a Teams manifest may hold; the rest can still be typed. */
export const manifestCommandLimit = 10;

/** The manifest's command list for Cohesion's chat commands: the first ten in their help order. */
export function manifestCommands(commands: readonly CommandDefinition[]): ManifestCommand[] {
  return commands.slice(0, manifestCommandLimit).map((command) => ({
    title: command.name.slice(0, 32),
    description: shorten(plainText(command.summary), 128),
  }));
}

/** The manifest template with the bot's app id filled in and the command list generated from the commands. */
export function manifestFor(
  template: unknown,
  appId: string,
  commands: readonly CommandDefinition[],
): Record<string, unknown> {
  const parsed = manifestSchema.safeParse(template);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StartupError(`appPackage/manifest.json: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}.`);
  }
  const manifest = parsed.data;
  const fill = (value: string) => value.replaceAll("{{MICROSOFT_APP_ID}}", appId);
  return {
    ...manifest,
    id: fill(manifest.id),
    bots: manifest.bots.map((bot) => ({
      ...bot,
      botId: fill(bot.botId),
      commandLists: bot.commandLists.map((list) => ({ ...list, commands: manifestCommands(commands) })),
    })),
  };
}

/** The width and height of a PNG, from its header. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = Buffer.from(png);
  if (view.length < 24 || view.toString("latin1", 1, 4) !== "PNG") throw new Error("not a PNG");
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

/** Draws the icons from their SVG sources beside the manifest. */
export async function drawIcons(dir: string): Promise<void> {
  for (const { file, size } of appIcons) {
    const svg = await readFile(join(dir, file.replace(/\.png$/, ".svg")), "utf8");
    await writeFile(
      join(dir, file),
      new Resvg(svg, { fitTo: { mode: "width", value: size }, background: "rgba(0,0,0,0)" }).render().asPng(),
    );
  }
}

/** The zip to upload to Teams: manifest.json and both icons, checked for the sizes Teams requires. */
export async function buildAppPackage(
  dir: string,
  appId: string,
  commands: readonly CommandDefinition[],
): Promise<Uint8Array> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(appId))
    throw new StartupError(
      "MICROSOFT_APP_ID must be the bot's application (client) id, a GUID such as 00000000-0000-0000-0000-000000000000.",
    );
  const zip = new JSZip();
  const template: unknown = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"));
  zip.file("manifest.json", `${JSON.stringify(manifestFor(template, appId, commands), null, 2)}\n`);
  for (const { file, size } of appIcons) {
    const png = await readFile(join(dir, file));
    const { width, height } = pngSize(png);
    if (width !== size || height !== size)
      throw new StartupError(`${file} must be ${size}x${size} pixels, not ${width}x${height}.`);
    zip.file(file, png);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

// Builds appPackage/build/cohesion-teams.zip, the Teams app to upload: `npm run teams:package`.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { commands } from "../commands/index.js";
import { readEnv } from "../src/main/config.js";
import { StartupError } from "../src/kernel/errors.js";
import { buildAppPackage, drawIcons } from "../src/platforms/teams/app-package.js";

const dir = fileURLToPath(new URL("../appPackage/", import.meta.url));

async function main(): Promise<void> {
  const appId = readEnv().MICROSOFT_APP_ID;
  if (!appId)
    throw new StartupError(
      "Set MICROSOFT_APP_ID to the bot's application (client) id first (see the README's Microsoft Teams section).",
    );
  await drawIcons(dir);
  const zip = await buildAppPackage(dir, appId, commands);
  await mkdir(join(dir, "build"), { recursive: true });
  const out = join(dir, "build", "cohesion-teams.zip");
  await writeFile(out, zip);
  process.stdout.write(
    `Teams app package written to ${out}: upload it in Teams (Apps > Manage your apps > Upload an app).\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Cannot build the Teams app package:\n${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});

import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hashFiles } from "../store/encryption-helpers.js";
import { removeTempDirs } from "../support/temp-dirs.js";
import { faultTimeoutMs } from "./fault-counts.js";
import { FaultWorld, faultGroup } from "./fault-world.js";
import { fillDisk, mountSmallDisk, unmountSmallDisk } from "./small-disk.js";

const worlds: FaultWorld[] = [];
afterAll(async () => {
  await Promise.all(worlds.map((world) => world.close()));
  await removeTempDirs();
});

async function newWorld(): Promise<FaultWorld> {
  const world = await FaultWorld.create({ members: 2, moment: "checkin-open" });
  worlds.push(world);
  return world;
}

/** Starts the bot once, so the data directory holds its documents, and stops it. */
async function withData(world: FaultWorld): Promise<void> {
  const bot = await world.start();
  await bot.untilLogged("sweep", 240_000);
  await bot.stop();
}

/** Starts the bot, expecting it to refuse: exit 1, "Cohesion cannot start:" and a message, no stack trace. */
async function refusal(world: FaultWorld): Promise<string> {
  const bot = world.spawn();
  const exit = await bot.exited;
  expect(exit.code, bot.output).toBe(1);
  expect(bot.stderr).toMatch(/^Cohesion cannot start:\n\S.*\n$/);
  expect(bot.stderr).not.toMatch(/\n\s+at /);
  return bot.stderr;
}

// Each case runs its own bot on its own data directory, so they run side by side.
describe.concurrent("the real bot refusing to start on data it must not touch", () => {
  it(
    "refuses a group file with one byte changed, naming it, and changes no file",
    async () => {
      const world = await newWorld();
      await withData(world);
      const file = join(world.dataDir, "groups", `${faultGroup}.json`);
      const bytes = await readFile(file);
      const middle = Math.floor(bytes.length / 2);
      bytes[middle] = bytes[middle] === 0x41 ? 0x42 : 0x41;
      await writeFile(file, bytes);
      const before = await hashFiles(world.dataDir);
      expect(await refusal(world)).toContain(file);
      expect(await hashFiles(world.dataDir)).toEqual(before);
    },
    faultTimeoutMs,
  );

  it(
    "refuses a second process on the same data directory while the first runs on, untouched",
    async () => {
      const world = await newWorld();
      const first = await world.start();
      await first.untilLogged("sweep", 240_000);
      const before = await hashFiles(world.dataDir);
      expect(await refusal(world)).toContain(`Another Cohesion process (pid ${first.pid}) is using ${world.dataDir}`);
      expect(await hashFiles(world.dataDir)).toEqual(before);
      expect(first.alive).toBe(true);
      expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    },
    faultTimeoutMs,
  );

  it(
    "refuses to start on a full disk with a clear message, changing no file",
    async (context) => {
      const world = await newWorld();
      if (!(await mountSmallDisk(world.dataDir, 1024)))
        return context.skip("a size-limited file system needs root (mount -t tmpfs)");
      try {
        await withData(world);
        await fillDisk(world.dataDir);
        const before = await hashFiles(world.dataDir);
        expect(await refusal(world)).toMatch(/no space|disk is full|ENOSPC/i);
        expect(await hashFiles(world.dataDir)).toEqual(before);
      } finally {
        await unmountSmallDisk(world.dataDir);
      }
    },
    faultTimeoutMs,
  );
});

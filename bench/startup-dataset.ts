// The start-up benchmark's data set: a hospital's groups in a cohesion.yaml, each a year into weekly sessions with the
// history bench/scale-history.ts builds, written through the real encrypted file store (and PostgreSQL when reachable).
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { stringify } from "yaml";
import type { GroupState } from "../src/core/state.js";
import type { Store } from "../src/core/store.js";
import { readEnv } from "../src/main/config.js";
import { loadSetup } from "../src/main/load-setup.js";
import { DocumentCipher } from "../src/store/document-cipher.js";
import { openFileStore } from "../src/store/file-store.js";
import { openPostgresStore } from "../src/store/postgres/postgres-store.js";
import { makeWorld } from "../tests/support/world.js";
import { groupHistory } from "./scale-history.js";

/** Weekly sessions of history in every group, as in the scale benchmark. */
export const historySessions = 52;
const membersPerGroup = 12;
const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;

/** Where the data set lives, the key it is sealed with, and the PostgreSQL schema holding it too (if any). */
export interface DataSet {
  readonly dir: string;
  readonly key: Buffer;
  readonly groups: number;
  /** When its histories end: five days after every group's 52nd session. */
  readonly builtAt: Date;
  /** cohesion.yaml with every group a year in, whose histories are in `dataDir`. */
  readonly fullConfig: string;
  /** The same groups four weeks before their first session, for a start on no data. */
  readonly emptyConfig: string;
  readonly dataDir: string;
  readonly postgresSchema: string | undefined;
  /** Seconds spent building the histories and writing them through the stores. */
  readonly buildSeconds: number;
}

/** A local date-time in UTC to the minute, as cohesion.yaml takes it. */
function localMinute(instant: Date): string {
  return new Date(Math.floor(instant.getTime() / minuteMs) * minuteMs).toISOString().slice(0, 16);
}

/** One group of the hospital: number `n`, its own leads, care team channel and 12 members on Slack. */
function groupConfig(n: number, firstSession: Date) {
  const tag = String(n).padStart(4, "0");
  return {
    id: `ward-${tag}`,
    name: `Group ${tag}`,
    program: "chronic-pain-8",
    timezone: "Etc/UTC",
    schedule: {
      firstSession: localMinute(firstSession),
      every: "1 week",
      count: historySessions + 1,
      durationMinutes: 90,
    },
    location: "Room 1",
    careTeamChannel: `slack:CW${tag}`,
    leads: [`slack:UW${tag}LA`, `slack:UW${tag}LB`],
    members: Array.from({ length: membersPerGroup }, (_, m) => `slack:UW${tag}M${String(m + 1).padStart(2, "0")}`),
  };
}

function hospitalConfig(groups: number, firstSession: Date) {
  return {
    organisation: { name: "Benchmark hospital", safety: { onCall: ["slack:UONCALL"] } },
    groups: Array.from({ length: groups }, (_, i) => groupConfig(i + 1, firstSession)),
  };
}

/** Opens a store in a fresh schema of the database at `url`. */
export function postgresBenchStore(url: string, schema: string, key: Buffer): Promise<Store> {
  return openPostgresStore(url, { schema, cipher: new DocumentCipher(key) });
}

/**
 * Builds `groups` groups' histories one at a time (each from its own world, so every group has its own members and
 * prompt ids) and writes each through the encrypted file store, and into `postgresUrl`'s fresh schema when given.
 */
export async function buildDataSet(groups: number, postgresUrl: string | undefined): Promise<DataSet> {
  const began = performance.now();
  const dir = await mkdtemp(join(tmpdir(), "cohesion-startup-"));
  const key = randomBytes(32);
  const builtAt = new Date(Math.floor(Date.now() / minuteMs) * minuteMs);
  const firstSession = new Date(builtAt.getTime() - ((historySessions - 1) * 7 + 5) * dayMs);
  const fullConfig = join(dir, "cohesion.yaml");
  const emptyConfig = join(dir, "cohesion-empty.yaml");
  await writeFile(fullConfig, stringify(hospitalConfig(groups, firstSession)));
  await writeFile(emptyConfig, stringify(hospitalConfig(groups, new Date(builtAt.getTime() + 28 * dayMs))));
  const dataDir = join(dir, "data");
  await mkdir(dataDir);
  const setup = loadSetup(readEnv({ COHESION_CONFIG: fullConfig }), false);
  const postgresSchema = postgresUrl === undefined ? undefined : `cohesion_startup_${randomBytes(6).toString("hex")}`;
  // One store at a time, each building every history again, since a store holds all its documents in memory.
  const opens = [() => openFileStore(dataDir, { cipher: new DocumentCipher(key) })];
  if (postgresUrl !== undefined && postgresSchema !== undefined)
    opens.push(() => postgresBenchStore(postgresUrl, postgresSchema, key));
  for (const open of opens) {
    const store = await open();
    try {
      for (const group of setup.config.groups) {
        const world = makeWorld({
          now: builtAt.toISOString(),
          config: { ...setup.config, groups: [group] },
          content: setup.content,
        });
        const state: GroupState = await groupHistory(world, builtAt);
        await store.updateGroup(group.id, (draft) => Object.assign(draft, state));
      }
    } finally {
      await store.close();
    }
  }
  const buildSeconds = (performance.now() - began) / 1000;
  return { dir, key, groups, builtAt, fullConfig, emptyConfig, dataDir, postgresSchema, buildSeconds };
}

/** Deletes the data set's directory. */
export async function removeDataSet(dataSet: DataSet): Promise<void> {
  await rm(dataSet.dir, { recursive: true, force: true });
}

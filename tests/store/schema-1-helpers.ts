/** Shared by the tests of the schema-1 data set: copies of it, its manifest, its counts as a store reads them, scripts. */
import { spawn } from "node:child_process";
import { cp, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { verifyAuditChain } from "../../src/core/privacy/index.js";
import type { Store } from "../../src/core/store.js";
import { schema1Dir, schema1Groups } from "../support/schema-1-data-set.js";
import { countsOf, type RecordCounts } from "../support/schema-1-story.js";
import { finished, makeTempDir } from "./helpers.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The data set's manifest, written with it. */
export const manifest = JSON.parse(await readFile(join(schema1Dir, "manifest.json"), "utf8")) as {
  schemaVersion: number;
  groups: Record<string, RecordCounts>;
};

/** A group's counts, and whether its audit chain holds. */
export type CheckedCounts = RecordCounts & { chainHolds: boolean };

/** A copy of one form of the data set in a fresh directory. */
export async function copyOf(form: "encrypted" | "plain"): Promise<string> {
  const dir = await makeTempDir();
  await cp(join(schema1Dir, form), dir, { recursive: true });
  return dir;
}

/** Every group's counts as `store` reads them, with whether its audit chain holds. */
export async function countsIn(store: Store): Promise<Record<string, CheckedCounts>> {
  const counts: Record<string, CheckedCounts> = {};
  for (const groupId of schema1Groups) {
    const state = await store.readGroup(groupId);
    counts[groupId] = { ...countsOf(state), chainHolds: verifyAuditChain(groupId, state.audit).ok };
  }
  return counts;
}

/** The manifest's counts, every chain holding: what countsIn must find. */
export function asWritten(): Record<string, CheckedCounts> {
  return Object.fromEntries(
    Object.entries(manifest.groups).map(([id, counts]) => [id, { ...counts, chainHolds: true }]),
  );
}

/** Runs a script (or the entry point) of the repository under tsx with only the given environment and input. */
export function runScript(script: string, env: Record<string, string>, input = "") {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: root,
    env: { PATH: process.env["PATH"], ...env },
  });
  child.stdin.end(input);
  return finished(child);
}

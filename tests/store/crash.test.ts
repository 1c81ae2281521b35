import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { answerKey, groupStateSchema } from "../../src/core/state.js";
import { openFileStore } from "../../src/store/file-store.js";
import { makeTempDir, removeTempDirs, spawnFixture } from "./helpers.js";

afterEach(removeTempDirs);

/** Runs the recorder until it has confirmed `killAfter` answers, kills it, and returns every confirmed index. */
async function recordThenKill(dir: string, killAfter: number): Promise<number[]> {
  const child = spawnFixture("record-answers.ts", [dir]);
  const confirmed: number[] = [];
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("close", (_code, signal) => resolve(signal)));
  for await (const line of createInterface({ input: child.stdout! })) {
    const match = /^confirmed (\d+)$/.exec(line);
    if (!match) throw new Error(`unexpected output: ${line}`);
    confirmed.push(Number(match[1]));
    if (confirmed.length === killAfter) child.kill("SIGKILL");
  }
  expect(await exited, stderr).toBe("SIGKILL");
  return confirmed;
}

describe("file store killed while writing", () => {
  it("keeps a valid group (snapshot and journal) holding every confirmed answer, kill after kill", async () => {
    const dir = await makeTempDir();
    const allConfirmed: number[] = [];
    // Different counts so that the kill lands at different points of a write.
    for (const killAfter of [30, 37, 44, 51]) {
      allConfirmed.push(...(await recordThenKill(dir, killAfter)));
      const store = await openFileStore(dir);
      const state = groupStateSchema.parse(await store.readGroup("pain-tue"));
      await store.close();
      const stored = (index: number) => answerKey("console:ana", 1, "process", `item-${index}`) in state.answers;
      const missing = allConfirmed.filter((index) => !stored(index));
      expect(missing).toEqual([]);
      expect(Object.keys(state.answers).length).toBeGreaterThanOrEqual(allConfirmed.length);
    }
    // The journal was folded into the snapshot along the way: it holds more than the first answer.
    const snapshot = groupStateSchema.parse(JSON.parse(await readFile(join(dir, "groups", "pain-tue.json"), "utf8")));
    expect(Object.keys(snapshot.answers).length).toBeGreaterThan(1);
  });
});

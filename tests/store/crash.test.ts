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
  it("keeps a valid group file holding every confirmed answer, kill after kill", async () => {
    const dir = await makeTempDir();
    const file = join(dir, "groups", "pain-tue.json");
    const allConfirmed: number[] = [];
    // Different counts so that the kill lands at different points of a write.
    for (const killAfter of [30, 37, 44, 51]) {
      allConfirmed.push(...(await recordThenKill(dir, killAfter)));
      const state = groupStateSchema.parse(JSON.parse(await readFile(file, "utf8")));
      const stored = (index: number) => answerKey("console:ana", 1, "process", `item-${index}`) in state.answers;
      const missing = allConfirmed.filter((index) => !stored(index));
      expect(missing).toEqual([]);
    }
    const store = await openFileStore(dir);
    expect(Object.keys((await store.readGroup("pain-tue")).answers).length).toBeGreaterThanOrEqual(allConfirmed.length);
    await store.close();
  });
});

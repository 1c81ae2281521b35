import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { AtomicJsonFile } from "../../src/store/atomic-json-file.js";
import { makeTempDir, removeTempDirs } from "./helpers.js";

afterEach(removeTempDirs);

const identity = (json: unknown): unknown => json;

describe("atomic JSON file", () => {
  it("reads null when the file does not exist", async () => {
    const file = new AtomicJsonFile(join(await makeTempDir(), "missing.json"), identity);
    expect(await file.read()).toBeNull();
  });

  it("reads back what it wrote, through the parse function, and leaves no temporary file", async () => {
    const dir = await makeTempDir();
    const file = new AtomicJsonFile(join(dir, "doc.json"), (json) => ({ parsed: json }));
    await file.write({ parsed: { a: 1 } });
    await file.write({ parsed: { a: 2 } });
    expect(await readdir(dir)).toEqual(["doc.json"]);
    expect(JSON.parse(await readFile(join(dir, "doc.json"), "utf8"))).toEqual({ parsed: { a: 2 } });
  });

  it("never lets a reader see a half-written file", async () => {
    const dir = await makeTempDir();
    const path = join(dir, "doc.json");
    const file = new AtomicJsonFile(path, identity);
    const big = (n: number) => ({ n, padding: "x".repeat(200_000) });
    await file.write(big(0));
    let writing = true;
    const reader = (async () => {
      let reads = 0;
      while (writing || reads === 0) {
        expect(JSON.parse(await readFile(path, "utf8"))).toHaveProperty("padding");
        reads++;
      }
    })();
    for (let n = 1; n <= 30; n++) await file.write(big(n));
    writing = false;
    await reader;
  });
});

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const forbidden = ["@slack/", "@microsoft/", "lowdb", "node-cron", "pino", "/platforms/", "/store/", "/app/", "/main/"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

function imports(file: string): string[] {
  return [
    ...readFileSync(file, "utf8").matchAll(
      /(?:import|export)[^"']*?from\s+["']([^"']+)["']|import\(["']([^"']+)["']\)/g,
    ),
  ].map((match) => match[1] ?? match[2] ?? "");
}

describe("the core stays platform-neutral", () => {
  for (const dir of ["src/kernel", "src/core", "src/views", "commands", "schedules"]) {
    it(`${dir} imports no platform SDK, store, scheduler or app code`, () => {
      const offending = sourceFiles(join(root, dir)).flatMap((file) =>
        imports(file)
          .filter((spec) => forbidden.some((bad) => spec.includes(bad)))
          .map((spec) => `${file.slice(root.length + 1)} imports ${spec}`),
      );
      expect(offending).toEqual([]);
    });
  }

  it("only src/main/config.ts reads process.env", () => {
    const readers = ["src", "commands", "schedules"]
      .flatMap((dir) => sourceFiles(join(root, dir)))
      .filter((file) => readFileSync(file, "utf8").includes("process.env"))
      .map((file) => file.slice(root.length + 1));
    expect(readers).toEqual(["src/main/config.ts"]);
  });
});

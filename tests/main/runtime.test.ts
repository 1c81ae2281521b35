import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const manifest = z
  .object({
    engines: z.object({ node: z.string().regex(/^>=\d+\.\d+$/) }),
    devDependencies: z.object({ node: z.string().regex(/^\d+\.\d+\.\d+$/) }),
  })
  .parse(JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "package.json"), "utf8")));

function majorMinor(version: string): [number, number] {
  const [major = 0, minor = 0] = version
    .replace(/^[^\d]*/, "")
    .split(".")
    .map(Number);
  return [major, minor];
}

describe("the Node.js that runs Cohesion", () => {
  it("is at least the version package.json's engines asks for, never the machine's older Node", () => {
    const [major, minor] = majorMinor(process.versions.node);
    const [needMajor, needMinor] = majorMinor(manifest.engines.node);
    expect(major > needMajor || (major === needMajor && minor >= needMinor)).toBe(true);
    expect(major).toBeGreaterThanOrEqual(22);
  });

  it("is the one the project provisions as its `node` dev dependency when run through npm", () => {
    expect(process.versions.node).toBe(manifest.devDependencies.node);
  });
});

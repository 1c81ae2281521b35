import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { cruise, type IViolation } from "dependency-cruiser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const rules = createRequire(import.meta.url)(join(root, ".dependency-cruiser.cjs")) as {
  forbidden: { name: string }[];
  options: Record<string, unknown>;
};

// A small house that breaks every rule once: each file imports what its rule forbids.
const brokenHouse: Record<string, string> = {
  "src/kernel/address.ts": 'import "../core/groups/index.js";',
  "src/core/state.ts": "export const state = 1;",
  "src/core/groups/index.ts": 'export * from "./group.js";',
  "src/core/groups/group.ts": 'import "./sessions.js";\nexport const group = 1;',
  "src/core/groups/sessions.ts": 'import "./group.js";',
  "src/core/climate/climate.ts": 'import "../groups/sessions.js";',
  "src/core/alerts/rules.ts": 'import "../../views/summary.js";\nimport "node-cron";',
  "src/views/summary.ts": 'import "../core/groups/group.js";',
  "src/views/home.ts": 'import "../app/router.js";',
  "commands/help.ts": 'import "../src/app/router.js";',
  "src/app/router.ts": 'import "../platforms/slack/slack-platform.js";',
  "src/app/outbox.ts": 'import "../store/file-store.js";',
  "src/platforms/slack/slack-platform.ts": 'import "../teams/teams-platform.js";',
  "src/platforms/teams/teams-platform.ts": 'import "../../main/main.js";',
  "src/main/main.ts": "export const main = 1;",
  "src/store/file-store.ts": 'import "../views/summary.js";',
};

/** Which rule each broken import must trip: the rule's name, the importing file and the file imported. */
const expected: [rule: string, from: string, to: string][] = [
  ["no-cycles", "src/core/groups/group.ts", "src/core/groups/sessions.ts"],
  ["core-areas-through-their-index", "src/core/climate/climate.ts", "src/core/groups/sessions.ts"],
  ["core-areas-from-outside-through-their-index", "src/views/summary.ts", "src/core/groups/group.ts"],
  ["kernel-depends-on-nothing-of-ours", "src/kernel/address.ts", "src/core/groups/index.ts"],
  ["core-is-rules-and-numbers", "src/core/alerts/rules.ts", "src/views/summary.ts"],
  ["core-and-views-import-no-sdk", "src/core/alerts/rules.ts", "node-cron"],
  ["views-read-the-core-only", "src/views/home.ts", "src/app/router.ts"],
  ["commands-and-schedules-are-core-and-views", "commands/help.ts", "src/app/router.ts"],
  ["app-knows-no-platform-or-store", "src/app/router.ts", "src/platforms/slack/slack-platform.ts"],
  ["no-platform-imports-another", "src/platforms/slack/slack-platform.ts", "src/platforms/teams/teams-platform.ts"],
  ["platforms-know-no-main-or-store", "src/platforms/teams/teams-platform.ts", "src/main/main.ts"],
  ["store-knows-only-kernel-and-state", "src/store/file-store.ts", "src/views/summary.ts"],
  ["only-main-composes", "src/app/outbox.ts", "src/store/file-store.ts"],
];

let house: string;
let violations: IViolation[];

beforeAll(async () => {
  house = mkdtempSync(join(tmpdir(), "cohesion-house-"));
  for (const [path, text] of Object.entries(brokenHouse)) {
    mkdirSync(dirname(join(house, path)), { recursive: true });
    writeFileSync(join(house, path), `${text}\n`);
  }
  writeFileSync(
    join(house, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext" } }),
  );
  symlinkSync(join(root, "node_modules"), join(house, "node_modules"), "dir");
  const cwd = process.cwd();
  process.chdir(house);
  try {
    const result = await cruise(["src", "commands"], {
      ...rules.options,
      ruleSet: { forbidden: rules.forbidden },
      validate: true,
      tsConfig: { fileName: "tsconfig.json" },
    } as never);
    if (typeof result.output === "string") throw new Error("dependency-cruiser returned text, not a result");
    violations = result.output.summary.violations;
  } finally {
    process.chdir(cwd);
  }
}, 60_000);

afterAll(() => rmSync(house, { recursive: true, force: true }));

describe("the dependency rules npm test enforces", () => {
  it("covers every rule in .dependency-cruiser.cjs with a broken import", () => {
    expect(expected.map(([rule]) => rule).sort()).toEqual(rules.forbidden.map((rule) => rule.name).sort());
  });

  for (const [rule, from, to] of expected) {
    it(`${rule}: fails when ${from} imports ${to}`, () => {
      const caught = violations.filter((v) => v.rule.name === rule && v.from === from);
      const targets = caught.flatMap((v) => [v.to, ...(v.cycle ?? []).map((step) => step.name)]);
      expect(targets.some((target) => target === to || target.includes(`node_modules/${to}/`))).toBe(true);
    });
  }
});

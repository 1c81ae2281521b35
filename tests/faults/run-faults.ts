// `npm run test:faults` runs the fault suite at CI counts; `npm run test:faults -- --full` at the full counts.
import { spawnSync } from "node:child_process";

const full = process.argv.includes("--full");
const result = spawnSync("npx", ["vitest", "run", "tests/faults"], {
  stdio: "inherit",
  env: { ...process.env, ...(full ? { FAULTS_FULL: "1" } : {}) },
});
process.exit(result.status ?? 1);

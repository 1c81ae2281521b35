import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    pool: "forks",
    // Test files share each worker's module cache: no file relies on a fresh module graph
    // (checked with shuffled file order), and importing the app once per worker saves ~40 s.
    isolate: false,
    // Vitest's default on a 2-core machine is cores - 1 = 1 worker; the console end-to-end
    // test spends ~33 s waiting on a child process, so a second worker runs everything else meanwhile.
    maxWorkers: 2,
    // Generous, so a busy machine never fails a test: tests wait on events, and a test that starts Cohesion
    // as a child process can take tens of seconds on a loaded 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

import { describe, expect, it } from "vitest";
import { cronLogger } from "../../src/main/wake-up.js";
import { RecordingLogger } from "../support/fakes.js";

describe("the minute wake-up", () => {
  it("writes the scheduler's own warnings through Cohesion's logger", () => {
    const logger = new RecordingLogger();
    cronLogger(logger).warn("missed execution at 10:01! Possible blocking IO");
    expect(logger.lines).toEqual([
      { level: "warn", fields: { source: "node-cron" }, message: "missed execution at 10:01! Possible blocking IO" },
    ]);
  });

  it("logs a scheduler error by its name only, never its text", () => {
    const logger = new RecordingLogger();
    cronLogger(logger).error("Task failed with error!", new TypeError("member slack:U123 said something"));
    cronLogger(logger).error(new RangeError("details"));
    expect(logger.lines).toEqual([
      { level: "error", fields: { source: "node-cron", error: "TypeError" }, message: "Task failed with error!" },
      { level: "error", fields: { source: "node-cron", error: "RangeError" }, message: "scheduler error" },
    ]);
    expect(JSON.stringify(logger.lines)).not.toContain("slack:U123");
  });
});

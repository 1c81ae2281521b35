import { describe, expect, it } from "vitest";
import { retentionOnNewDay, runRetention } from "../../src/main/daily-retention.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { putPulse } from "../support/flows.js";
import { painTueWorld } from "../support/outbox-helpers.js";
import { answeredWorld } from "../commands/erasure-helpers.js";

const answerCount = async (world: Awaited<ReturnType<typeof answeredWorld>>) =>
  Object.keys((await world.store.readGroup("pain-tue")).answers).length;

describe("the daily retention job", () => {
  it("erases a finished group's member records on the console's first look each simulated day, logging counts only", async () => {
    const world = await answeredWorld();
    const onNewDay = retentionOnNewDay(world.ctx);
    world.clock.set("2029-01-19T03:15:00Z");
    await onNewDay();
    expect(await answerCount(world)).toBe(0);
    expect(world.logger.lines.at(-1)).toEqual({
      level: "info",
      fields: { groups: 1, records: expect.any(Number) as number },
      message: "retention applied",
    });

    await world.store.updateGroup("pain-tue", (state) => putPulse(state, "console:ana", 2, 3, "2029-01-19T04:00:00Z"));
    world.clock.set("2029-01-19T23:59:00Z");
    await onNewDay();
    expect(await answerCount(world)).toBe(1);
    world.clock.set("2029-01-20T00:00:00Z");
    await onNewDay();
    expect(await answerCount(world)).toBe(0);
  });

  it("logs a failure by its kind only and resolves, so the next run tries again", async () => {
    const store = new (class extends MemoryStore {
      override updateGroup(): never {
        throw new TypeError("console:ana could not be written");
      }
    })();
    const world = painTueWorld({ store, now: "2029-01-19T03:15:00Z" });
    await expect(runRetention(world.ctx)).resolves.toBeUndefined();
    expect(world.logger.lines).toEqual([
      { level: "error", fields: { error: "TypeError" }, message: "retention failed; the next run tries again" },
    ]);
  });
});

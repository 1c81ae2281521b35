import { afterEach, describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/memory-store.js";
import { startOnStandIn, type StandInRun } from "./stand-in-platform.js";

let run: StandInRun | undefined;
afterEach(async () => {
  await run?.chat.stop();
  run = undefined;
});

describe("GET /healthz", () => {
  it("answers 200 with each platform's state and the last sweep when all is up", async () => {
    run = await startOnStandIn();
    expect(await run.healthz()).toEqual({
      status: 200,
      body: {
        status: "ok",
        platforms: { slack: { ok: true, detail: "stand-in-up" } },
        lastSweep: { at: null, ok: true },
      },
    });
    await run.chat.sweep();
    expect((await run.healthz()).body).toMatchObject({ lastSweep: { at: "2026-11-27T18:00:00.000Z", ok: true } });
  });

  it("answers 503 while a platform is down, and 200 again once it is back", async () => {
    run = await startOnStandIn();
    run.setHealth({ ok: false, detail: "socket-disconnected" });
    expect(await run.healthz()).toMatchObject({
      status: 503,
      body: { status: "down", platforms: { slack: { ok: false, detail: "socket-disconnected" } } },
    });
    run.setHealth({ ok: true, detail: "socket-connected" });
    expect((await run.healthz()).status).toBe(200);
  });

  it("answers 503 once no sweep has succeeded for 3 minutes, and 200 after the next one", async () => {
    run = await startOnStandIn();
    await run.chat.sweep();
    run.advanceMinutes(2);
    expect((await run.healthz()).status).toBe(200);
    run.advanceMinutes(1);
    expect(await run.healthz()).toMatchObject({
      status: 503,
      body: { status: "down", lastSweep: { at: "2026-11-27T18:00:00.000Z", ok: false } },
    });
    await run.chat.sweep();
    expect(await run.healthz()).toMatchObject({ status: 200, body: { lastSweep: { at: "2026-11-27T18:03:00.000Z" } } });
  });

  it("does not count a sweep that could not read a group as a success", async () => {
    let failing = false;
    const store = new (class extends MemoryStore {
      override readGroup(id: string) {
        return failing ? Promise.reject(new Error("unreadable")) : super.readGroup(id);
      }
    })();
    run = await startOnStandIn(undefined, store);
    await run.chat.sweep();
    failing = true;
    run.advanceMinutes(3);
    await run.chat.sweep();
    expect(await run.healthz()).toMatchObject({
      status: 503,
      body: { lastSweep: { at: "2026-11-27T18:00:00.000Z", ok: false } },
    });
  });

  it("counts from the start until the first sweep", async () => {
    run = await startOnStandIn();
    run.advanceMinutes(3);
    expect(await run.healthz()).toMatchObject({ status: 503, body: { lastSweep: { at: null, ok: false } } });
  });

  it("shows no names, ids or secrets, only codes and times", async () => {
    run = await startOnStandIn();
    await run.chat.sweep();
    const shown = JSON.stringify((await run.healthz()).body);
    expect(shown).not.toMatch(/xoxb|U0OPERATOR|console:|slack:|8f742231/);
  });
});

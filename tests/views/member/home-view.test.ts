import { describe, expect, it } from "vitest";
import { homeView } from "../../../src/views/member/home-view.js";
import { toAddress } from "../../../src/kernel/address.js";
import { painTue, putForm, session1Forms, messageText } from "../../support/flows.js";
import { painTueWorld } from "../../support/outbox-helpers.js";

describe("a person's home view", () => {
  it("shows a member the next session with its topic and place, and offers a pause", async () => {
    const world = painTueWorld({ now: painTue.reminder1 });
    const home = await homeView(world.ctx, toAddress("console:ana"));
    expect(messageText(home.message)).toContain("Next: session 1, Tuesday 1 December, 18:00 · Relaxation I");
    expect(messageText(home.message)).toContain("Room 2.14");
    expect(home.pauseControl).toBe("pause");
  });

  it("offers a paused member to resume", async () => {
    const world = painTueWorld({ now: painTue.reminder1 });
    await world.store.updateGroup("pain-tue", (state) => {
      state.paused["console:ana"] = painTue.reminder1;
    });
    const home = await homeView(world.ctx, toAddress("console:ana"));
    expect(home.pauseControl).toBe("resume");
    expect(messageText(home.message)).toContain("paused");
  });

  it("shows a lead the latest published climate, and only once enough members answered", async () => {
    const world = painTueWorld({ now: painTue.checkin1 });
    const collecting = await homeView(world.ctx, toAddress("console:okafor"));
    expect(messageText(collecting.message)).toContain("Session 1: collecting answers until");
    await world.store.updateGroup("pain-tue", (state) => {
      for (const [member, values] of session1Forms.slice(0, 4)) putForm(state, member, 1, values, painTue.checkin1);
    });
    world.clock.set(painTue.closes1);
    const tooFew = await homeView(world.ctx, toAddress("console:okafor"));
    expect(messageText(tooFew.message)).toContain("not enough responses to show figures");
    expect(messageText(tooFew.message)).not.toMatch(/Engaged \d/);
    expect(tooFew.pauseControl).toBeUndefined();
  });
});

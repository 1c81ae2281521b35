import { describe, expect, it } from "vitest";
import { applyRetention, retentionDueAt } from "../../../src/core/erasure/index.js";
import { withoutChain } from "../../support/audit-entries.js";
import { groupById } from "../../support/flows.js";
import { answeredWorld, chainHolds, session1Figures } from "../../commands/erasure-helpers.js";

describe("retention: a group's member-level records go some time after its last session", () => {
  it("falls due 730 days (about 2 years) after the group's last session ends, by default", async () => {
    const world = await answeredWorld();
    expect(retentionDueAt(world.ctx, groupById(world, "pain-tue"))?.toISOString()).toBe("2029-01-18T19:30:00.000Z");
  });

  it("erases nothing and audits nothing before then", async () => {
    const world = await answeredWorld();
    const before = await world.store.readGroup("pain-tue");
    world.clock.set("2029-01-18T19:29:00Z");
    expect(await applyRetention(world.ctx)).toEqual({ groups: 0, records: 0 });
    expect(await world.store.readGroup("pain-tue")).toEqual(before);
  });

  it("then erases answers, messages, RSVPs, prompts and the outbox, keeping the audit log and the published figures", async () => {
    const world = await answeredWorld();
    await world.dispatcher.sweep();
    const figures = await session1Figures(world);
    world.clock.set("2029-01-19T03:15:00Z");
    expect(await applyRetention(world.ctx)).toMatchObject({ groups: 1 });
    const state = await world.store.readGroup("pain-tue");
    expect([state.answers, state.messages, state.rsvps, state.prompts, state.outbox]).toEqual([{}, {}, {}, {}, {}]);
    const { subscales, pulse, respondents } = figures ?? {};
    expect(await session1Figures(world)).toMatchObject({ subscales, pulse, respondents });
    expect(await chainHolds(world)).toBe(true);
    const audit = withoutChain(state.audit).at(-1);
    expect(audit).toMatchObject({ actor: "cohesion", action: "retention-applied" });
    expect(audit?.subject).toMatch(/^answers=66 messages=1 rsvps=1 prompts=\d+ deliveries=\d+ other=\d+$/);
  });

  it("a second run changes nothing and audits nothing", async () => {
    const world = await answeredWorld();
    world.clock.set("2029-01-19T03:15:00Z");
    await applyRetention(world.ctx);
    const once = await world.store.readGroup("pain-tue");
    world.clock.set("2029-01-20T03:15:00Z");
    expect(await applyRetention(world.ctx)).toEqual({ groups: 0, records: 0 });
    expect(await world.store.readGroup("pain-tue")).toEqual(once);
  });
});

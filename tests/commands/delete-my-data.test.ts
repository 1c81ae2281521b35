import { describe, expect, it } from "vitest";
import { DeliveryError } from "../../src/kernel/errors.js";
import { withoutChain } from "../support/audit-entries.js";
import { sweepAt } from "../support/outbox-helpers.js";
import { shown } from "./status-helpers.js";
import {
  ana,
  answeredWorld,
  ask,
  buttonOf,
  chainHolds,
  okafor,
  press,
  sam,
  session1Figures,
} from "./erasure-helpers.js";

const theirs = (record: object) => Object.keys(record).filter((key) => key.startsWith(`${ana}|`));

describe("delete my data: a member erases their own answers and messages", () => {
  it("asks first, with a button, and changes nothing until it is pressed", async () => {
    const world = await answeredWorld();
    const reply = await ask(world, ana, "delete my data");
    expect(shown(reply)).toContain("This deletes your answers and the messages you wrote");
    expect(buttonOf(reply)).toMatchObject({ action: "delete-data-confirm", label: "Delete my data" });
    expect(theirs((await world.store.readGroup("pain-tue")).answers)).toHaveLength(14);
  });

  it("deletes their answers, messages and RSVPs on the button, keeps published figures, and audits without naming them", async () => {
    const world = await answeredWorld();
    const figures = await session1Figures(world);
    const button = buttonOf(await ask(world, ana, "delete my data"));
    expect(await press(world, ana, button)).toBe(
      "Done. Your answers and messages are deleted (14 answers, 1 message), and your leads have been told. Figures already shared for the group as a whole stay as they were, without your name.",
    );
    const state = await world.store.readGroup("pain-tue");
    expect(theirs(state.answers)).toEqual([]);
    expect(theirs(state.rsvps)).toEqual([]);
    expect(Object.values(state.messages).filter((m) => m.member === ana)).toEqual([]);
    expect(await session1Figures(world)).toEqual({ ...figures, keptFrom: 5 });
    expect(await chainHolds(world)).toBe(true);
    expect(withoutChain(state.audit).map((e) => [e.actor, e.action])).toEqual([["cohesion", "member-erased-own-data"]]);
  });

  it("tells each of the group's leads privately that it was done, and nobody else", async () => {
    const world = await answeredWorld();
    await ask(world, ana, "delete my data confirm");
    await sweepAt(world, "2026-12-08T19:46:00Z");
    const told = world.messenger.sent.filter((s) => s.message.text.includes("asked for their answers and messages"));
    expect(told.map((s) => s.to).sort()).toEqual([okafor, sam]);
    expect(told[0]?.message.blocks[0]).toEqual({
      type: "mention",
      address: ana,
      text: "asked for their answers and messages in Chronic pain skills, Tuesday evening to be deleted; this is done.",
    });
  });

  it("still tells the leads, without naming the member, when a lead erased them before the note went out", async () => {
    const world = await answeredWorld();
    await ask(world, ana, "delete my data confirm");
    world.messenger.failFor = () => new DeliveryError("timeout", true);
    await sweepAt(world, "2026-12-08T19:46:00Z");
    await ask(world, okafor, "forget pain-tue ana confirm");
    world.messenger.failFor = () => undefined;
    await sweepAt(world, "2026-12-08T20:46:00Z");
    const told = world.messenger.sent.filter((s) => s.message.text.includes("asked for their answers and messages"));
    expect(told.map((s) => s.to).sort()).toEqual([okafor, sam]);
    expect(JSON.stringify(told.map((s) => s.message))).not.toContain(ana);
  });

  it("still tells the leads, without naming the member, when a lead erased them before any sweep", async () => {
    const world = await answeredWorld();
    await ask(world, ana, "delete my data confirm");
    await ask(world, okafor, "forget pain-tue ana confirm");
    await sweepAt(world, "2026-12-08T19:46:00Z");
    const told = world.messenger.sent.filter((s) => s.message.text.includes("asked for their answers and messages"));
    expect(told.map((s) => s.to).sort()).toEqual([okafor, sam]);
    expect(JSON.stringify(told.map((s) => s.message))).not.toContain(ana);
    const deletions = Object.values((await world.store.readGroup("pain-tue")).ownDataDeletions);
    expect(deletions.map((deletion) => deletion.member)).toEqual([undefined]);
  });

  it("a second press, or someone else's, changes nothing more", async () => {
    const world = await answeredWorld();
    const button = buttonOf(await ask(world, ana, "delete my data"));
    expect(await press(world, "console:ben", button)).toBe(
      "Only the person who asked can confirm this. Nothing was changed.",
    );
    await press(world, ana, button);
    expect(await press(world, ana, button)).toContain("already done");
    expect((await world.store.readGroup("pain-tue")).audit).toHaveLength(1);
  });

  it("an expired button deletes nothing", async () => {
    const world = await answeredWorld();
    const button = buttonOf(await ask(world, ana, "delete my data"));
    world.clock.advanceHours(1);
    expect(await press(world, ana, button)).toContain("more than 15 minutes old");
    expect(theirs((await world.store.readGroup("pain-tue")).answers)).toHaveLength(14);
  });
});

import { describe, expect, it } from "vitest";
import { withoutChain } from "../support/audit-entries.js";
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

const anaKeys = (record: object) => Object.keys(record).filter((key) => key.includes("console:ana"));

describe("forget <group> <member>: a lead erases a member's data", () => {
  it("says what will be erased and offers a button, changing nothing until it is pressed", async () => {
    const world = await answeredWorld();
    const before = await world.store.readGroup("pain-tue");
    const reply = await ask(world, okafor, "forget pain-tue ana");
    expect(shown(reply)).toContain(
      "ana will have their data in Chronic pain skills, Tuesday evening erased once you confirm: 14 answers, 1 message, 1 RSVP",
    );
    expect(shown(reply)).toContain("Or type exactly: `forget pain-tue ana confirm`");
    expect(shown(reply)).toContain("still a member in cohesion.yaml");
    expect(buttonOf(reply)).toMatchObject({ action: "forget-confirm", label: "Erase their data" });
    const after = await world.store.readGroup("pain-tue");
    expect(after.answers).toEqual(before.answers);
    expect(after.messages).toEqual(before.messages);
  });

  it("erases the member's answers, messages and RSVPs when the lead presses it, keeping published figures and a sound audit chain", async () => {
    const world = await answeredWorld();
    const figures = await session1Figures(world);
    const button = buttonOf(await ask(world, okafor, "forget pain-tue ana"));
    expect(await press(world, okafor, button)).toContain(
      "Done: their data in Chronic pain skills, Tuesday evening is erased",
    );
    const state = await world.store.readGroup("pain-tue");
    expect(anaKeys(state.answers)).toEqual([]);
    expect(anaKeys(state.rsvps)).toEqual([]);
    expect(Object.values(state.messages).filter((m) => m.member === ana)).toEqual([]);
    expect(Object.keys(state.answers).some((key) => key.startsWith("console:ben|"))).toBe(true);
    expect(await session1Figures(world)).toEqual({ ...figures, keptFrom: 5 });
    expect(await chainHolds(world)).toBe(true);
    const audit = withoutChain(state.audit);
    expect(audit.map((entry) => [entry.actor, entry.action])).toEqual([[okafor, "member-erased"]]);
    expect(audit[0]?.subject).toMatch(/^answers=14 messages=1 rsvps=1 /);
    expect(JSON.stringify(state.audit)).not.toContain("ana");
  });

  it("refuses a press by another lead, and changes nothing", async () => {
    const world = await answeredWorld();
    const button = buttonOf(await ask(world, okafor, "forget pain-tue ana"));
    expect(await press(world, sam, button)).toBe(
      "Only the lead who asked to erase this member's data can confirm it. Nothing was changed.",
    );
    expect(anaKeys((await world.store.readGroup("pain-tue")).answers)).toHaveLength(14);
  });

  it("refuses a button more than 15 minutes old, kindly, and changes nothing", async () => {
    const world = await answeredWorld();
    const button = buttonOf(await ask(world, okafor, "forget pain-tue ana"));
    world.clock.advanceHours(0.26);
    expect(await press(world, okafor, button)).toContain("more than 15 minutes old, so I haven't erased anything");
    expect(anaKeys((await world.store.readGroup("pain-tue")).answers)).toHaveLength(14);
  });

  it("a second press changes nothing more and audits nothing more", async () => {
    const world = await answeredWorld();
    const button = buttonOf(await ask(world, okafor, "forget pain-tue ana"));
    await press(world, okafor, button);
    expect(await press(world, okafor, button)).toContain("already been used");
    expect((await world.store.readGroup("pain-tue")).audit).toHaveLength(1);
  });

  it("erases at once when the lead types the confirm line", async () => {
    const world = await answeredWorld();
    expect(shown(await ask(world, sam, "forget pain-tue console:ana confirm"))).toContain("Done");
    expect(anaKeys((await world.store.readGroup("pain-tue")).answers)).toEqual([]);
  });

  it("is only for the group's leads: the care team and members are refused and nothing changes", async () => {
    const world = await answeredWorld();
    expect(shown(await ask(world, "console:care-team", "forget pain-tue ana confirm"))).toContain(
      "Only the leads of Chronic pain skills, Tuesday evening can erase a member's data",
    );
    expect(shown(await ask(world, "console:ben", "forget pain-tue ana confirm"))).toContain(
      "for the group's leads and care team",
    );
    expect(anaKeys((await world.store.readGroup("pain-tue")).answers)).toHaveLength(14);
  });
});

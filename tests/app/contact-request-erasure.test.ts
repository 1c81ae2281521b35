import { describe, expect, it } from "vitest";
import { DeliveryError } from "../../src/kernel/errors.js";
import { replyText } from "../support/flows.js";
import { groupId, leads, marks, sentContaining, sweepAt } from "../support/outbox-helpers.js";
import { afterSessionOne, ana, answerOffer } from "./contact-helpers.js";

const deleteMyData = { type: "command", from: ana, text: "delete my data confirm" } as const;

describe("a member who asked for a lead to get in touch, then deletes their data", () => {
  it("still gets the call when the leads had not been told yet, and is told their request stays", async () => {
    const world = await afterSessionOne();
    world.messenger.failFor = () => new DeliveryError("timeout", true);
    await answerOffer(world, "contact-yes");
    const reply = replyText(await world.interactions.handle(deleteMyData));
    expect(reply).toContain("Your request for a lead to get in touch is still on its way to them, so that stays.");
    world.messenger.failFor = () => undefined;
    await sweepAt(world, "2026-12-01T21:00:00Z");
    const told = sentContaining(world, marks["contact-request"]);
    expect(told.map((sent) => sent.to).sort()).toEqual([...leads].sort());
    const state = await world.store.readGroup(groupId);
    expect(Object.keys(state.answers).filter((key) => key.startsWith(`${ana}|`))).toEqual([]);
  });

  it("loses the request with the rest once the leads have it", async () => {
    const world = await afterSessionOne();
    await answerOffer(world, "contact-yes");
    expect(sentContaining(world, marks["contact-request"])).toHaveLength(leads.length);
    const reply = replyText(await world.interactions.handle(deleteMyData));
    expect(reply).not.toContain("still on its way");
    expect((await world.store.readGroup(groupId)).contactRequests).toEqual({});
  });
});

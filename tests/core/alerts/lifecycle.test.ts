import { describe, expect, it } from "vitest";
import type { Button, Message } from "../../../src/kernel/message.js";
import { replyText } from "../../support/flows.js";
import {
  allText,
  at,
  buttonsOf,
  careTeam,
  leads,
  members,
  sentContaining,
  sweepAt,
} from "../../support/outbox-helpers.js";
import { exampleConfig } from "../../support/example-setup.js";
import { makeWorld, type World } from "../../support/world.js";
import { withoutChain } from "../../support/audit-entries.js";

const [ana = members[0]!, ben = members[1]!] = members;
const [okafor = leads[0]!, sam = leads[1]!] = leads;
const distressHeadline = "A member gave a distress answer";

// The pulse only offers contact, so these alerts come from a clinic's rule on another item it asks.
const tenseAndAnxious = { "gcq-12": 6 };

async function distressAfterSessionOne(): Promise<{ world: World; reply: Message }> {
  const config = exampleConfig((c) => ({
    organisation: {
      ...c.organisation,
      analytics: { ...c.organisation.analytics, distress: [{ item: "gcq-12", atOrAbove: 6 }] },
    },
    groups: c.groups.filter((g) => g.id === "pain-tue"),
  }));
  const world = makeWorld({ now: at.beforeEverything, config });
  for (const instant of [at.beforeEverything, at.orientationDue, at.reminder1Due, at.checkin1Due])
    await sweepAt(world, instant);
  const checkin = sentContaining(world, "Thank you for being part of today's session").find((s) => s.to === ana)!;
  const promptId = checkin.message.blocks.find((b) => b.type === "choice")!.promptId;
  world.messenger.sent.length = 0;
  const outcome = await world.interactions.handle({ type: "form", from: ana, promptId, answers: tenseAndAnxious });
  if (!("reply" in outcome)) throw new Error("expected a reply");
  expect(outcome.replacesPrompt).toBe(true);
  return { world, reply: outcome.reply };
}

function alertButton(world: World, to: string, action: Button["action"]): Button {
  const message = world.messenger.sent
    .filter((s) => s.to === to && allText(s.message).includes("Alert about"))
    .at(-1)?.message;
  const button = message && buttonsOf(message).find((b) => b.action === action);
  if (!button) throw new Error(`no ${action} button sent to ${to}`);
  return button;
}

describe("a distress answer", () => {
  it("shows the member at once where to get help now, kindly, and that their leaders will see it", async () => {
    const { reply } = await distressAfterSessionOne();
    expect(reply.text).toContain("Thank you, that's saved. It sounds like things are hard right now.");
    expect(reply.text).toContain("Your group leaders will see this and may get in touch.");
    expect(reply.text).toContain("If you need help now:");
    expect(reply.text).toContain("• Samaritans are there day and night: call 116 123 (free).");
  });

  it("reaches both leads at once, naming the member, and nobody else", async () => {
    const { world } = await distressAfterSessionOne();
    const alerts = sentContaining(world, distressHeadline);
    expect(alerts.map((s) => s.to).sort()).toEqual([...leads].sort());
    expect(alerts[0]?.message.blocks).toContainEqual({
      type: "mention",
      address: ana,
      text: 'In session 1 they answered "Extremely" (6) to "The members appeared tense and anxious.".',
    });
    expect(allText(alerts[0]!.message)).toContain("Please contact them individually today.");
    expect(world.messenger.sent.filter((s) => s.to === careTeam || members.includes(s.to))).toEqual([]);
  });

  it("still reads clearly to the leads once a lead has erased the member's data", async () => {
    const { world } = await distressAfterSessionOne();
    const button = alertButton(world, sam, "alert-acknowledge");
    await world.interactions.handle({ type: "command", from: okafor, text: "forget pain-tue ana confirm" });
    const outcome = await world.interactions.handle({ type: "button", from: sam, ...button });
    const shown = "reply" in outcome ? allText(outcome.reply) : "";
    expect(shown).toContain("the answer has since been erased at the member's or a lead's request");
    expect(shown).not.toContain("undefined");
  });

  it("keeps naming the member while nobody has resolved it, even after they delete their own data", async () => {
    const { world } = await distressAfterSessionOne();
    await world.interactions.handle({ type: "command", from: ana, text: "delete my data confirm" });
    const alert = Object.values((await world.store.readGroup("pain-tue")).alerts).find((a) => a.kind === "distress");
    expect(alert).toMatchObject({ member: ana, value: 6 });
  });

  it("is logged as a count and a kind only", async () => {
    const { world } = await distressAfterSessionOne();
    const logged = JSON.stringify(world.logger.lines);
    expect(logged).toContain('"kind":"distress"');
    expect(logged).not.toMatch(/ana|Extremely|console:/);
  });

  it("alerts once however often the member taps it", async () => {
    const { world } = await distressAfterSessionOne();
    const state = await world.store.readGroup("pain-tue");
    const promptId = Object.entries(state.prompts).find(([, p]) => p.kind === "checkin" && p.recipient === ana)![0];
    await world.interactions.handle({ type: "form", from: ana, promptId, answers: tenseAndAnxious });
    expect(sentContaining(world, distressHeadline)).toHaveLength(2);
    expect(
      Object.values((await world.store.readGroup("pain-tue")).alerts).filter((a) => a.kind === "distress"),
    ).toHaveLength(1);
  });
});

describe("acting on an alert", () => {
  it("a lead acknowledges it: the message is replaced with who and when, and the audit log records it", async () => {
    const { world } = await distressAfterSessionOne();
    const button = alertButton(world, okafor, "alert-acknowledge");
    const outcome = await world.interactions.handle({
      type: "button",
      from: okafor,
      promptId: button.promptId,
      action: "alert-acknowledge",
    });
    expect(outcome).toMatchObject({ replacesPrompt: true });
    const reply = "reply" in outcome ? outcome.reply : undefined;
    expect(reply?.blocks).toContainEqual({
      type: "mention",
      address: okafor,
      text: "marked it acknowledged, Tuesday 1 December, 19:40.",
    });
    expect(buttonsOf(reply!).map((b) => b.label)).toEqual(["Resolved"]);
    const state = await world.store.readGroup("pain-tue");
    expect(withoutChain(state.audit)).toEqual([
      { at: "2026-12-01T19:40:00.000Z", actor: okafor, action: "alert-acknowledged", subject: button.promptId },
    ]);
  });

  it("pressing again changes nothing and says so", async () => {
    const { world } = await distressAfterSessionOne();
    const button = alertButton(world, okafor, "alert-acknowledge");
    await world.interactions.handle({
      type: "button",
      from: okafor,
      promptId: button.promptId,
      action: "alert-acknowledge",
    });
    const again = await world.interactions.handle({
      type: "button",
      from: sam,
      promptId: button.promptId,
      action: "alert-acknowledge",
    });
    expect(allText("reply" in again ? again.reply : { text: "", blocks: [] })).toContain(
      "This alert was already acknowledged, Tuesday 1 December, 19:40; nothing was changed.",
    );
    expect((await world.store.readGroup("pain-tue")).audit).toHaveLength(1);
  });

  it("the other lead resolves it, and it is recorded with who and when", async () => {
    const { world } = await distressAfterSessionOne();
    const button = alertButton(world, sam, "alert-resolve");
    world.clock.advanceHours(2);
    await world.interactions.handle({ type: "button", from: sam, promptId: button.promptId, action: "alert-resolve" });
    const state = await world.store.readGroup("pain-tue");
    expect(Object.values(state.alerts)[0]?.history).toEqual([
      { status: "resolved", by: sam, at: "2026-12-01T21:40:00.000Z" },
    ]);
    expect(state.audit.map((e) => [e.actor, e.action])).toEqual([[sam, "alert-resolved"]]);
  });

  it("a member, or the care team channel, cannot act on an alert about a member", async () => {
    const { world } = await distressAfterSessionOne();
    const button = alertButton(world, okafor, "alert-acknowledge");
    for (const event of [
      { from: ben, promptId: button.promptId, action: "alert-acknowledge" },
      { from: careTeam, promptId: button.promptId, action: "alert-resolve" },
      { from: "console:nurse-pat", channel: careTeam, promptId: button.promptId, action: "alert-acknowledge" },
    ]) {
      const outcome = await world.interactions.handle({ type: "button", ...event });
      expect(replyText(outcome)).toMatch(/^Alerts are for the group's leads/);
      expect("replacesPrompt" in outcome).toBe(false);
    }
    const state = await world.store.readGroup("pain-tue");
    expect(state.audit).toEqual([]);
    expect(Object.values(state.alerts)[0]?.history).toEqual([]);
  });

  it("an unknown alert id gets a kind reply and changes nothing", async () => {
    const { world } = await distressAfterSessionOne();
    const outcome = await world.interactions.handle({
      type: "button",
      from: okafor,
      promptId: "abcdef12.0123456789abcdef",
      action: "alert-resolve",
    });
    expect(replyText(outcome)).toBe("Sorry, I can't find that alert any more, so nothing was changed.");
  });
});

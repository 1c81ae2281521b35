import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Form, Message } from "../../../src/kernel/message.js";
import { renderForm, renderMessage } from "../../../src/platforms/teams/render/message.js";
import { fileNote } from "../../../src/platforms/teams/deliver/messenger.js";
import { putSession1Answers } from "../../support/flows.js";
import { at, groupId, leads, members, painTueWorld, sweepAt } from "../../support/outbox-helpers.js";
import { message as anyMessage } from "../slack/block-kit-arbitraries.js";
import { schemaProblems } from "./adaptive-card-schema.js";
import { cardProblems } from "./cards.js";

const context = { names: new Map<string, string>(), fileNote: fileNote(true) };

/** What a group's first session makes Cohesion send, gathered through the real schedules, commands and replies. */
async function firstSessionsMessages(): Promise<{ messages: Message[]; forms: Form[] }> {
  const world = painTueWorld();
  const [ana] = members;
  const [lead] = leads;
  for (const instant of [at.orientationDue, at.reminder1Due, at.checkin1Due, at.nudge1Due])
    await sweepAt(world, instant);
  await world.store.updateGroup(groupId, (state) => putSession1Answers(state, at.nudge1Due));
  await world.interactions.handle({ type: "text", from: ana, text: "I felt very low after the session" });
  await sweepAt(world, at.window1Closes);
  const replies: Message[] = [];
  for (const [from, text] of [
    [lead, "summary pain-tue"],
    [lead, "help"],
    [ana, "help"],
    [ana, "pause"],
  ] as const) {
    const outcome = await world.interactions.handle({ type: "command", from, text });
    if ("reply" in outcome) replies.push(outcome.reply);
  }
  return {
    messages: [...world.messenger.sent.map((s) => s.message), ...replies],
    forms: world.messenger.forms.map((f) => f.form),
  };
}

describe("every Adaptive Card Cohesion renders", () => {
  it("is valid Adaptive Cards 1.5 for Microsoft's schema and SDK: orientation, reminders, check-ins, nudges, digests, alerts, summaries, help", async () => {
    const { messages, forms } = await firstSessionsMessages();
    const kinds = new Set(messages.flatMap((m) => m.blocks.map((b) => b.type)));
    expect([...kinds]).toEqual(expect.arrayContaining(["text", "context", "choice", "buttons", "fields"]));
    expect(messages.length).toBeGreaterThan(20);
    for (const message of messages) {
      const { card } = renderMessage(message, context);
      expect({ text: message.text, problems: schemaProblems(card) }).toEqual({ text: message.text, problems: [] });
      expect(cardProblems(card)).toEqual([]);
    }
    for (const form of forms) expect(schemaProblems(renderForm(form).card)).toEqual([]);
  });

  it("keeps any message, however extreme, valid for the schema", () => {
    fc.assert(
      // Up to 12 blocks each: the renderer's work grows with the blocks, and 12 already exceed any real message.
      fc.property(
        anyMessage.map((m) => ({ ...m, blocks: m.blocks.slice(0, 12) })),
        (message) => {
          const { card } = renderMessage(message, context);
          expect(schemaProblems(card)).toEqual([]);
        },
      ),
      { numRuns: 12 },
    );
  });
});

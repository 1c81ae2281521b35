import { describe, expect, it } from "vitest";
import { memberTextLimit } from "../../../src/kernel/events.js";
import { replyText } from "../../support/flows.js";
import { allText, at, careTeam, leads, members, sentContaining, sweptThrough } from "../../support/outbox-helpers.js";

const [ana = members[0]!] = members;
const riskHeadline = "A member's message may suggest risk";
const words = "Some nights I think everyone would be better off dead without me";

async function afterSessionOne() {
  const world = await sweptThrough([at.orientationDue, at.reminder1Due, at.checkin1Due]);
  world.messenger.sent.length = 0;
  return world;
}

describe("free text a member sends", () => {
  it("that suggests risk: the member sees where to get help now, and both leads get it at once with the words", async () => {
    const world = await afterSessionOne();
    const outcome = await world.interactions.handle({ type: "text", from: ana, text: words });
    expect(replyText(outcome)).toContain(
      "Thank you for telling me. Your group leaders will see this and may get in touch.",
    );
    expect(replyText(outcome)).toContain("If you need help now:");
    const alerts = sentContaining(world, riskHeadline);
    expect(alerts.map((s) => s.to).sort()).toEqual([...leads].sort());
    expect(allText(alerts[0]!.message)).toContain(`They wrote: "${words}"`);
    expect(alerts[0]?.message.blocks).toContainEqual(expect.objectContaining({ type: "mention", address: ana }));
  });

  it("that suggests risk never reaches the care team or other members, and is never logged", async () => {
    const world = await afterSessionOne();
    await world.interactions.handle({ type: "text", from: ana, text: words });
    expect(world.messenger.sent.filter((s) => s.to === careTeam || members.includes(s.to))).toEqual([]);
    expect(JSON.stringify(world.logger.lines)).not.toMatch(/better off|dead|console:ana/);
  });

  it("typed as a command is caught the same way", async () => {
    const world = await afterSessionOne();
    const outcome = await world.interactions.handle({ type: "command", from: ana, text: "i can't go on" });
    expect(replyText(outcome)).toContain("If you need help now:");
    expect(sentContaining(world, riskHeadline)).toHaveLength(2);
  });

  it("that starts with a command's name runs the command, like typing it after the slash", async () => {
    const world = await afterSessionOne();
    const outcome = await world.interactions.handle({ type: "text", from: ana, text: "pause" });
    expect(replyText(outcome)).toContain("pause");
    expect((await world.store.readGroup("pain-tue")).paused[ana]).toBeDefined();
  });

  it("that starts with a command's name is still checked for risk first", async () => {
    const world = await afterSessionOne();
    const outcome = await world.interactions.handle({ type: "text", from: ana, text: `pause ${words}` });
    expect(replyText(outcome)).toContain("If you need help now:");
    expect(sentContaining(world, riskHeadline)).toHaveLength(2);
  });

  it("that is long is still read to the end", async () => {
    const world = await afterSessionOne();
    const outcome = await world.interactions.handle({
      type: "text",
      from: ana,
      text: `${"It has been a long week. ".repeat(400)}${words}`,
    });
    expect(replyText(outcome)).toContain("If you need help now:");
    expect(sentContaining(world, riskHeadline)).toHaveLength(2);
  });

  it("that is ordinary reaches both leads privately, with the group and the time, and raises no alert", async () => {
    const world = await afterSessionOne();
    const ordinary = "Thanks, the breathing exercise helped";
    const outcome = await world.interactions.handle({ type: "text", from: ana, text: ordinary });
    expect(replyText(outcome)).toContain("I've passed your message to your group leaders.");
    expect(replyText(outcome)).toContain(
      "Your leads read these messages during working hours. This chat is not watched around the clock.",
    );
    expect(replyText(outcome)).toContain("If you need help now:");
    const forLeads = sentContaining(world, "Message from a member of");
    expect(forLeads.map((s) => s.to).sort()).toEqual([...leads].sort());
    expect(allText(forLeads[0]!.message)).toContain(ordinary);
    expect(allText(forLeads[0]!.message)).toContain("wrote to Cohesion on Tuesday 1 December");
    expect(forLeads[0]?.message.blocks).toContainEqual(expect.objectContaining({ type: "mention", address: ana }));
    expect(world.messenger.sent.filter((s) => s.to === careTeam || members.includes(s.to))).toEqual([]);
    expect(JSON.stringify(world.logger.lines)).not.toMatch(/breathing|console:ana/);
    expect((await world.store.readGroup("pain-tue")).alerts).toEqual({});
  });

  it("that only starts like a command they may not run still reaches the leads", async () => {
    const world = await afterSessionOne();
    for (const text of ["Status update: I'm back in hospital", "pause for a bit, I'm in hospital", "summary please"]) {
      const outcome = await world.interactions.handle({ type: "text", from: ana, text });
      expect(replyText(outcome)).toContain("I've passed your message to your group leaders.");
    }
    expect(sentContaining(world, "Message from a member of")).toHaveLength(3 * leads.length);
    expect((await world.store.readGroup("pain-tue")).paused[ana]).toBeUndefined();
  });

  it("that is ordinary reaches the leads once, even when the platform delivers it twice", async () => {
    const world = await afterSessionOne();
    for (let i = 0; i < 2; i++) await world.interactions.handle({ type: "text", from: ana, text: "See you Tuesday" });
    expect(sentContaining(world, "Message from a member of")).toHaveLength(leads.length);
  });

  it("that is ordinary, from someone in no group, tells them nobody reads it here and where to get help", async () => {
    const world = await afterSessionOne();
    const outcome = await world.interactions.handle({ type: "text", from: "console:stranger", text: "hello" });
    expect(replyText(outcome)).toContain("I can't answer messages myself");
    expect(replyText(outcome)).toContain("If you need help now:");
    expect(world.messenger.sent).toEqual([]);
  });

  it("from someone outside every group raises nothing", async () => {
    const world = await afterSessionOne();
    await world.interactions.handle({ type: "text", from: "console:stranger", text: words });
    expect(world.messenger.sent).toEqual([]);
  });

  it("that is empty or too long is refused kindly", async () => {
    const world = await afterSessionOne();
    for (const text of ["", "x".repeat(memberTextLimit + 1)])
      expect(replyText(await world.interactions.handle({ type: "text", from: ana, text }))).toBe(
        "Sorry, I couldn't read that, so nothing was saved. Please try again.",
      );
  });
});

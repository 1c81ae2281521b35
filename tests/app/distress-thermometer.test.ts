import { describe, expect, it } from "vitest";
import { groupClimate } from "../../src/core/climate/index.js";
import { answerKey } from "../../src/core/state.js";
import { answersCsv } from "../../src/views/exports/answers-export.js";
import { thermometerConfig } from "../support/distress-thermometer.js";
import { checkinPromptId, formOf, gcqAnswers, groupById, painTue, replyText, sweepAt } from "../support/flows.js";
import { leads, careTeam, marks, members, sentContaining } from "../support/outbox-helpers.js";
import { exampleConfig } from "../support/example-setup.js";
import { makeWorld, type World } from "../support/world.js";

const [ana = members[0]!, ben = members[1]!] = members;
const gcq = [5, 4, 2, 6, 3, 1, 0, 3, 2, 0, 4, 1];

async function afterSession1(world: World): Promise<string> {
  await sweepAt(world, painTue.checkin1);
  return checkinPromptId(world, ana);
}

const thermometerWorld = () => makeWorld({ config: exampleConfig(thermometerConfig) });

async function sendForm(world: World, from: string, promptId: string, dt: number | null) {
  const answers = { ...gcqAnswers(gcq), "dt-1": dt };
  return world.interactions.handle({ type: "form", from, promptId, answers });
}

describe("a clinic's distress thermometer in the check-in", () => {
  it("follows the GCQ-S in the full check-in, 0 to 10, saying it is about the member", async () => {
    const world = thermometerWorld();
    const prompt = await afterSession1(world);
    const form = formOf(
      await world.interactions.handle({ type: "button", from: ana, promptId: prompt, action: "open-form" }),
    );
    expect(form.questions.map((q) => q.itemId)).toEqual([...gcq.map((_, i) => `gcq-${i + 1}`), "dt-1"]);
    const dt = form.questions.at(-1);
    expect(dt?.text).toBe(
      "And about you, not the group: How much distress have you been feeling in the past week, including today?",
    );
    expect(dt?.options.map((o) => o.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect([dt?.options[0]?.label, dt?.options[10]?.label]).toEqual(["No distress", "Extreme distress"]);
  });

  it("is not asked, nor accepted, in a group that has not added it", async () => {
    const world = makeWorld();
    const prompt = await afterSession1(world);
    const form = formOf(
      await world.interactions.handle({ type: "button", from: ana, promptId: prompt, action: "open-form" }),
    );
    expect(form.questions.map((q) => q.itemId)).not.toContain("dt-1");
    expect(replyText(await sendForm(world, ana, prompt, 2))).toContain("I didn't recognise that question");
  });

  it("stores an answer below 4 like any other, with a plain thank-you and no alert", async () => {
    const world = thermometerWorld();
    const prompt = await afterSession1(world);
    expect(replyText(await sendForm(world, ana, prompt, 3))).toMatch(/go only to your group leaders/);
    const state = await world.store.readGroup("pain-tue");
    expect(state.answers[answerKey(ana, 1, "distress-thermometer", "dt-1")]?.value).toBe(3);
    expect(state.alerts).toEqual({});
  });

  it("answered 4 or more, shows the crisis lines and alerts both leads at once, privately, then escalates", async () => {
    const world = thermometerWorld();
    const prompt = await afterSession1(world);
    const before = world.messenger.sent.length;
    const reply = replyText(await sendForm(world, ana, prompt, 7));
    expect(reply).toContain("It sounds like things are hard right now.");
    expect(reply).toContain("Samaritans");
    const told = world.messenger.sent.slice(before).filter((s) => s.message.text.includes(marks.alert));
    expect(told.map((s) => s.to).sort()).toEqual([...leads].sort());
    expect(JSON.stringify(told[0]?.message)).toContain('answered 7 to \\"How much distress');
    expect(sentContaining(world, marks.alert).map((s) => s.to)).not.toContain(careTeam);
    const alerts = Object.values((await world.store.readGroup("pain-tue")).alerts);
    expect(alerts).toMatchObject([{ kind: "distress", item: "dt-1", value: 7, member: ana }]);
    world.clock.advanceHours(1.1);
    await world.dispatcher.sweep();
    expect(sentContaining(world, marks.escalation).map((s) => s.to)).toEqual(["console:patel"]);
  });

  it("leaves the climate's figures exactly as the GCQ-S and pulse alone give them", async () => {
    const withDt = thermometerWorld();
    const without = makeWorld();
    for (const world of [withDt, without]) {
      await sweepAt(world, painTue.checkin1);
      for (const member of members.slice(0, 6)) {
        const prompt = checkinPromptId(world, member);
        const dt = world === withDt ? { "dt-1": 9 } : {};
        await world.interactions.handle({
          type: "form",
          from: member,
          promptId: prompt,
          answers: { ...gcqAnswers(gcq), ...dt },
        });
      }
      world.clock.set(painTue.closes1);
    }
    const climate = async (world: World) =>
      groupClimate(world.ctx, groupById(world, "pain-tue"), await world.store.readGroup("pain-tue"), world.clock.now());
    expect(await climate(withDt)).toEqual(await climate(without));
  });

  it("is in the leads' answers export, one column per item after the GCQ-S", async () => {
    const world = thermometerWorld();
    const prompt = await afterSession1(world);
    await sendForm(world, ana, prompt, 2);
    await world.interactions.handle({
      type: "form",
      from: ben,
      promptId: checkinPromptId(world, ben),
      answers: { "dt-1": 5 },
    });
    const csv = answersCsv(
      world.ctx,
      groupById(world, "pain-tue"),
      await world.store.readGroup("pain-tue"),
      Buffer.alloc(32, 1),
    );
    const [header = "", ...rows] = new TextDecoder().decode(csv.data).trim().split(/\r?\n/);
    expect(header.split(",").slice(-2)).toEqual(["form_counts", "dt-1"]);
    expect(rows.map((row) => row.split(",").at(-1)).sort()).toEqual(["2", "5"]);
  });
});

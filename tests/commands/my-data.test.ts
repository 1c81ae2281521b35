import { describe, expect, it } from "vitest";
import { shown } from "./status-helpers.js";
import { ana, answeredWorld, ask } from "./erasure-helpers.js";

describe("my data: a member sees what Cohesion keeps about them", () => {
  it("lists, in plain words, their answers, messages and RSVPs in their group and how to ask for deletion", async () => {
    const world = await answeredWorld();
    const reply = shown(await ask(world, ana, "my data"));
    expect(reply).toContain("*Chronic pain skills, Tuesday evening*");

    expect(reply).toContain("• 1 message you wrote to your leads");
    expect(reply).toContain("• 1 reply about coming to sessions");
    expect(reply).toContain("Your leads can see your own answers and messages");
    expect(reply).toContain("type `delete my data`");
  });

  it("never counts another member's data", async () => {
    const world = await answeredWorld();
    const reply = shown(await ask(world, "console:femi", "my data"));
    expect(reply).toContain("• your check-in answers from 0 sessions");
    expect(reply).toContain("• 0 messages you wrote to your leads");
  });

  it("says when they turned check-ins off and how many notes went to their leads about them", async () => {
    const world = await answeredWorld();
    expect(shown(await ask(world, ana, "my data"))).not.toContain("passed to your leads");
    await world.interactions.handle({ type: "command", from: ana, text: "no check-ins" });
    await world.interactions.handle({ type: "text", from: ana, text: "Some days I want to end it all" });
    const reply = shown(await ask(world, ana, "my data"));
    expect(reply).toContain("• that you'd rather not get check-ins");
    expect(reply).toContain("• 1 note Cohesion passed to your leads so they could check in with you");
    expect(shown(await ask(world, "console:femi", "my data"))).not.toContain("check-ins");
  });

  it("is for members: a lead is told so kindly", async () => {
    const world = await answeredWorld();
    expect(shown(await ask(world, "console:okafor", "my data"))).toContain("is for group members");
  });

  it("words that only start like it still reach the leads", async () => {
    const world = await answeredWorld();
    await world.interactions.handle({ type: "text", from: ana, text: "my data plan ran out so I missed the call" });
    const state = await world.store.readGroup("pain-tue");
    expect(Object.values(state.messages).map((m) => m.text)).toContain("my data plan ran out so I missed the call");
  });
});

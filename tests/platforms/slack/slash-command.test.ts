import { afterEach, describe, expect, it } from "vitest";
import { painTue, putForm, session1Forms, SlowStore } from "../../support/flows.js";
import { careTeamChannel, fastTuning, userId } from "./slack-config.js";
import { SlackHarness } from "./slack-harness.js";

let slack: SlackHarness;
afterEach(async () => slack?.stop());

async function withSession1Answered(): Promise<void> {
  await slack.store.updateGroup("pain-tue", (state) => {
    for (const [member, values] of session1Forms)
      putForm(state, `slack:${userId(member.slice("console:".length))}`, 1, values, painTue.checkin1);
  });
  slack.clock.set(painTue.closes1);
}

describe("/cohesion", () => {
  it("gives a lead the summary only they can see, and uploads its chart to their direct messages", async () => {
    slack = await SlackHarness.start({ now: painTue.checkin1 });
    await withSession1Answered();
    const reply = await slack.command("okafor", "summary pain-tue");
    expect(reply.body["response_type"]).toBe("ephemeral");
    expect(JSON.stringify(reply.body)).toContain("Engaged 4.4");
    expect(JSON.stringify(reply.body)).toContain("I've sent the chart to your direct messages.");
    await slack.until(() => expect(slack.fake.callsOf("files.completeUploadExternal")).toHaveLength(1));
    expect(slack.fake.callsOf("files.completeUploadExternal")[0]?.args["channel_id"]).toBe(`D${userId("okafor")}`);
    expect(slack.fake.uploads[0]?.bytes).toBeGreaterThan(100);
    expect(slack.fake.callsOf("files.upload")).toEqual([]);
  });

  it("sends a lead's export to their direct messages as a CSV file, and says so", async () => {
    slack = await SlackHarness.start({ now: painTue.checkin1 });
    await withSession1Answered();
    const reply = await slack.command("okafor", "export pain-tue");
    expect(JSON.stringify(reply.body)).toContain("to your direct messages");
    await slack.until(() => expect(slack.fake.callsOf("files.completeUploadExternal")).toHaveLength(1));
    expect(slack.fake.callsOf("files.getUploadURLExternal")[0]?.args["filename"]).toMatch(/\.csv$/);
    expect(slack.fake.callsOf("files.completeUploadExternal")[0]?.args["channel_id"]).toBe(`D${userId("okafor")}`);
  });

  it("in the care team's channel, a lead may leave out the group", async () => {
    slack = await SlackHarness.start({ now: painTue.checkin1 });
    await withSession1Answered();
    const reply = await slack.command("okafor", "summary", careTeamChannel);
    expect(reply.body["response_type"]).toBe("ephemeral");
    expect(JSON.stringify(reply.body)).toContain("Climate summary: Chronic pain skills, Tuesday evening");
  });

  it('answers "one moment" within Slack\'s time limit when the work is slow, then replaces it with the reply', async () => {
    const store = new SlowStore();
    slack = await SlackHarness.start({ store, tuning: { ...fastTuning, commandAckMs: 20 } });
    store.delayMs = 200;
    const reply = await slack.command("ana", "pause");
    expect(JSON.stringify(reply.body)).toContain("One moment");
    await slack.until(() => expect(slack.fake.responses).toHaveLength(1));
    expect(slack.fake.responses[0]).toMatchObject({ response_type: "ephemeral", replace_original: true });
    expect(JSON.stringify(slack.fake.responses[0])).toContain("paused your reminders");
  });

  it("a command Cohesion does not know gets a kind pointer to help", async () => {
    slack = await SlackHarness.start();
    const reply = await slack.command("ana", "<!channel> everything");
    expect(JSON.stringify(reply.body)).toContain("Try `help`");
    expect(JSON.stringify(reply.body)).not.toContain("<!channel>");
  });
});

import { webApi } from "@slack/bolt";
import { afterEach, describe, expect, it } from "vitest";
import { toAddress } from "../../../src/kernel/address.js";
import { DeliveryError } from "../../../src/kernel/errors.js";
import type { Block } from "../../../src/kernel/message.js";
import { PacedSlackApi } from "../../../src/platforms/slack/deliver/pacing.js";
import { SlackMessenger } from "../../../src/platforms/slack/deliver/messenger.js";
import { RecordingLogger } from "../../support/fakes.js";
import { FakeSlackApi } from "./fake-slack-api.js";
import { fastTuning } from "./slack-config.js";

let fake: FakeSlackApi;
afterEach(async () => fake?.close());

async function messenger(): Promise<SlackMessenger> {
  fake = await FakeSlackApi.start();
  const client = new webApi.WebClient("xoxb-test-token", {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 30_000,
  });
  return new SlackMessenger(new PacedSlackApi(client, fastTuning.pacing), new RecordingLogger());
}

const promptId = "a1b2c3d4e5f6.a1b2c3d4e5f6a1b2";

describe("sending on Slack", () => {
  it("uploads an export to a lead's direct messages with the current upload API, after the message", async () => {
    const slack = await messenger();
    const csv = new TextEncoder().encode("session,engaged\n1,4.4\n");
    await slack.send(toAddress("slack:U0OKAFOR"), {
      text: "Your export",
      blocks: [
        { type: "text", text: "Your export" },
        { type: "file", filename: "pain-tue.csv", mediaType: "text/csv", data: csv, title: "pain-tue sessions" },
      ],
    });
    expect(fake.calls.map((c) => c.method)).toEqual([
      "conversations.open",
      "chat.postMessage",
      "files.getUploadURLExternal",
      "files.completeUploadExternal",
    ]);
    expect(fake.callsOf("files.getUploadURLExternal")[0]?.args).toMatchObject({
      filename: "pain-tue.csv",
      length: String(csv.byteLength),
    });
    expect(fake.uploads[0]?.bytes).toBe(csv.byteLength);
    expect(fake.callsOf("files.completeUploadExternal")[0]?.args).toMatchObject({
      channel_id: "DU0OKAFOR",
      files: [{ title: "pain-tue sessions" }],
    });
  });

  it("posts to a channel address directly, without opening a conversation", async () => {
    const slack = await messenger();
    await slack.send(toAddress("slack:C0CARE"), { text: "Digest", blocks: [{ type: "text", text: "Digest" }] });
    expect(fake.calls.map((c) => [c.method, c.args["channel"]])).toEqual([["chat.postMessage", "C0CARE"]]);
  });

  it("does not retry the rest of a long message once part of it was posted", async () => {
    const slack = await messenger();
    const blocks: Block[] = Array.from({ length: 60 }, (_, i) => ({ type: "text", text: `Line ${i}` }));
    fake.fail(
      "chat.postMessage",
      { status: 503 },
      { when: (args) => String(args["blocks"] ? JSON.stringify(args["blocks"]) : "").includes("Line 55") },
    );
    const failure = await slack
      .send(toAddress("slack:C0CARE"), { text: "long", blocks })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect(failure).toMatchObject({ code: "partially-delivered", retryable: false });
  });

  it("tries again later when opening a member's direct message fails unclearly, since opening posts nothing", async () => {
    const slack = await messenger();
    const ana = toAddress("slack:U0ANA");
    const reminder = { text: "See you Tuesday", blocks: [{ type: "text", text: "See you Tuesday" }] } as const;
    fake.fail("conversations.open", { status: 502 });
    const failure = await slack.send(ana, reminder).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "slack-open-failed", retryable: true });
    expect(fake.callsOf("chat.postMessage")).toEqual([]);
    await slack.send(ana, reminder);
    expect(fake.callsOf("chat.postMessage").map((call) => call.args["channel"])).toEqual(["DU0ANA"]);
  });

  it("asked to open a form without a click, sends a message whose button opens it", async () => {
    const slack = await messenger();
    await slack.openForm(toAddress("slack:U0ANA"), {
      promptId,
      title: "Full check-in",
      intro: "",
      questions: [],
      submitLabel: "Send",
    });
    const post = fake.callsOf("chat.postMessage")[0];
    expect(JSON.stringify(post?.args["blocks"])).toContain(`b|${promptId}|open-form`);
  });

  it("refuses an address that is not a Slack person or channel, without calling Slack", async () => {
    const slack = await messenger();
    await expect(slack.send(toAddress("slack:not-an-id"), { text: "x", blocks: [] })).rejects.toMatchObject({
      code: "bad-slack-address",
      retryable: false,
    });
    expect(fake.calls).toEqual([]);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { readEnv } from "../../../src/main/config.js";
import { startChat } from "../../../src/main/run-chat.js";
import { StartupError } from "../../../src/kernel/errors.js";
import { slackPlatformFactory } from "../../../src/platforms/slack/slack-platform.js";
import { MemoryStore } from "../../../src/store/memory-store.js";
import { at } from "../../support/outbox-helpers.js";
import { exampleContent } from "../../support/example-setup.js";
import { ManualClock, RecordingLogger } from "../../support/fakes.js";
import { FakeSlackApi } from "./fake-slack-api.js";
import { fastTuning, slackConfig } from "./slack-config.js";
import { signingSecret } from "./slack-requests.js";

let fake: FakeSlackApi | undefined;
afterEach(async () => fake?.close());

function start(env: Record<string, string>) {
  return startChat({
    env: readEnv({ PORT: "0", ...env }),
    setup: { config: slackConfig(), content: exampleContent, file: "cohesion.yaml" },
    store: new MemoryStore(),
    clock: new ManualClock(new Date(at.beforeEverything)),
    logger: new RecordingLogger(),
    host: "127.0.0.1",
    wakeEveryMinute: false,
    factories: { slack: slackPlatformFactory(fastTuning) },
  });
}

describe("starting Cohesion on Slack", () => {
  it("stops with a message naming the bot token when Slack refuses it", async () => {
    fake = await FakeSlackApi.start();
    fake.fail("auth.test", { error: "invalid_auth" });
    const attempt = start({
      SLACK_BOT_TOKEN: "xoxb-0000000000-revoked-token",
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: fake.apiUrl,
    });
    await expect(attempt).rejects.toThrow(StartupError);
    await expect(attempt).rejects.toThrow("Slack did not accept SLACK_BOT_TOKEN (invalid_auth)");
  });

  it("stops with a clear message when SLACK_API_URL is not a URL", async () => {
    await expect(
      start({
        SLACK_BOT_TOKEN: "xoxb-1234567890-0987654321-testtokentesttoken",
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_API_URL: "slack dot com",
      }),
    ).rejects.toThrow("SLACK_API_URL: expected a URL");
  });

  it("stops with a message naming the app token when Socket Mode is refused", async () => {
    fake = await FakeSlackApi.start();
    fake.fail("apps.connections.open", { error: "invalid_auth" });
    await expect(
      start({
        SLACK_BOT_TOKEN: "xoxb-1234567890-0987654321-testtokentesttoken",
        SLACK_APP_TOKEN: "xapp-1-A000000000-revoked-token",
        SLACK_API_URL: fake.apiUrl,
      }),
    ).rejects.toThrow("SLACK_APP_TOKEN (invalid_auth)");
  });
});

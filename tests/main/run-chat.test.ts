import { describe, expect, it } from "vitest";
import type { Router } from "express";
import type { ChatPlatform, ChatPlatformFactory } from "../../src/app/chat-platform.js";
import { readEnv } from "../../src/main/config.js";
import { startChat } from "../../src/main/run-chat.js";
import { StartupError } from "../../src/kernel/errors.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { exampleConfig, exampleContent } from "../support/example-setup.js";
import { ManualClock, RecordingLogger, RecordingMessenger } from "../support/fakes.js";

const setup = { config: exampleConfig(), content: exampleContent, file: "cohesion.example.yaml" };
const slackEnv = readEnv({
  SLACK_BOT_TOKEN: "xoxb-1234567890-0987654321-testtokentesttoken",
  SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5",
  PORT: "0",
});

/** A platform that answers GET /ping over the shared server and records its lifecycle. */
function pingPlatform(options: { loopbackOnly?: boolean } = {}) {
  const events: string[] = [];
  const factory: ChatPlatformFactory = () => {
    const platform: ChatPlatform = {
      name: "slack",
      messenger: new RecordingMessenger(),
      loopbackOnly: options.loopbackOnly ?? false,
      health: () => ({ ok: true, detail: "pinging" }),
      async start(_bot, router: Router) {
        events.push("start");
        router.get("/ping", (_req, res) => {
          res.send("pong");
        });
      },
      async stop() {
        events.push("stop");
      },
    };
    return platform;
  };
  return { events, factory };
}

function start(factory: ChatPlatformFactory, host?: string) {
  return startChat({
    env: slackEnv,
    setup,
    store: new MemoryStore(),
    clock: new ManualClock(new Date("2026-11-27T18:00:00Z")),
    logger: new RecordingLogger(),
    host,
    wakeEveryMinute: false,
    factories: { slack: factory },
  });
}

describe("running on chat platforms", () => {
  it("serves every HTTP platform and a health check from one server, and stops it cleanly", async () => {
    const { events, factory } = pingPlatform();
    const chat = await start(factory, "127.0.0.1");
    expect(chat.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${chat.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${chat.url}/ping`)).text()).toBe("pong");
    await chat.stop();
    expect(events).toEqual(["start", "stop"]);
    await expect(fetch(`${chat.url}/healthz`)).rejects.toThrow();
  });

  it("listens on 127.0.0.1 only when a platform must not be reachable from elsewhere", async () => {
    const { factory } = pingPlatform({ loopbackOnly: true });
    const chat = await start(factory);
    expect(chat.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await chat.stop();
  });

  it("refuses to start a platform this build cannot run, saying which", async () => {
    const attempt = startChat({
      env: slackEnv,
      setup,
      store: new MemoryStore(),
      clock: new ManualClock(new Date()),
      logger: new RecordingLogger(),
      wakeEveryMinute: false,
      factories: {},
    });
    await expect(attempt).rejects.toThrow(StartupError);
    await expect(attempt).rejects.toThrow("cannot run on slack");
  });
});

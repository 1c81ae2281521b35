import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WebSocketServer } from "ws";
import { readEnv } from "../../../src/main/config.js";
import { startChat, type RunningChat } from "../../../src/main/run-chat.js";
import { slackPlatformFactory } from "../../../src/platforms/slack/slack-platform.js";
import { MemoryStore } from "../../../src/store/memory-store.js";
import { at } from "../../support/outbox-helpers.js";
import { exampleContent } from "../../support/example-setup.js";
import { ManualClock, RecordingLogger } from "../../support/fakes.js";
import { FakeSlackApi } from "./fake-slack-api.js";
import { fastTuning, slackConfig } from "./slack-config.js";

/** Slack's Socket Mode end on 127.0.0.1: says hello to each connection, and can drop them all and stop listening. */
async function socketEnd(): Promise<{ url: string; drop(): Promise<void> }> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await once(server, "listening");
  server.on("connection", (socket) => socket.send(JSON.stringify({ type: "hello", num_connections: 1 })));
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`,
    drop() {
      for (const client of server.clients) client.terminate();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

let fake: FakeSlackApi | undefined;
let chat: RunningChat | undefined;
let ends: { drop(): Promise<void> }[] = [];
afterEach(async () => {
  await chat?.stop();
  for (const end of ends) await end.drop().catch(() => undefined);
  await fake?.close();
  chat = undefined;
  fake = undefined;
  ends = [];
});

async function healthz(): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${chat?.url}/healthz`);
  return { status: response.status, body: (await response.json()) as unknown };
}

const waitFor = (check: () => Promise<void>) => vi.waitFor(check, { timeout: 60_000, interval: 20 });

describe("Slack's Socket Mode connection in GET /healthz", () => {
  it("answers 503 once Slack's end drops the connection, and 200 again when Cohesion has reconnected", async () => {
    fake = await FakeSlackApi.start();
    const first = await socketEnd();
    ends.push(first);
    fake.socketUrl = first.url;
    const logger = new RecordingLogger();
    chat = await startChat({
      env: readEnv({
        SLACK_BOT_TOKEN: "xoxb-test-token",
        SLACK_APP_TOKEN: "xapp-1-A0123456789-1234567890-testtoken",
        SLACK_API_URL: fake.apiUrl,
        PORT: "0",
      }),
      setup: { config: slackConfig(), content: exampleContent, file: "cohesion.yaml" },
      store: new MemoryStore(),
      clock: new ManualClock(new Date(at.beforeEverything)),
      logger,
      host: "127.0.0.1",
      wakeEveryMinute: false,
      // A reconnection waits one ping timeout: a second here, not Slack's five.
      factories: { slack: slackPlatformFactory({ ...fastTuning, socketPingTimeoutMs: 1000 }) },
    });
    expect(await healthz()).toMatchObject({
      status: 200,
      body: { status: "ok", platforms: { slack: { ok: true, detail: "socket-connected" } } },
    });

    await first.drop();
    await waitFor(async () =>
      expect(await healthz()).toMatchObject({
        status: 503,
        body: { status: "down", platforms: { slack: { ok: false, detail: "socket-disconnected" } } },
      }),
    );
    expect(logger.lines.map((line) => line.fields["code"])).toContain("slack-socket-disconnected");

    const second = await socketEnd();
    ends.push(second);
    fake.socketUrl = second.url;
    await waitFor(async () => expect((await healthz()).status).toBe(200));
    expect(logger.lines.map((line) => line.fields["code"])).toContain("slack-socket-connected");
  });
});

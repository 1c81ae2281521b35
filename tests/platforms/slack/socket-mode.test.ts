import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WebSocketServer, type WebSocket } from "ws";
import { readEnv } from "../../../src/main/config.js";
import { startChat, type RunningChat } from "../../../src/main/run-chat.js";
import { rsvpKey } from "../../../src/core/state.js";
import { slackPlatformFactory } from "../../../src/platforms/slack/slack-platform.js";
import { MemoryStore } from "../../../src/store/memory-store.js";
import { at } from "../../support/outbox-helpers.js";
import { exampleContent } from "../../support/example-setup.js";
import { ManualClock, RecordingLogger } from "../../support/fakes.js";
import { FakeSlackApi } from "./fake-slack-api.js";
import { fastTuning, slackConfig, userId } from "./slack-config.js";
import { pressables, shownText } from "./slack-posts.js";
import { fixture } from "./slack-requests.js";

/** Slack's Socket Mode end, on 127.0.0.1: says hello, sends envelopes and collects the acknowledgements. */
class SocketStandIn {
  readonly acks: { envelope_id: string; payload?: Record<string, unknown> }[] = [];
  private socket: WebSocket | undefined;
  private constructor(readonly server: WebSocketServer) {
    server.on("connection", (socket) => {
      this.socket = socket;
      socket.on("message", (data) => this.acks.push(JSON.parse(String(data))));
      socket.send(
        JSON.stringify({
          type: "hello",
          num_connections: 1,
          debug_info: { host: "applink-test" },
          connection_info: { app_id: "A0COHESION" },
        }),
      );
    });
  }
  static async start(): Promise<SocketStandIn> {
    const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await once(server, "listening");
    return new SocketStandIn(server);
  }
  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link`;
  }
  send(envelope: Record<string, unknown>): void {
    this.socket?.send(JSON.stringify(envelope));
  }
  close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

let fake: FakeSlackApi;
let socket: SocketStandIn;
let chat: RunningChat;
let store: MemoryStore;
let clock: ManualClock;

afterEach(async () => {
  await chat?.stop();
  await socket?.close();
  await fake?.close();
});

async function startSocketMode(): Promise<void> {
  store = new MemoryStore();
  clock = new ManualClock(new Date(at.beforeEverything));
  fake = await FakeSlackApi.start();
  socket = await SocketStandIn.start();
  fake.socketUrl = socket.url;
  const env = readEnv({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_APP_TOKEN: "xapp-1-A0123456789-1234567890-testtoken",
    SLACK_API_URL: fake.apiUrl,
    PORT: "0",
  });
  chat = await startChat({
    env,
    setup: { config: slackConfig(), content: exampleContent, file: "cohesion.yaml" },
    store,
    clock,
    logger: new RecordingLogger(),
    wakeEveryMinute: false,
    factories: { slack: slackPlatformFactory(fastTuning) },
  });
}

describe("Slack over Socket Mode", () => {
  it("connects without any public URL, answers /cohesion and takes an RSVP, acknowledging each envelope", async () => {
    await startSocketMode();
    expect((await fetch(`${chat.url}/slack/events`, { method: "POST" })).status).toBe(404);
    expect(fake.callsOf("apps.connections.open")).toHaveLength(1);

    const command = Object.fromEntries(
      Object.entries(
        fixture("slash-command", {
          user: userId("ana"),
          channel: `D${userId("ana")}`,
          text: "help",
          responseUrl: `${fake.url}/respond/1`,
        }),
      ),
    );
    socket.send({
      envelope_id: "env-command-1",
      type: "slash_commands",
      payload: command,
      accepts_response_payload: true,
    });
    await vi.waitFor(() => expect(socket.acks.find((a) => a.envelope_id === "env-command-1")).toBeDefined(), {
      timeout: 60_000,
      interval: 10,
    });
    expect(JSON.stringify(socket.acks.find((a) => a.envelope_id === "env-command-1")?.payload)).toContain(
      "What you can ask Cohesion",
    );

    clock.set(at.reminder1Due);
    await chat.sweep();
    const reminder = fake
      .callsOf("chat.postMessage")
      .findLast((c) => c.args["channel"] === `D${userId("ana")}` && shownText(c).includes("I'll be there"));
    const yes =
      reminder && pressables(reminder).find((p) => p.value.kind === "button" && p.value.action === "rsvp-yes");
    if (!reminder || !yes) throw new Error("no reminder");
    const click = fixture("block-actions", {
      user: userId("ana"),
      channel: `D${userId("ana")}`,
      ts: String(reminder.result["ts"]),
      triggerId: "trigger-1",
      text: "reminder",
      blocks: reminder.args["blocks"],
      responseUrl: `${fake.url}/respond/2`,
      actionId: String(yes.element["action_id"]),
      label: "I'll be there",
      value: String(yes.element["value"]),
    });
    socket.send({ envelope_id: "env-click-1", type: "interactive", payload: click, accepts_response_payload: false });
    await vi.waitFor(() => expect(fake.callsOf("chat.update")).toHaveLength(1), { timeout: 60_000, interval: 10 });
    expect(socket.acks.map((a) => a.envelope_id)).toContain("env-click-1");
    expect((await store.readGroup("pain-tue")).rsvps[rsvpKey(`slack:${userId("ana")}`, 1)]?.response).toBe("yes");
  });

  it("answers a member's direct message, acknowledging its envelope", async () => {
    await startSocketMode();
    const message = fixture("direct-message", {
      user: userId("ana"),
      channel: `D${userId("ana")}`,
      text: "Thanks, see you Tuesday",
      eventId: "Ev0SOCKETDM",
      ts: "1764612600.000001",
    });
    socket.send({
      envelope_id: "env-dm-1",
      type: "events_api",
      payload: message,
      accepts_response_payload: false,
      retry_attempt: 0,
    });
    await vi.waitFor(() => expect(socket.acks.map((a) => a.envelope_id)).toContain("env-dm-1"), {
      timeout: 60_000,
      interval: 10,
    });
    const toAna = () => fake.callsOf("chat.postMessage").filter((c) => c.args["channel"] === `D${userId("ana")}`);
    await vi.waitFor(() => expect(toAna()).toHaveLength(1), { timeout: 60_000, interval: 10 });
    expect(shownText(toAna()[0]!)).toContain("I've passed your message to your group leaders.");
  });

  it("has one effect when Slack delivers the same event again over the socket", async () => {
    await startSocketMode();
    const event = fixture("app-home-opened", { user: userId("ben"), eventId: "Ev0SOCKET1" });
    socket.send({
      envelope_id: "env-1",
      type: "events_api",
      payload: event,
      accepts_response_payload: false,
      retry_attempt: 0,
    });
    socket.send({
      envelope_id: "env-2",
      type: "events_api",
      payload: event,
      accepts_response_payload: false,
      retry_attempt: 1,
      retry_reason: "timeout",
    });
    await vi.waitFor(() => expect(socket.acks.map((a) => a.envelope_id).sort()).toEqual(["env-1", "env-2"]), {
      timeout: 60_000,
      interval: 10,
    });
    await vi.waitFor(() => expect(fake.callsOf("views.publish")).toHaveLength(1), { timeout: 60_000, interval: 10 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.callsOf("views.publish")).toHaveLength(1);
  });
});

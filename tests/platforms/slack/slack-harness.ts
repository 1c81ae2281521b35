// Cohesion started for real on Slack over HTTP (startChat, Bolt's receiver), against the fake Web API.
import { vi } from "vitest";
import { readEnv } from "../../../src/main/config.js";
import { startChat, type RunningChat } from "../../../src/main/run-chat.js";
import type { CohesionConfig } from "../../../src/core/setup/index.js";
import type { Store } from "../../../src/core/store.js";
import type { InteractiveValue } from "../../../src/platforms/slack/render/interactive-ids.js";
import { slackPlatformFactory, type SlackTuning } from "../../../src/platforms/slack/slack-platform.js";
import { MemoryStore } from "../../../src/store/memory-store.js";
import { at } from "../../support/outbox-helpers.js";
import { exampleContent } from "../../support/example-setup.js";
import { ManualClock, RecordingLogger } from "../../support/fakes.js";
import { FakeSlackApi, type RecordedCall } from "./fake-slack-api.js";
import { fastTuning, slackConfig, userId } from "./slack-config.js";
import { pressables, shownText } from "./slack-posts.js";
import {
  fixture,
  formEncoded,
  interactionBody,
  postToSlackEndpoint,
  signingSecret,
  slashCommandBody,
  type Signing,
} from "./slack-requests.js";

/** A running Cohesion on Slack with the fake API and helpers that act as Slack would. */
export class SlackHarness {
  private constructor(
    readonly chat: RunningChat,
    readonly fake: FakeSlackApi,
    readonly clock: ManualClock,
    readonly store: Store,
    readonly logger: RecordingLogger,
  ) {}

  /** Starts Cohesion on Slack over HTTP on 127.0.0.1 at `now` (default: four days before session 1). */
  static async start(
    options: { now?: string; store?: Store; tuning?: SlackTuning; config?: CohesionConfig } = {},
  ): Promise<SlackHarness> {
    const fake = await FakeSlackApi.start();
    const clock = new ManualClock(new Date(options.now ?? at.beforeEverything));
    const store = options.store ?? new MemoryStore();
    const logger = new RecordingLogger();
    const env = readEnv({
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
    });
    const setup = { config: options.config ?? slackConfig(), content: exampleContent, file: "cohesion.yaml" };
    const chat = await startChat({
      env,
      setup,
      store,
      clock,
      logger,
      host: "127.0.0.1",
      wakeEveryMinute: false,
      factories: { slack: slackPlatformFactory(options.tuning ?? fastTuning) },
    });
    return new SlackHarness(chat, fake, clock, store, logger);
  }

  get url(): string {
    if (!this.chat.url) throw new Error("Slack is not running over HTTP");
    return this.chat.url;
  }

  /** Moves the clock and runs one outbox sweep. */
  async sweepAt(instant: string): Promise<void> {
    this.clock.set(instant);
    await this.chat.sweep();
  }

  /** The messages posted to a person's direct messages, in order. */
  postsTo(name: string): RecordedCall[] {
    return this.fake.callsOf("chat.postMessage").filter((call) => call.args["channel"] === `D${userId(name)}`);
  }

  /** The latest post to a person whose content includes `needle`. */
  latestPostTo(name: string, needle: string): RecordedCall {
    const post = this.postsTo(name).findLast((call) => shownText(call).includes(needle));
    if (!post) throw new Error(`nothing containing "${needle}" was posted to ${name}`);
    return post;
  }

  /** Sends `/cohesion <text>` as a person; resolves with Slack's view of the acknowledgement. */
  async command(
    name: string,
    text: string,
    channel = `D${userId(name)}`,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const body = slashCommandBody({ user: userId(name), channel, text, responseUrl: `${this.fake.url}/respond/1` });
    const response = await postToSlackEndpoint(this.url, body, formEncoded);
    return {
      status: response.status,
      body: response.text ? (JSON.parse(response.text) as Record<string, unknown>) : {},
    };
  }

  /** A person presses the element of `post` whose value `pick` chooses; `as` lets someone else press it. */
  async press(
    post: RecordedCall,
    pick: (value: InteractiveValue) => boolean,
    as?: string,
    signing?: Signing,
  ): Promise<{ status: number }> {
    const target = pressables(post).find((p) => pick(p.value));
    if (!target) throw new Error("no such button in that message");
    const channel = String(post.args["channel"]);
    const clicker = as ? userId(as) : channel.slice(1);
    const payload = fixture("block-actions", {
      user: clicker,
      channel,
      ts: String(post.result["ts"] ?? post.args["ts"]),
      triggerId: `trigger-${Math.random().toString(36).slice(2)}`,
      text: String(post.args["text"] ?? ""),
      blocks: post.args["blocks"] ?? [],
      responseUrl: `${this.fake.url}/respond/2`,
      actionId: String(target.element["action_id"]),
      label: "button",
      value: String(target.element["value"]),
    });
    return postToSlackEndpoint(this.url, interactionBody(payload), formEncoded, signing);
  }

  /** Submits the modal of a views.open call with values in question order (null skips one). */
  async submitForm(
    name: string,
    opened: RecordedCall,
    values: readonly (number | null)[],
  ): Promise<{ status: number; text: string }> {
    const view = opened.args["view"] as { blocks: { type: string; block_id?: string }[]; private_metadata: string };
    const inputs = view.blocks.filter((block) => block.type === "input");
    const state = Object.fromEntries(
      inputs.map((block, i) => {
        const value = values[i];
        const selected =
          value === null || value === undefined
            ? null
            : { text: { type: "plain_text", text: String(value) }, value: String(value) };
        return [block.block_id, { answer: { type: "static_select", selected_option: selected } }];
      }),
    );
    const payload = fixture("view-submission", {
      user: userId(name),
      blocks: view.blocks,
      privateMetadata: view.private_metadata,
      values: state,
    });
    return postToSlackEndpoint(this.url, interactionBody(payload), formEncoded);
  }

  /** A person opens the app's Home tab (Slack may deliver the same event again, with X-Slack-Retry-Num). */
  async openHome(name: string, eventId: string, retryNum?: number): Promise<{ status: number }> {
    const body = JSON.stringify(fixture("app-home-opened", { user: userId(name), eventId }));
    const headers: Record<string, string> =
      retryNum === undefined ? {} : { "x-slack-retry-num": String(retryNum), "x-slack-retry-reason": "http_timeout" };
    return postToSlackEndpoint(this.url, body, "application/json", { headers });
  }

  /**
   * A person writes `text` in their direct messages with Cohesion; `change` edits the event (a subtype, a bot
   * id...); `retryNum` marks a delivery Slack repeats.
   */
  async directMessage(
    name: string,
    text: string,
    eventId: string,
    options: { change?: (event: Record<string, unknown>) => void; retryNum?: number } = {},
  ): Promise<{ status: number }> {
    const ts = `1764612600.${eventId.replace(/\D/g, "").padStart(6, "0")}`;
    const payload = fixture("direct-message", { user: userId(name), channel: `D${userId(name)}`, text, eventId, ts });
    options.change?.(payload["event"] as Record<string, unknown>);
    const headers: Record<string, string> =
      options.retryNum === undefined
        ? {}
        : { "x-slack-retry-num": String(options.retryNum), "x-slack-retry-reason": "http_timeout" };
    return postToSlackEndpoint(this.url, JSON.stringify(payload), "application/json", { headers });
  }

  /** Waits until `check` passes (listeners answer Slack first and work after). */
  async until(check: () => void): Promise<void> {
    await vi.waitFor(check, { timeout: 60_000, interval: 10 });
  }

  async stop(): Promise<void> {
    await this.chat.stop();
    await this.fake.close();
  }
}

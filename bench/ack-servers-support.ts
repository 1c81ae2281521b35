// The servers the ack benchmark measures on 127.0.0.1: bare Bolt apps that only acknowledge a click, and Cohesion on
// its real Slack receiver and store, with every member's check-in already posted so their pulse buttons can be pressed.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, ExpressReceiver, LogLevel } from "@slack/bolt";
import type { Store } from "../src/core/store.js";
import { slackTuning, type SlackTuning } from "../src/platforms/slack/slack-platform.js";
import { FakeSlackApi } from "../tests/platforms/slack/fake-slack-api.js";
import { pressables } from "../tests/platforms/slack/slack-posts.js";
import { fixture, interactionBody, signingSecret } from "../tests/platforms/slack/slack-requests.js";
import { ManualClock } from "../tests/support/fakes.js";
import { at } from "../tests/support/outbox-helpers.js";
import { triggerPlaceholder } from "./ack-load-support.js";
import { CountingLogger, memberId, startCohesionOnSlack } from "./slack-bench-support.js";

/** A server under test: where it listens, and how to stop it. */
export interface ClickServer {
  readonly url: string;
  stop(): Promise<void>;
}

const boltOptions = {
  token: "xoxb-bench-token",
  botId: "BBOT0001",
  botUserId: "UBOT0001",
  tokenVerificationEnabled: false,
  logLevel: LogLevel.ERROR,
} as const;

function urlOf(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A Bolt app on its default HTTPReceiver, with the same signing secret, that only acknowledges every action. */
export async function bareBoltHttp(): Promise<ClickServer> {
  const app = new App({ ...boltOptions, signingSecret });
  app.action(/.*/, async ({ ack }) => ack());
  const server = await app.start({ port: 0, host: "127.0.0.1" });
  return { url: urlOf(server), stop: () => app.stop().then(() => undefined) };
}

/** The same on Bolt's ExpressReceiver, the receiver Cohesion builds on. */
export async function bareBoltExpress(): Promise<ClickServer> {
  const receiver = new ExpressReceiver({ signingSecret, logLevel: LogLevel.ERROR });
  const app = new App({ ...boltOptions, receiver });
  app.action(/.*/, async ({ ack }) => ack());
  const server = createServer(receiver.app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: urlOf(server),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Cohesion answering clicks, with the click bodies its members can send and what it logged and did. */
export interface CohesionClicks extends ClickServer {
  /** One form-encoded block_actions body per member and pulse choice, holding `triggerPlaceholder`. */
  readonly bodies: string[];
  readonly logger: CountingLogger;
  /** The messages Cohesion replaced with its answer so far (chat.update calls). */
  updates(): number;
}

const unpaced: SlackTuning = { ...slackTuning, pacing: { ...slackTuning.pacing, perChannelMs: 0 } };

// A first run sends the check-ins unpaced (they are not what is measured); Cohesion then starts again with Slack's own
// timings to answer the clicks.
/** Starts Cohesion on `store` for `members` members once their first session's check-ins are out. */
export async function cohesionForClicks(store: Store, members: number): Promise<CohesionClicks> {
  const fake = await FakeSlackApi.start();
  const clock = new ManualClock(new Date(at.beforeEverything));
  fake.clock = () => clock.now();
  const logger = new CountingLogger();
  const options = { store, clock, logger, apiUrl: fake.apiUrl, members };
  const before = await startCohesionOnSlack({ ...options, tuning: unpaced });
  await before.sweep();
  clock.set(new Date(Date.parse(at.checkin1Due) + 5 * 60_000));
  await before.sweep();
  await before.stop();
  const bodies = Array.from({ length: members }, (_, i) => `D${memberId(i + 1)}`).flatMap((channel) => {
    const post = fake
      .callsOf("chat.postMessage")
      .find((call) => call.args["channel"] === channel && pressables(call).some((p) => p.value.kind === "choice"));
    if (!post) throw new Error("a member's check-in was not posted");
    return pressables(post)
      .filter((p) => p.value.kind === "choice")
      .map((target) =>
        interactionBody(
          fixture("block-actions", {
            user: channel.slice(1),
            channel,
            ts: String(post.result["ts"]),
            triggerId: triggerPlaceholder,
            text: String(post.args["text"] ?? ""),
            blocks: post.args["blocks"] ?? [],
            responseUrl: `${fake.url}/respond/1`,
            actionId: String(target.element["action_id"]),
            label: "button",
            value: String(target.element["value"]),
          }),
        ),
      );
  });
  const chat = await startCohesionOnSlack({ ...options, tuning: slackTuning });
  return {
    url: chat.url,
    bodies,
    logger,
    updates: () => fake.callsOf("chat.update").length,
    async stop() {
      await chat.stop();
      await fake.close();
    },
  };
}

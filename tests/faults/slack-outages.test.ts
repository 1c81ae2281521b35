import { afterEach, describe, expect, it, vi } from "vitest";
import type { Failure } from "../platforms/slack/fake-slack-api.js";
import { removeTempDirs } from "../support/temp-dirs.js";
import { faultCounts, faultTimeoutMs, fullRun } from "./fault-counts.js";
import { FaultWorld } from "./fault-world.js";
import { LossyProxy } from "./lossy-proxy.js";

let world: FaultWorld | undefined;
let proxy: LossyProxy | undefined;
afterEach(async () => {
  await world?.close();
  await proxy?.close();
  world = undefined;
  proxy = undefined;
  await removeTempDirs();
});

/** What goes wrong with the posts to one member's direct messages: the fake's failure, or a lost answer. */
interface Outage {
  readonly name: string;
  readonly failure: Failure | "lost";
  readonly times: number;
}

// With a session 23.5 hours away, each member is due the orientation's three messages and the reminder.
const duePerMember = 4;

/** Starts the bot with each member's first posts failing as their outage says; returns each 429's instant. */
async function runThrough(outages: readonly Outage[]) {
  const perOutage = faultCounts.membersPerOutage;
  world = await FaultWorld.create({ members: outages.length * perOutage, moment: "reminder-due" });
  const { fake, members } = world;
  const outageOf = (channel: unknown) => outages[Math.floor(members.indexOf(String(channel).slice(1)) / perOutage)];
  const arrivals: number[] = [];
  const rateLimits: { at: number; seconds: number }[] = [];
  // Never matches: it notes when each post arrives.
  fake.fail("chat.postMessage", { status: 500 }, { times: Infinity, when: () => (arrivals.push(Date.now()), false) });
  for (const outage of outages) {
    const { failure } = outage;
    if (failure === "lost") continue;
    const when = (args: Record<string, unknown>) => {
      if (outageOf(args["channel"]) !== outage) return false;
      if ("retryAfter" in failure) rateLimits.push({ at: Date.now(), seconds: failure.retryAfter });
      return true;
    };
    fake.fail("chat.postMessage", failure, { times: outage.times * perOutage, when });
  }
  const lost = new Map<string, number>();
  proxy = await LossyProxy.start(fake.url, (method, fields) => {
    const outage = outageOf(fields["channel"]);
    if (method !== "chat.postMessage" || outage?.failure !== "lost") return false;
    const count = lost.get(String(fields["channel"])) ?? 0;
    lost.set(String(fields["channel"]), count + 1);
    return count < outage.times;
  });
  const bot = await world.start({ SLACK_API_URL: proxy.apiUrl });
  const outageName = (member: string) => outageOf(`D${member}`)?.name ?? "none";
  return { bot, arrivals, rateLimits, outageName };
}

/** Per member, each due message's text and how many times Slack really posted it (failed calls posted nothing). */
function ledger(): Record<string, Record<string, number>> {
  const posted: Record<string, Record<string, number>> = {};
  for (const member of world!.members) posted[member] = {};
  for (const message of world!.fake.ledger) {
    const texts = posted[message.channel.slice(1)];
    if (texts) texts[message.text] = (texts[message.text] ?? 0) + 1;
  }
  return posted;
}

/** The outages of members not posted each due message exactly once (none, when every one went out exactly once). */
function notExactlyOnce(outageName: (member: string) => string): string[] {
  return Object.entries(ledger()).flatMap(([member, texts]) =>
    Object.keys(texts).length === duePerMember && Object.values(texts).every((n) => n === 1)
      ? []
      : [`${outageName(member)}: ${JSON.stringify(Object.values(texts))} of ${duePerMember}`],
  );
}

/** Waits until every member has each due message exactly once, through the outbox's retries a minute apart. */
async function untilExactlyOnce(outageName: (member: string) => string): Promise<void> {
  await vi.waitFor(() => expect(notExactlyOnce(outageName)).toEqual([]), {
    timeout: fullRun ? 10 * 60_000 : 150_000,
    interval: 1000,
  });
}

describe("due messages while the Slack Web API struggles, on the real bot", () => {
  it(
    "posts every due message exactly once through 429 storms and slow answers, never calling before Retry-After",
    async () => {
      const { bot, arrivals, rateLimits, outageName } = await runThrough([
        { name: "429 storm with Retry-After", failure: { status: 429, retryAfter: 2 }, times: 3 },
        { name: "429 without Retry-After", failure: { status: 429 }, times: 2 },
        { name: "slow answers", failure: { delayMs: 3000 }, times: duePerMember },
      ]);
      await bot.untilLogged("sweep", faultTimeoutMs);
      // A rate limit longer than the pacing waits in place leaves the rest to the outbox's next minute.
      await untilExactlyOnce(outageName);
      expect(rateLimits.length).toBeGreaterThan(0);
      for (const { at, seconds } of rateLimits)
        expect(arrivals.filter((arrival) => arrival > at && arrival < at + seconds * 1000)).toEqual([]);
    },
    faultTimeoutMs,
  );

  it(
    "posts every due message exactly once through 5xx bursts and lost answers",
    async () => {
      const { bot, outageName } = await runThrough([
        { name: "500 burst", failure: { status: 500 }, times: 2 },
        { name: "502 burst", failure: { status: 502 }, times: 2 },
        { name: "lost answers", failure: "lost", times: 2 },
        { name: "503 burst", failure: { status: 503 }, times: 2 },
      ]);
      await bot.untilLogged("sweep", faultTimeoutMs);
      // A post whose outcome is unknown is checked against the DM's history and retried by the next minute's sweep.
      await untilExactlyOnce(outageName);
    },
    faultTimeoutMs,
  );
});

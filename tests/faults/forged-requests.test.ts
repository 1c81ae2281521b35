import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signature, signingSecret } from "../platforms/slack/slack-requests.js";
import { removeTempDirs } from "../support/temp-dirs.js";
import type { BotProcess } from "./bot-process.js";
import { faultTimeoutMs } from "./fault-counts.js";
import { documentHashes, FaultWorld } from "./fault-world.js";
import { postWith, press, pulseChoice, send, type SlackRequest } from "./slack-traffic.js";

let world: FaultWorld;
let bot: BotProcess;
let member: string;
beforeAll(async () => {
  world = await FaultWorld.create({ members: 2, moment: "checkin-open" });
  bot = await world.start();
  member = world.members[0]!;
  await vi.waitFor(() => world.members.forEach((m) => postWith(world.fake, m, pulseChoice)), { timeout: 60_000 });
  await bot.untilLogged("sweep", 240_000);
}, faultTimeoutMs);
afterAll(async () => {
  await world.close();
  await removeTempDirs();
});

const dataHashes = () => documentHashes(world.dataDir);

/** The member's tap on "Good" in their check-in: a request with an effect (the answer, and the thank-you). */
function pulseTap(): SlackRequest {
  return press(postWith(world.fake, member, pulseChoice), (value) => value.kind === "choice" && value.value === 3);
}

/** Sends `request` and checks that it changed nothing: no call to Slack, every stored file byte-identical. */
async function sendChangingNothing(request: SlackRequest, headers: Record<string, string>) {
  const before = await dataHashes();
  const calls = world.fake.calls.length;
  const response = await fetch(`${bot.url}/slack/events`, {
    method: "POST",
    headers: { "content-type": request.contentType, ...headers },
    body: request.body,
  });
  // A final request that is handled: had the refused one reached a handler, its effect would be in by then.
  expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  expect(world.fake.calls.length).toBe(calls);
  expect(await dataHashes()).toEqual(before);
  return response.status;
}

const now = () => Math.floor(Date.now() / 1000);
const signed = (body: string, timestamp = now(), secret = signingSecret) => ({
  "x-slack-request-timestamp": String(timestamp),
  "x-slack-signature": signature(body, timestamp, secret),
});

describe("requests that did not come from Slack, run against the real bot", () => {
  it("refuses a forged signature with 401, changing nothing and calling nobody", async () => {
    const tap = pulseTap();
    expect(await sendChangingNothing(tap, signed(tap.body, now(), "forgedsecret0123456789abcdefgh"))).toBe(401);
  });

  it("refuses a request signed six minutes ago, or stamped six minutes ahead, with 401", async () => {
    const tap = pulseTap();
    expect(await sendChangingNothing(tap, signed(tap.body, now() - 360))).toBe(401);
    expect(await sendChangingNothing(tap, signed(tap.body, now() + 360))).toBe(401);
  });

  it("refuses a body changed after it was signed, and an unsigned one, with 401", async () => {
    const tap = pulseTap();
    const tampered = { ...tap, body: tap.body.replace("%22value%22%3A%22c", "%22value%22%3A%22C") };
    expect(tampered.body).not.toBe(tap.body);
    expect(await sendChangingNothing(tampered, signed(tap.body))).toBe(401);
    expect(await sendChangingNothing(tap, {})).toBe(401);
  });

  it("answers a replayed request 200 and acts once, also after a restart", async () => {
    const tap = pulseTap();
    const headers = signed(tap.body);
    const first = await send(bot.url, tap, { timestamp: Number(headers["x-slack-request-timestamp"]) });
    expect(first.status).toBe(200);
    await vi.waitFor(() => expect(world.fake.callsOf("chat.update")).toHaveLength(1), { timeout: 60_000 });
    expect(await sendChangingNothing(tap, headers)).toBe(200);

    await bot.stop();
    bot = await world.start();
    await bot.untilLogged("Slack ready");
    expect(await sendChangingNothing(tap, headers)).toBe(200);
    expect(world.fake.callsOf("chat.update")).toHaveLength(1);
  });
});

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fixture, formEncoded, interactionBody, postToSlackEndpoint } from "../platforms/slack/slack-requests.js";
import { removeTempDirs } from "../support/temp-dirs.js";
import type { BotProcess } from "./bot-process.js";
import { faultCounts, faultSeed, faultTimeoutMs, fullRun } from "./fault-counts.js";
import { FaultWorld, faultGroup } from "./fault-world.js";
import { asFormFields, mutationsOf } from "./payload-mutations.js";
import { directMessage, fullCheckin, postWith, press, urlVerification } from "./slack-traffic.js";

let world: FaultWorld;
let bot: BotProcess;
let rssAtStart = 0;
beforeAll(async () => {
  world = await FaultWorld.create({ members: 2, moment: "checkin-open" });
  bot = await world.start();
  await vi.waitFor(() => world.members.forEach((m) => postWith(world.fake, m, fullCheckin)), { timeout: 240_000 });
  rssAtStart = await bot.rssBytes();
}, faultTimeoutMs);
afterAll(async () => {
  await world.close();
  await removeTempDirs();
});

/** A route of Slack's: a valid payload of it, and how its body is sent. */
interface Route {
  readonly valid: () => Record<string, unknown>;
  readonly encode: (payload: unknown) => { body: string; contentType: string };
}

const json = (payload: unknown) => ({ body: JSON.stringify(payload), contentType: "application/json" });
const interaction = (payload: unknown) => ({
  body: interactionBody(payload as Record<string, unknown>),
  contentType: formEncoded,
});
const member = () => world.members[0]!;
const routes: Record<string, Route> = {
  "slash command": {
    valid: () =>
      fixture("slash-command", {
        user: member(),
        channel: `D${member()}`,
        text: "help",
        responseUrl: "http://127.0.0.1:9/",
      }),
    encode: (payload) => ({ body: asFormFields(payload as never), contentType: formEncoded }),
  },
  block_actions: {
    valid: () =>
      JSON.parse(
        new URLSearchParams(press(postWith(world.fake, member(), fullCheckin), fullCheckin).body).get("payload")!,
      ),
    encode: interaction,
  },
  view_submission: {
    valid: () => fixture("view-submission", { user: member(), blocks: [], privateMetadata: '{"p":"x"}', values: {} }),
    encode: interaction,
  },
  "message.im event": { valid: () => JSON.parse(directMessage(member(), "hello", "Ev0FUZZ").body), encode: json },
  app_home_opened: {
    valid: () => fixture("app-home-opened", { user: member(), eventId: "Ev0FUZZHOME" }),
    encode: json,
  },
  url_verification: { valid: () => JSON.parse(urlVerification("challenge").body), encode: json },
};

describe("fuzzing every Slack route of the real bot with validly signed hostile payloads", () => {
  for (const [name, route] of Object.entries(routes))
    it(
      `answers every ${name} without a 5xx`,
      async () => {
        await fc.assert(
          fc.asyncProperty(mutationsOf(route.valid()), async (payload) => {
            const { body, contentType } = route.encode(payload);
            const { status } = await postToSlackEndpoint(bot.url, body, contentType);
            expect(status).toBeLessThan(500);
          }),
          { numRuns: faultCounts.fuzzRunsPerRoute, seed: faultSeed, endOnFailure: true },
        );
      },
      faultTimeoutMs,
    );

  it(
    "is still running afterwards, within bounded memory, and its data still loads",
    async () => {
      expect(bot.alive).toBe(true);
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
      const rss = await bot.rssBytes();
      const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
      process.stdout.write(`resident memory: ${mb(rssAtStart)} MB at start, ${mb(rss)} MB after fuzzing\n`);
      // Resident memory, not the heap after a collection: V8 keeps freed pages after multi-megabyte payloads, so the
      // bound catches growth per request (a leak), not that headroom; the full run's 12,000 payloads measured +279 MB.
      expect(rss).toBeLessThan(rssAtStart + (fullRun ? 512 : 256) * 2 ** 20);
      await bot.stop();
      const loaded = await world.withStore(async (store) => [
        await store.readOrganisation(),
        await store.readGroup(faultGroup),
      ]);
      expect(loaded).toHaveLength(2);
    },
    faultTimeoutMs,
  );
});

import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { removeTempDirs } from "../support/temp-dirs.js";
import type { BotProcess } from "./bot-process.js";
import { faultCounts, faultSeed, faultTimeoutMs } from "./fault-counts.js";
import { FaultWorld, faultGroup } from "./fault-world.js";
import { formItems, fullCheckin, postWith, press, send, submitForm } from "./slack-traffic.js";

let world: FaultWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
  await removeTempDirs();
});

/** Runs `act` over `items`, `size` at a time. */
async function inBatches<T>(items: readonly T[], size: number, act: (item: T) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(act));
}

/** The answer each member gives to every question (0-6), so a stored answer can be told apart from another's. */
const answerOf = (index: number) => index % 7;

describe("Cohesion killed with kill -9 while members send their full check-ins", () => {
  it(
    "keeps every answer it confirmed and stores none that was never sent, round after round",
    async () => {
      const { answersPerRound: perRound, killRounds: rounds } = faultCounts;
      // Each round's kill lands after a different number of confirmations (0: before any).
      const killAfter = fc.sample(fc.integer({ min: 0, max: perRound - 1 }), { seed: faultSeed, numRuns: rounds });
      process.stdout.write(
        `kill -9 after these confirmations, round by round: ${killAfter.join(", ")} (FAULTS_SEED=${faultSeed})\n`,
      );
      world = await FaultWorld.create({ members: perRound * rounds, moment: "checkin-open" });
      const { fake, members } = world;
      let bot: BotProcess = await world.start();
      // Every member's check-in goes out at Slack's pace first: minutes for the full run's 2,000 members.
      const pacedTimeout = { timeout: faultTimeoutMs / 2, interval: 1000 };
      await vi.waitFor(() => members.forEach((member) => postWith(fake, member, fullCheckin)), pacedTimeout);
      await inBatches(members, 50, async (member) => {
        expect((await send(bot.url, press(postWith(fake, member, fullCheckin), fullCheckin))).status).toBe(200);
      });
      await vi.waitFor(() => expect(fake.callsOf("views.open")).toHaveLength(members.length), pacedTimeout);
      const opened = new Map(
        fake.callsOf("views.open").map((call) => [String(call.args["trigger_id"]).slice(8), call]),
      );

      const sent = new Set<string>();
      const confirmed = new Set<string>();
      for (let round = 0; round < rounds; round++) {
        const batch = members.slice(round * perRound, (round + 1) * perRound);
        const requests = batch.map((member) =>
          submitForm(member, opened.get(member)!, answerOf(members.indexOf(member))),
        );
        let confirmations = 0;
        const killed = bot;
        const responses = requests.map(async (request, i) => {
          sent.add(batch[i]!);
          const response = await send(killed.url, request).catch(() => undefined);
          if (response === undefined) return;
          // The modal closes (an empty 200) only once the answers are stored; anything else would be a refusal.
          expect(response).toEqual({ status: 200, text: "" });
          confirmed.add(batch[i]!);
          if (++confirmations === killAfter[round]) void killed.kill();
        });
        if (killAfter[round] === 0) void killed.kill();
        await Promise.all(responses);
        expect((await killed.kill()).signal).toBe("SIGKILL");

        const answers = await world.withStore(async (store) => (await store.readGroup(faultGroup)).answers);
        const storedFor = (member: string) =>
          Object.entries(answers).filter(([key]) => key.startsWith(`slack:${member}|`));
        for (const member of confirmed) {
          const expected = formItems(opened.get(member)!).map(() => answerOf(members.indexOf(member)));
          expect(storedFor(member).map(([, answer]) => answer.value)).toEqual(expected);
        }
        expect(members.filter((member) => !sent.has(member) && storedFor(member).length > 0)).toEqual([]);
        if (round < rounds - 1) bot = await world.start();
      }
      process.stdout.write(`${confirmed.size} of ${sent.size} answers confirmed before the kills; all of them kept\n`);
    },
    faultTimeoutMs,
  );
});

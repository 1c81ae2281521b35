import fc from "fast-check";
import { afterAll, afterEach, expect, it, vi } from "vitest";
import type { InteractiveValue } from "../../src/platforms/slack/render/interactive-ids.js";
import { pressables } from "../platforms/slack/slack-posts.js";
import { describePostgres, dropSchemas } from "../store/postgres/postgres-helpers.js";
import { removeTempDirs } from "../support/temp-dirs.js";
import { faultCounts, faultSeed, faultTimeoutMs, fullRun } from "./fault-counts.js";
import { HoldPlan, type HeldPost } from "./holding-proxy.js";
import { ReplicaWorld, type Replica } from "./replica-world.js";
import { SocketStandIn } from "./socket-stand-in.js";
import { homeOpened, postWith, press, pulseChoice, send } from "./slack-traffic.js";

let world: ReplicaWorld | undefined;
let socketMode: SocketStandIn | undefined;
afterEach(async () => {
  await world?.close();
  await socketMode?.close();
  world = undefined;
  socketMode = undefined;
  await removeTempDirs();
});
afterAll(dropSchemas);

// Three replicas start at once: the fan-out falls due at a whole minute this far ahead, once all of them are running.
const leadMs = 100_000;
// A killed replica's claims are taken over by the next sweep after the outbox's claim lease (1 minute here) runs out.
const takeoverMs = 4 * 60_000;
const replicaTimeoutMs = (fullRun ? 30 : 12) * 60_000;
const paced = { timeout: fullRun ? 20 * 60_000 : 6 * 60_000, interval: 200 };

/** Runs `act` over `items`, `size` at a time. */
async function inBatches<T>(items: readonly T[], size: number, act: (item: T, index: number) => Promise<unknown>) {
  for (let start = 0; start < items.length; start += size)
    await Promise.all(items.slice(start, start + size).map((item, i) => act(item, start + i)));
}

describePostgres("several Cohesion replicas on one PostgreSQL database, two of them killed with kill -9", () => {
  it(
    "send each member's check-in exactly once, and store each answer once whichever replica takes it",
    async () => {
      const count = faultCounts.replicaMembers;
      const [atPost = 1] = fc.sample(fc.integer({ min: 1, max: Math.ceil(count / 12) }), {
        seed: faultSeed,
        numRuns: 1,
      });
      process.stdout.write(`replicas: each victim is killed at its post ${atPost} (FAULTS_SEED=${faultSeed})\n`);
      world = await ReplicaWorld.create({ members: count, leadMs });
      const { fake, members } = world.faults;
      const marked = (member: string) =>
        fake.ledger.filter(
          (post) => post.channel === `D${member}` && post.metadata?.event_type === "cohesion_delivery",
        );

      // Each replica whose post the plan holds is killed with it hanging: one that Slack never saw, one it posted.
      const plan = new HoldPlan(atPost, ["unsent", "posted"]);
      const victims: { replica: Replica; post: HeldPost }[] = [];
      const replicas = await world.startReplicas(3, plan);
      const readyBeforeDueMs = world.dueAt.getTime() - Date.now();
      for (const replica of replicas)
        void replica.proxy.held.then(async (post) => {
          await replica.bot.kill();
          victims.push({ replica, post });
        });
      await vi.waitFor(() => expect(victims).toHaveLength(2), paced);
      const killedAt = Date.now();
      for (const { replica } of victims) expect((await replica.bot.exited).signal).toBe("SIGKILL");
      const memberOf = (mode: HeldPost["mode"]) =>
        victims.find(({ post }) => post.mode === mode)!.post.channel.slice(1);
      const [unsent, posted] = [memberOf("unsent"), memberOf("posted")];

      // As an orchestrator would, a fresh replica replaces the killed ones beside the survivor.
      const survivor = replicas.find((replica) => !victims.some((victim) => victim.replica === replica))!;
      const live = [survivor, await world.startReplica(plan)];
      const unreached = () => members.filter((member) => member !== unsent && marked(member).length === 0);
      await vi.waitFor(() => expect(unreached()).toEqual([]), paced);
      expect(marked(posted)).toHaveLength(1);

      // Any replica takes any request: each member's pulse answer goes to the live replicas in turn.
      const answered = members.filter((member) => member !== unsent);
      const choices = new Map<string, InteractiveValue | undefined>();
      await inBatches(answered, 20, async (member, index) => {
        const post = postWith(fake, member, pulseChoice);
        choices.set(member, pressables(post).find((pressable) => pulseChoice(pressable.value))?.value);
        const replica = live[index % live.length]!;
        expect((await send(replica.bot.url, press(post, pulseChoice))).status).toBe(200);
      });
      const storedFor = (answers: Readonly<Record<string, { value: unknown }>>, member: string) =>
        Object.entries(answers)
          .filter(([key]) => key.startsWith(`slack:${member}|`))
          .map(([, answer]) => answer.value);
      await vi.waitFor(async () => {
        const { answers } = await world!.group();
        expect(answered.filter((member) => storedFor(answers, member).length === 0)).toEqual([]);
      }, paced);
      const { answers } = await world.group();
      for (const member of answered) {
        const choice = choices.get(member);
        expect(storedFor(answers, member)).toEqual([choice?.kind === "choice" ? choice.value : undefined]);
      }

      // The killed replicas' claims are taken over: the post Slack never saw goes out, the one it posted is not repeated.
      await vi.waitFor(
        async () => {
          const outbox = Object.values((await world!.group()).outbox);
          const checkins = outbox.filter(({ delivery }) => delivery.kind === "checkin" && delivery.session === 2);
          const unsettled = checkins.filter(({ status }) => status !== "sent").map(({ status }) => status);
          expect(unsettled, "check-ins claimed by a killed replica and never taken over").toEqual([]);
          expect(checkins).toHaveLength(count);
        },
        { timeout: takeoverMs, interval: 1000 },
      );
      const notOnce = members.filter((member) => marked(member).length !== 1);
      expect(notOnce.map((member) => `${member}: ${marked(member).length}`)).toEqual([]);
      const sentBy = [...replicas, ...live.slice(1)].map((replica) => replica.proxy.posts).join(", ");
      process.stdout.write(
        `replicas: ${count} check-ins exactly once; replicas ready ${Math.round(readyBeforeDueMs / 1000)} s before ` +
          `the fan-out fell due; posts by replica ${sentBy}; taken over ${Math.round((Date.now() - killedAt) / 1000)} s ` +
          `after the kills\n`,
      );
    },
    replicaTimeoutMs,
  );

  it(
    "have one effect for an event Slack sends again to another replica, and for a signed request replayed there",
    async () => {
      world = await ReplicaWorld.create({ members: 2, leadMs: 30 * 60_000 });
      const { fake, members } = world.faults;
      const [first, second] = await world.startReplicas(2, new HoldPlan(1, []));
      const now = Math.floor(Date.now() / 1000);
      const published = (count: number) =>
        vi.waitFor(() => expect(fake.callsOf("views.publish")).toHaveLength(count), paced);
      // Each replica is at work before the retry: the second has handled an event of its own.
      expect((await send(second!.bot.url, homeOpened(members[1]!, "Ev0REPLICAS0"))).status).toBe(200);
      await published(1);
      const opened = homeOpened(members[0]!, "Ev0REPLICAS1");
      expect((await send(first!.bot.url, opened, { timestamp: now - 60 })).status).toBe(200);
      await published(2);

      // Slack's retry of an event it thinks was lost: signed anew, marked as a retry, to whichever replica.
      const retry = { timestamp: now, headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } };
      expect((await send(second!.bot.url, opened, retry)).status).toBe(200);
      await second!.bot.untilLogged("Slack event ignored");
      expect(fake.callsOf("views.publish")).toHaveLength(2);

      // The very same signed request sent to the other replica: a replay.
      const another = homeOpened(members[1]!, "Ev0REPLICAS2");
      expect((await send(first!.bot.url, another, { timestamp: now })).status).toBe(200);
      await published(3);
      expect((await send(second!.bot.url, another, { timestamp: now })).status).toBe(200);
      await second!.bot.untilLogged("Slack request ignored");
      expect(fake.callsOf("views.publish")).toHaveLength(3);
    },
    faultTimeoutMs,
  );

  it(
    "each open a Socket Mode connection, and an event Slack sends again over another has one effect",
    async () => {
      world = await ReplicaWorld.create({ members: 1, leadMs: 30 * 60_000 });
      const { fake, members } = world.faults;
      socketMode = await SocketStandIn.start();
      fake.socketUrl = socketMode.url;
      const appToken = { SLACK_APP_TOKEN: "xapp-1-A0123456789-1234567890-testtoken" };
      await world.startReplica(new HoldPlan(1, []), appToken);
      await vi.waitFor(() => expect(socketMode?.connections).toHaveLength(1), paced);
      const second = await world.startReplica(new HoldPlan(1, []), appToken);
      await vi.waitFor(() => expect(socketMode?.connections).toHaveLength(2), paced);

      const opened = (eventId: string) => JSON.parse(homeOpened(members[0]!, eventId).body) as Record<string, unknown>;
      // Each connection carries events of its own: both replicas are at work.
      socketMode.sendEvent(1, "envelope-second", opened("Ev0SOCKET0"));
      await vi.waitFor(() => expect(fake.callsOf("views.publish")).toHaveLength(1), paced);
      socketMode.sendEvent(0, "envelope-first", opened("Ev0SOCKET1"));
      await vi.waitFor(() => expect(fake.callsOf("views.publish")).toHaveLength(2), paced);
      expect(socketMode.connections.map((connection) => connection.acks)).toEqual([
        ["envelope-first"],
        ["envelope-second"],
      ]);

      // Slack resends an event whose acknowledgement it did not get, over whichever connection it likes.
      socketMode.sendEvent(1, "envelope-again", opened("Ev0SOCKET1"), 1);
      await second.bot.untilLogged("Slack event ignored");
      expect(socketMode.connections[1]?.acks).toEqual(["envelope-second", "envelope-again"]);
      expect(fake.callsOf("views.publish")).toHaveLength(2);
    },
    faultTimeoutMs,
  );
});

// One fan-out of session reminders through Cohesion's real dispatcher and Slack messenger, to the fake Slack Web API
// behind Slack's chat.postMessage limits (and, if asked, injected faults), with what reached each member.
import type { GroupState } from "../src/core/state.js";
import { slackTuning, type SlackTuning } from "../src/platforms/slack/slack-platform.js";
import { MemoryStore } from "../src/store/memory-store.js";
import { FakeSlackApi, type PostedMessage } from "../tests/platforms/slack/fake-slack-api.js";
import { ManualClock } from "../tests/support/fakes.js";
import { at, groupId } from "../tests/support/outbox-helpers.js";
import { RateLimitedSlack, type InjectedFaults, type LimiterCounts, type PostLimits } from "./slack-limits-support.js";
import { CountingLogger, memberId, startCohesionOnSlack } from "./slack-bench-support.js";

/** What one fan-out did and how long it took. */
export interface FanoutResult {
  /** Wall time of every sweep until nothing was left to retry (the outbox's retry delays are simulated time). */
  readonly ms: number;
  /** The least time the limits allow for the posts that reached Slack (0 without limits). */
  readonly floorMs: number;
  readonly posts: number;
  /** Sweeps: the first, then one per outbox retry round (1, then 5 minutes later in production). */
  readonly sweeps: number;
  /** Members who got no reminder, and reminders posted more than once. */
  readonly lost: number;
  readonly duplicated: number;
  /** The second session's reminders in the outbox, by status. */
  readonly outbox: Record<string, number>;
  readonly limiter: LimiterCounts;
}

const maxSweeps = 10;

/** Cohesion's Slack timings with one Slack second lasting `secondMs`. */
function scaledTuning(secondMs: number): SlackTuning {
  return { ...slackTuning, pacing: { ...slackTuning.pacing, perChannelMs: secondMs, secondMs } };
}

const unpaced: SlackTuning = { ...slackTuning, pacing: { ...slackTuning.pacing, perChannelMs: 0, secondMs: 1 } };

function nextRetryAt(state: Readonly<GroupState>): string | undefined {
  const retrying = Object.values(state.outbox).flatMap((entry) =>
    entry.status === "retrying" && entry.nextAttemptAt !== undefined ? [entry.nextAttemptAt] : [],
  );
  return retrying.sort()[0];
}

/** The least time `limits` allow for `posts`: the workspace's rate after its first second, or one channel's. */
function floorMs(posts: readonly PostedMessage[], limits: PostLimits): number {
  const perSecond = limits.workspacePerMinute / 60;
  const workspaceSeconds = Math.max(0, posts.length - perSecond) / perSecond;
  const perChannel = new Map<string, number>();
  for (const post of posts) perChannel.set(post.channel, (perChannel.get(post.channel) ?? 0) + 1);
  const channelSeconds = Math.max(0, ...[...perChannel.values()].map((n) => (n - 1) / limits.perChannelPerSecond));
  return Math.max(workspaceSeconds, channelSeconds) * limits.secondMs;
}

/** Members without a reminder, and reminder marks posted more than once. */
function deliveryCheck(posts: readonly PostedMessage[], members: number): { lost: number; duplicated: number } {
  const marks = new Map<string, Map<string, number>>();
  for (const post of posts) {
    const mark = post.metadata?.event_payload["key"];
    if (typeof mark !== "string") continue;
    const byMark = marks.get(post.channel) ?? new Map<string, number>();
    byMark.set(mark, (byMark.get(mark) ?? 0) + 1);
    marks.set(post.channel, byMark);
  }
  let lost = 0;
  let duplicated = 0;
  for (let n = 1; n <= members; n += 1) {
    const byMark = marks.get(`D${memberId(n)}`);
    if (!byMark) lost += 1;
    else duplicated += [...byMark.values()].filter((count) => count > 1).length;
  }
  return { lost, duplicated };
}

// The first session's messages go out (or expire) first, unmeasured and unlimited, so the run sends reminders only;
// a fresh Cohesion then sends them with its Slack timings scaled to the limits' second, as a production start would.
/** Sends the second session's reminder to `members` members through the limits (if `enforced`) and `faults`. */
export async function fanout(
  members: number,
  limits: PostLimits,
  { enforced, faults }: { enforced: boolean; faults?: InjectedFaults },
): Promise<FanoutResult> {
  const fake = await FakeSlackApi.start();
  const clock = new ManualClock(new Date(at.beforeEverything));
  fake.clock = () => clock.now();
  const store = new MemoryStore();
  const logger = new CountingLogger();
  const before = await startCohesionOnSlack({ store, clock, logger, apiUrl: fake.apiUrl, tuning: unpaced, members });
  await before.sweep();
  clock.set(new Date(Date.parse(at.reminder2Due) - 60_000));
  await before.sweep();
  await before.stop();
  const limiter = await RateLimitedSlack.start(fake.url, enforced ? limits : undefined, faults);
  const tuning = scaledTuning(limits.secondMs);
  const chat = await startCohesionOnSlack({ store, clock, logger, apiUrl: limiter.apiUrl, tuning, members });
  const first = fake.ledger.length;
  const started = performance.now();
  let sweeps = 0;
  for (let next: string | undefined = at.reminder2Due; next !== undefined && sweeps < maxSweeps; sweeps += 1) {
    clock.set(next);
    await chat.sweep();
    next = nextRetryAt(await store.readGroup(groupId));
  }
  const ms = performance.now() - started;
  await chat.stop();
  await limiter.close();
  await fake.close();
  const posts = fake.ledger.slice(first);
  const outbox: Record<string, number> = {};
  for (const entry of Object.values((await store.readGroup(groupId)).outbox))
    if (entry.delivery.kind === "reminder" && entry.delivery.session === 2)
      outbox[entry.status] = (outbox[entry.status] ?? 0) + 1;
  const check = deliveryCheck(posts, members);
  const floor = enforced ? floorMs(posts, limits) : 0;
  return { ms, floorMs: floor, posts: posts.length, sweeps, ...check, outbox, limiter: limiter.counts };
}

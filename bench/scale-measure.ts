// The measurements of the scale benchmark, each on a group whose history scale-history.ts built.
import { performance } from "node:perf_hooks";
import { lookbackHours } from "../src/app/dispatcher.js";
import { groupAlerts } from "../src/core/alerts/index.js";
import { orientationReadBeforeFirstSession } from "../src/core/answers/index.js";
import { climateSeries, groupClimate, leadClimate } from "../src/core/climate/index.js";
import { climateInstrument, programOf } from "../src/core/context.js";
import { heldSessions, listSessions } from "../src/core/groups/index.js";
import { makeDelivery } from "../src/core/schedule.js";
import type { GroupState } from "../src/core/state.js";
import { addHours } from "../src/kernel/time.js";
import { summaryMessage } from "../src/views/leads/summary-message.js";
import { summaryWithChart } from "../src/views/leads/summary-with-chart.js";
import { careTeamDigest } from "../schedules/care-team-digest.js";
import { schedules } from "../schedules/index.js";
import type { World } from "../tests/support/world.js";
import { groupHistory, onlyGroup, scaleWorld } from "./scale-history.js";

const runs = Number(process.env["BENCH_RUNS"] ?? 15);

/** A scale world, its group's built history, and the instant it is measured at. */
export interface ScaleGroup {
  readonly world: World;
  readonly state: GroupState;
  readonly now: Date;
}

/** The median time of `runs` calls of `work` after one to warm up, in ms; `prepare` runs untimed before each. */
async function medianMs<T>(prepare: () => T, work: (input: T) => unknown): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run <= runs; run += 1) {
    const input = prepare();
    const began = performance.now();
    await work(input);
    if (run > 0) times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/** Session `number`'s start and when its check-in goes out. */
function sessionAt(world: World, number: number): { startsAt: Date; checkinDue: Date } {
  const group = onlyGroup(world);
  const session = listSessions(group, new Date("2100-01-01T00:00:00Z"))[number - 1];
  if (!session) throw new Error(`no session ${number}`);
  return {
    startsAt: session.startsAt,
    checkinDue: addHours(session.endsAt, world.ctx.organisation.timing.checkinMinutesAfter / 60),
  };
}

/** A group of the 12 members after `sessions` sessions: five days after the latest, or two hours into its check-in. */
export async function scaleGroup(sessions: number, phase: "between" | "answering", world?: World): Promise<ScaleGroup> {
  const probe = scaleWorld(sessions + 1, new Date(0));
  const { startsAt, checkinDue } = sessionAt(probe, sessions);
  const now = phase === "between" ? addHours(startsAt, 24 * 5) : addHours(checkinDue, 2);
  const built = world ?? scaleWorld(sessions + 1, now);
  built.clock.set(now.toISOString());
  return { world: built, state: await groupHistory(built, now), now };
}

/** What the minute sweep asks every job at `now`: how long, and how many deliveries it found that are not yet sent. */
export async function sweepDue({ world, state, now }: ScaleGroup, fresh: boolean) {
  const group = onlyGroup(world);
  const from = addHours(now, -lookbackHours);
  let unsent = 0;
  const ms = await medianMs(
    () => (fresh ? structuredClone(state) : state),
    (current) => {
      const due = schedules.flatMap((schedule) => schedule.due(world.ctx, group, current, from, now));
      unsent = due.filter((delivery) => current.outbox[delivery.key] === undefined).length;
    },
  );
  return { ms, unsent };
}

/** The lead's `summary` as the command builds it (charts recorded, not drawn, or left out), on a state no cache has seen. */
export async function summaryWork({ world, state, now }: ScaleGroup, chart: "recorded" | "left out"): Promise<number> {
  const { ctx } = world;
  const group = onlyGroup(world);
  const { privacy, analytics } = ctx.organisation;
  return medianMs(
    () => structuredClone(state),
    async (current) => {
      const published = groupClimate(ctx, group, current, now);
      const alerts = groupAlerts(ctx, group, current, now, published);
      const climates = leadClimate(ctx, group, current, now);
      const orientation = orientationReadBeforeFirstSession(group, current, now);
      if (chart === "recorded")
        await summaryWithChart({ ctx, group, climates, alerts, audience: "leads", orientation });
      else
        summaryMessage({
          group,
          program: programOf(ctx, group),
          gcq: climateInstrument(ctx),
          climates,
          minResponses: privacy.leadMinResponses,
          orientation,
          analytics: {
            trend: analytics.trend,
            settings: analytics.alerts,
            alerts,
            audience: "leads",
            now,
            publishedFrom: privacy.minResponses,
          },
        });
    },
  );
}

/** The chart's data as a summary prepares it (the latest sessions' points, not drawn), from a lead climate worked out untimed. */
export async function chartData({ world, state, now }: ScaleGroup): Promise<number> {
  const group = onlyGroup(world);
  return medianMs(
    () => leadClimate(world.ctx, group, structuredClone(state), now),
    (climates) => climateSeries(climates, climateInstrument(world.ctx)),
  );
}

/** One pass of the care team's digest over `groups` groups with this history, each on a state no cache has seen; total ms. */
export async function digestPass({ world, state, now }: ScaleGroup, groups: number): Promise<number> {
  const group = onlyGroup(world);
  const { number } = heldSessions(group, now).at(-1) ?? { number: 1 };
  const delivery = makeDelivery({
    kind: "digest",
    group,
    session: number,
    recipient: group.careTeamChannel,
    dueAt: now,
    expiresAt: now,
  });
  let total = 0;
  for (let pass = 0; pass <= 1; pass += 1)
    for (let i = 0; i < (pass === 0 ? 3 : groups); i += 1) {
      // Each group's own document, as the sweep reads it: copied untimed, one at a time.
      const current = structuredClone(state);
      const began = performance.now();
      await careTeamDigest.render(world.ctx, group, current, delivery, now);
      if (pass > 0) total += performance.now() - began;
    }
  return total;
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupAlerts, keptFindings, type Alert } from "../../../src/core/alerts/index.js";
import { groupClimate, leadClimate, type SessionClimate } from "../../../src/core/climate/index.js";
import type { Group } from "../../../src/core/setup/index.js";
import type { GroupState } from "../../../src/core/state.js";
import { answerWindowCloses, sessionByNumber } from "../../../src/core/groups/index.js";
import { addHours } from "../../../src/kernel/time.js";
import { summaryWithChart } from "../../../src/views/leads/summary-with-chart.js";
import type { World } from "../../support/world.js";
import { legacyAlerts } from "./legacy/legacy-alerts.js";
import { legacyGroupClimate, legacyLeadClimate } from "./legacy/legacy-climate.js";
import { histories, historySessions, historyWorld, playSession } from "./stored-figures-history.js";

interface Reading {
  readonly published: SessionClimate[];
  readonly lead: SessionClimate[];
  readonly alerts: Alert[];
  readonly leadSummary: unknown;
  readonly careTeamSummary: unknown;
}

async function messages(
  world: World,
  group: Group,
  lead: SessionClimate[],
  published: SessionClimate[],
  alerts: Alert[],
) {
  const { ctx } = world;
  return {
    leadSummary: await summaryWithChart({ ctx, group, climates: lead, alerts, audience: "leads" }),
    careTeamSummary: await summaryWithChart({ ctx, group, climates: published, alerts, audience: "care-team" }),
  };
}

/** What the leads and the care team would read at `now`, from the stored figures where they hold. */
async function readNow(world: World, group: Group, state: Readonly<GroupState>, now: Date): Promise<Reading> {
  const published = groupClimate(world.ctx, group, state, now);
  const lead = leadClimate(world.ctx, group, state, now);
  const alerts = groupAlerts(world.ctx, group, state, now, published);
  return { published, lead, alerts, ...(await messages(world, group, lead, published, alerts)) };
}

/** Marks the sessions whose published figures were kept after an erasure, as the climate now says (with the care team's floor). */
function marked(world: World, state: Readonly<GroupState>, climates: SessionClimate[]): SessionClimate[] {
  const keptFrom = world.ctx.organisation.privacy.minResponses;
  return climates.map((c) => (!c.collecting && state.frozenClimate[String(c.session.number)] ? { ...c, keptFrom } : c));
}

/** The same, computed the old way: every figure from every raw answer. */
async function readTheOldWay(world: World, group: Group, state: Readonly<GroupState>, now: Date): Promise<Reading> {
  const published = marked(world, state, legacyGroupClimate(world.ctx, group, state, now));
  const lead = marked(world, state, legacyLeadClimate(world.ctx, group, state, now));
  const alerts = legacyAlerts(world.ctx, group, state, published);
  return { published, lead, alerts, ...(await messages(world, group, lead, published, alerts)) };
}

describe("summaries, digests and alerts read from stored figures", () => {
  it("say exactly what they said when every figure came from the raw answers, whatever happened in the group", async () => {
    let storedReads = 0;
    let keptReads = 0;
    await fc.assert(
      fc.asyncProperty(histories, async ({ sessions, openEnded }) => {
        const { world, group } = historyWorld(openEnded);
        for (const [index, happens] of sessions.entries()) {
          const after = await playSession(world, group, index + 1, happens);
          const state = await world.store.readGroup(group.id);
          storedReads += Object.keys(state.sessionFigures).length > 0 ? 1 : 0;
          keptReads += keptFindings(world.ctx, group, state, groupClimate(world.ctx, group, state, after)) ? 1 : 0;
          expect(await readNow(world, group, state, after)).toEqual(await readTheOldWay(world, group, state, after));
        }
        const last = sessionByNumber(group, historySessions) as NonNullable<ReturnType<typeof sessionByNumber>>;
        const windowHours = world.ctx.organisation.timing.answerWindowHours;
        const whileOpen = addHours(answerWindowCloses(group, last, windowHours), -2);
        const state = await world.store.readGroup(group.id);
        expect(await readNow(world, group, state, whileOpen)).toEqual(
          await readTheOldWay(world, group, state, whileOpen),
        );
      }),
      { numRuns: 30 },
    );
    expect(storedReads).toBeGreaterThan(100);
    expect(keptReads).toBeGreaterThan(10);
  }, 120_000);

  it("raise the same alerts from the rules' kept findings as from running every rule over the same figures", async () => {
    let keptReads = 0;
    await fc.assert(
      fc.asyncProperty(histories, async ({ sessions, openEnded }) => {
        const { world, group } = historyWorld(openEnded);
        const alertsAt = (state: Readonly<GroupState>, now: Date) =>
          groupAlerts(world.ctx, group, state, now, groupClimate(world.ctx, group, state, now));
        for (const [index, happens] of sessions.entries()) {
          const after = await playSession(world, group, index + 1, happens);
          const state = await world.store.readGroup(group.id);
          keptReads += keptFindings(world.ctx, group, state, groupClimate(world.ctx, group, state, after)) ? 1 : 0;
          expect(alertsAt(state, after)).toEqual(alertsAt(withoutFindings(state), after));
        }
      }),
      { numRuns: 30 },
    );
    expect(keptReads).toBeGreaterThan(10);
  }, 120_000);
});

/** A copy of a state with no rule findings kept, so that alerts come from running the rules. */
function withoutFindings(state: Readonly<GroupState>): GroupState {
  const copy = structuredClone(state) as GroupState;
  for (const figures of Object.values(copy.sessionFigures)) delete figures.findings;
  return copy;
}

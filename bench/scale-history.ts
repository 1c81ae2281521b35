// A group's stored state after weeks of use, for the scale benchmark: the bot's own schedules decide what was sent,
// members answer (a different few stay silent each week), closed sessions' figures and the alert rules' findings in
// them are stored, and the result must pass the stored state's schema.
import { lookbackHours } from "../src/app/dispatcher.js";
import { storeSessionFindings } from "../src/core/alerts/index.js";
import { freezeSessionFigures } from "../src/core/climate/index.js";
import type { CoreContext } from "../src/core/context.js";
import { noteNewMembers } from "../src/core/groups/index.js";
import { makeDelivery, type Schedule } from "../src/core/schedule.js";
import type { Group } from "../src/core/setup/index.js";
import {
  answerKey,
  emptyGroupState,
  groupStateSchema,
  rsvpKey,
  type Delivery,
  type GroupState,
} from "../src/core/state.js";
import { toAddress, type Address } from "../src/kernel/address.js";
import { addHours } from "../src/kernel/time.js";
import { schedules } from "../schedules/index.js";
import { exampleConfig } from "../tests/support/example-setup.js";
import { groupId } from "../tests/support/outbox-helpers.js";
import { makeWorld, type World } from "../tests/support/world.js";
import type { Store } from "../src/core/store.js";

/** The members of every synthetic group. */
export const scaleMembers: Address[] = Array.from({ length: 12 }, (_, i) => toAddress(`console:member-${i + 1}`));

const silentPerSession = 3;
// Jobs that follow the calendar alone, so what they sent over the whole history can be asked in one call.
const calendarKinds = new Set(["orientation", "reminder", "briefing", "checkin", "digest", "overview"]);
// Jobs whose messages carry a prompt, which the history must hold for answers to be accepted.
const promptKinds = new Set(["orientation", "reminder", "checkin"]);

/** A world holding the demo group pain-tue with the 12 members, meeting weekly `sessions` times, at `now`. */
export function scaleWorld(sessions: number, now: Date, store?: Store): World {
  const config = exampleConfig((c) => ({
    ...c,
    groups: c.groups
      .filter((g) => g.id === groupId)
      .map((g) => ({ ...g, members: scaleMembers, schedule: { ...g.schedule, count: sessions } })),
  }));
  return makeWorld({ now: now.toISOString(), config, ...(store ? { store } : {}) });
}

/** The one group of a scale world. */
export function onlyGroup(world: World): Group {
  const [group] = world.ctx.groups;
  if (!group) throw new Error("the scale world has no group");
  return group;
}

/** Whether member `index` stays silent after `session` (a different three each week). */
export function staysSilent(index: number, session: number): boolean {
  return (((index - session) % scaleMembers.length) + scaleMembers.length) % scaleMembers.length < silentPerSession;
}

/** The group's state at `until`: everything its jobs sent by then, and the answers and RSVPs given. */
export async function groupHistory(world: World, until: Date): Promise<GroupState> {
  const { ctx } = world;
  const group = onlyGroup(world);
  const start = addHours(new Date(`${group.schedule.firstSession}:00Z`), -24 * 14);
  const state = emptyGroupState(group.id);
  noteNewMembers(group, state, start);
  for (const schedule of schedules.filter((s) => calendarKinds.has(s.kind)))
    for (const delivery of schedule.due(ctx, group, state, start, until))
      await markSent(ctx, group, state, schedule, delivery);
  const nudge = schedules.find((s) => s.kind === "nudge");
  for (const entry of Object.values(state.outbox).filter((e) => e.delivery.kind === "checkin")) {
    const { session, recipient, dueAt } = entry.delivery;
    const answeredAt = addHours(new Date(dueAt), 1);
    if (staysSilent(scaleMembers.indexOf(recipient), session)) {
      const nudgeDue = addHours(new Date(dueAt), ctx.organisation.timing.nudgeHoursAfter);
      const delivery = makeDelivery({
        kind: "nudge",
        group,
        session,
        recipient,
        dueAt: nudgeDue,
        expiresAt: new Date(entry.delivery.expiresAt),
      });
      if (nudge && nudgeDue <= until) await markSent(ctx, group, state, nudge, delivery);
    } else if (answeredAt <= until) answerCheckin(state, recipient, session, answeredAt);
  }
  for (const entry of Object.values(state.outbox).filter((e) => e.delivery.kind === "reminder")) {
    const at = addHours(new Date(entry.delivery.dueAt), 1);
    if (at <= until)
      state.rsvps[rsvpKey(entry.delivery.recipient, entry.delivery.session)] = {
        response: "yes",
        at: at.toISOString(),
      };
  }
  await settle(ctx, group, state, until);
  // Each closed session's figures once its window has closed, then what the alert rules find in them.
  freezeSessionFigures(ctx, group, state, until);
  storeSessionFindings(ctx, group, state, until);
  return groupStateSchema.parse(state);
}

// Whatever any job still finds due in the sweep's look-back at `until` went out, as the minute sweep would have sent it.
async function settle(ctx: CoreContext, group: Group, state: GroupState, until: Date): Promise<void> {
  const from = addHours(until, -lookbackHours);
  for (const schedule of schedules)
    for (const delivery of schedule.due(ctx, group, state, from, until))
      if (state.outbox[delivery.key] === undefined) await markSent(ctx, group, state, schedule, delivery);
}

function answerCheckin(state: GroupState, member: Address, session: number, at: Date): void {
  const stamp = at.toISOString();
  for (let item = 1; item <= 12; item += 1)
    state.answers[answerKey(member, session, "gcq-s", `gcq-${item}`)] = {
      value: (member.length + session * 7 + item * 3) % 7,
      at: stamp,
    };
  // Never 1 ("Hard going"), which would raise a distress rule's alert at once.
  const pulse = 2 + ((session + scaleMembers.indexOf(member)) % 4);
  state.answers[answerKey(member, session, "pulse", "pulse-1")] = { value: pulse, at: stamp };
}

async function markSent(ctx: CoreContext, group: Group, state: GroupState, schedule: Schedule, delivery: Delivery) {
  const at = new Date(delivery.dueAt);
  if (promptKinds.has(delivery.kind)) {
    const rendered = await schedule.render(ctx, group, state, delivery, at);
    if (rendered.prompt) state.prompts[rendered.prompt.id] = rendered.prompt.prompt;
  }
  state.outbox[delivery.key] = { delivery, status: "sent", updatedAt: delivery.dueAt, attempts: 1 };
  schedule.onSent?.(state, delivery, at);
}

import type { SweepReport } from "../../src/app/dispatcher.js";
import { toAddress, type Address } from "../../src/kernel/address.js";
import type { Block, Button, ChoiceBlock, Message } from "../../src/kernel/message.js";
import type { CohesionConfig, Group } from "../../src/core/setup/index.js";
import type { Store } from "../../src/core/store.js";
import type { DeliveryKind, GroupState, OrganisationState, OutboxEntry } from "../../src/core/state.js";
import { makeWorld, type World } from "./world.js";
import { exampleConfig } from "./example-setup.js";

/** The demo group most tests use: 8 weekly sessions from Tuesday 1 December 2026, 18:00 London (= UTC). */
export const groupId = "pain-tue";

/** Its members and leads, as configured in cohesion.example.yaml. */
export const members: Address[] = ["ana", "ben", "carla", "dev", "erin", "femi", "grace", "hugo"].map((name) =>
  toAddress(`console:${name}`),
);
export const leads: Address[] = ["console:okafor", "console:sam"].map(toAddress);
export const careTeam: Address = toAddress("console:care-team");

/** Key milestones of the demo group's first sessions, as UTC instants. */
export const at = {
  beforeEverything: "2026-11-27T18:00:00Z",
  orientationDue: "2026-11-28T18:00:00Z",
  reminder1Due: "2026-11-30T18:00:00Z",
  session1Starts: "2026-12-01T18:00:00Z",
  session1Ends: "2026-12-01T19:30:00Z",
  checkin1Due: "2026-12-01T19:40:00Z",
  nudge1Due: "2026-12-02T19:40:00Z",
  window1Closes: "2026-12-04T19:30:00Z",
  reminder2Due: "2026-12-07T18:00:00Z",
  session2Starts: "2026-12-08T18:00:00Z",
} as const;

/** The demo configuration with only the pain-tue group, optionally edited further. */
export function painTueConfig(edit: (group: Group) => Group = (g) => g): CohesionConfig {
  return exampleConfig((config) => ({ ...config, groups: config.groups.filter((g) => g.id === groupId).map(edit) }));
}

/** A world holding only the pain-tue group. */
export function painTueWorld(options: { now?: string; store?: Store; edit?: (group: Group) => Group } = {}): World {
  return makeWorld({
    now: options.now ?? at.beforeEverything,
    store: options.store,
    config: painTueConfig(options.edit),
  });
}

/** A pain-tue world swept at the start and then at each instant given. */
export async function sweptThrough(instants: readonly string[], edit?: (group: Group) => Group): Promise<World> {
  const world = painTueWorld({ edit });
  for (const instant of [at.beforeEverything, ...instants]) await sweepAt(world, instant);
  return world;
}

/** Moves the clock to `instant` and runs one sweep. */
export async function sweepAt(world: World, instant: string): Promise<SweepReport> {
  world.clock.set(instant);
  return world.dispatcher.sweep();
}

/** Everything a message says, fallback text and every block's text, for substring checks. */
export function allText(message: Message): string {
  const parts = [message.text];
  for (const block of message.blocks) {
    if (block.type === "text" || block.type === "context") parts.push(block.text);
    if (block.type === "fields") parts.push(...block.fields.map((f) => `${f.label}: ${f.value}`));
    if (block.type === "choice") parts.push(block.question);
    if (block.type === "buttons") parts.push(...block.buttons.map((b) => b.label));
  }
  return parts.join("\n");
}

/** Messages sent so far, in order, whose text contains `needle`. */
export function sentContaining(world: World, needle: string): { to: Address; message: Message }[] {
  return world.messenger.sent.filter((s) => allText(s.message).includes(needle));
}

/** Recipients of the messages sent so far whose text contains `needle`, sorted. */
export function recipientsOf(world: World, needle: string): Address[] {
  return sentContaining(world, needle)
    .map((s) => s.to)
    .sort();
}

/** Fragments that identify each kind of message in the demo content. */
export const marks = {
  orientation: "Welcome to your Tuesday group",
  reminder: "Your Tuesday group meets",
  checkin: "Thank you for being part of today's session",
  nudge: "If you have a moment",
  digest: "Digest after session",
  unreachable: "isn't getting Cohesion's messages",
  overview: "Weekly overview",
  alert: "Alert about",
  "team-alert": "Alert about",
  "member-message": "wrote to Cohesion",
  escalation: "Escalated to you",
  "team-escalation": "has not been acknowledged",
  "contact-request": "would like one of you to get in touch",
  screening: "may need a conversation before the first session",
  briefing: "Briefing before session",
  "data-deleted": "asked for their answers and messages",
} as const;

/** The choice block of a message (check-ins and nudges carry one), or a test failure. */
export function choiceBlockOf(message: Message): ChoiceBlock {
  const block = message.blocks.find((b): b is ChoiceBlock => b.type === "choice");
  if (!block) throw new Error(`no choice block in: ${message.text}`);
  return block;
}

/** The buttons of a message's buttons blocks. */
export function buttonsOf(message: Message): Button[] {
  return message.blocks.flatMap((b: Block) => (b.type === "buttons" ? [...b.buttons] : []));
}

/** The deterministic outbox key of one delivery of the demo group. */
export function keyOf(kind: DeliveryKind, session: number, recipient: Address): string {
  return `${kind}:${groupId}:${session}:${recipient}`;
}

/** The outbox entry for a key, if any. */
export async function entryOf(world: World, key: string, group = groupId): Promise<OutboxEntry | undefined> {
  return (await world.store.readGroup(group)).outbox[key];
}

/** The outbox entries of one kind and session, keyed by recipient. */
export async function entriesOf(
  world: World,
  kind: DeliveryKind,
  session: number,
  group = groupId,
): Promise<Map<Address, OutboxEntry>> {
  const state: Readonly<GroupState> = await world.store.readGroup(group);
  return new Map(
    Object.values(state.outbox)
      .filter((entry) => entry.delivery.kind === kind && entry.delivery.session === session)
      .map((entry) => [entry.delivery.recipient, entry]),
  );
}

/** Answers the pulse item of the check-in `member` received for the latest session so far. */
export async function answerPulse(world: World, member: Address, value = 4): Promise<void> {
  const checkin = sentContaining(world, marks.checkin).findLast((s) => s.to === member);
  if (!checkin) throw new Error(`${member} has no check-in to answer`);
  const { promptId } = choiceBlockOf(checkin.message);
  const outcome = await world.interactions.handle({ type: "choice", from: member, promptId, itemId: "pulse-1", value });
  if (!("reply" in outcome) || !outcome.reply.text.startsWith("Thank you"))
    throw new Error(`answer not saved: ${JSON.stringify(outcome)}`);
}

/** Presses an RSVP button on the latest reminder `member` received. */
export async function rsvp(world: World, member: Address, action: "rsvp-yes" | "rsvp-no"): Promise<void> {
  const reminder = sentContaining(world, marks.reminder).findLast((s) => s.to === member);
  if (!reminder) throw new Error(`${member} has no reminder to answer`);
  const button = buttonsOf(reminder.message).find((b) => b.action === action);
  if (!button) throw new Error(`no ${action} button`);
  await world.interactions.handle({ type: "button", from: member, promptId: button.promptId, action });
}

/** A Store that delegates to another but fails to read some groups, as a broken document would. */
export class FailingStore implements Store {
  constructor(
    private readonly inner: Store,
    private readonly brokenGroups: ReadonlySet<string>,
  ) {}
  readGroup(id: string): ReturnType<Store["readGroup"]> {
    if (this.brokenGroups.has(id)) return Promise.reject(new Error(`cannot read ${id}`));
    return this.inner.readGroup(id);
  }
  updateGroup<T>(id: string, change: (state: GroupState) => T): Promise<T> {
    if (this.brokenGroups.has(id)) return Promise.reject(new Error(`cannot write ${id}`));
    return this.inner.updateGroup(id, change);
  }
  readOrganisation(): ReturnType<Store["readOrganisation"]> {
    return this.inner.readOrganisation();
  }
  updateOrganisation<T>(change: (state: OrganisationState) => T): Promise<T> {
    return this.inner.updateOrganisation(change);
  }
  forgetIdentity(address: Address): Promise<boolean> {
    return this.inner.forgetIdentity(address);
  }
  claimKey(...args: Parameters<Store["claimKey"]>): Promise<boolean> {
    return this.inner.claimKey(...args);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

import type { CoreContext } from "../core/context.js";
import { sessionFindingsDue, storeSessionFindings } from "../core/alerts/index.js";
import { freezeSessionFigures, sessionFiguresDue } from "../core/climate/index.js";
import { DeliveryError } from "../kernel/errors.js";
import type { Group } from "../core/setup/index.js";
import { activeInGroup, mayReceiveScheduled, noteNewMembers } from "../core/groups/index.js";
import { appendAudit } from "../core/privacy/index.js";
import type { Message } from "../kernel/message.js";
import { type Schedule } from "../core/schedule.js";
import { addHours } from "../kernel/time.js";
import type { Delivery, GroupState, OutboxEntry } from "../core/state.js";
import type { Address } from "../kernel/address.js";
import type { DeliveryTag } from "../kernel/ports.js";

/** How far back each sweep looks: longer than any kind's grace window, so downtime is caught up. */
export const lookbackHours = 15 * 24;
const retryDelaysMinutes = [1, 5, 30, 120];

/** Sends one message to an address on whichever platform it belongs to. */
export type Send = (to: Address, message: Message, tag?: DeliveryTag) => Promise<void>;

/** What one sweep did, in counts only (safe to log). */
export interface SweepReport {
  sent: number;
  expired: number;
  failed: number;
  retrying: number;
  /** Not sent because the recipient is a member whose leads set them to a status other than active, or who declined it. */
  withheld: number;
  groupErrors: number;
}

/**
 * The outbox: asks each schedule what is due, claims each delivery's key once in the store,
 * sends it and records the outcome. Claims are never re-sent, so a restart between claim and
 * record cannot send twice (at most once); retryable failures are tried again within the grace window.
 */
export function createDispatcher(ctx: CoreContext, schedules: readonly Schedule[], send: Send) {
  const byKind = new Map(schedules.map((schedule) => [schedule.kind, schedule]));
  if (byKind.size !== schedules.length) throw new Error("two schedules share a kind");
  const leaseMs = ctx.organisation.timing.claimLeaseMinutes * 60_000;

  // Retrying, or claimed by a process that stopped before recording the outcome and whose lease has run out.
  function open(entry: OutboxEntry, now: Date): boolean {
    if (entry.status === "retrying") return true;
    return entry.status === "claimed" && now.getTime() - Date.parse(entry.updatedAt) >= leaseMs;
  }

  async function attempt(group: Group, schedule: Schedule, delivery: Delivery, report: SweepReport): Promise<void> {
    const now = ctx.clock.now();
    const state = await ctx.store.readGroup(group.id);
    const previous = state.outbox[delivery.key];
    if (previous && !open(previous, now)) return;
    const stamp = now.toISOString();
    if (now >= new Date(delivery.expiresAt)) {
      await ctx.store.updateGroup(group.id, (s) => {
        s.outbox[delivery.key] = { delivery, status: "expired", updatedAt: stamp, attempts: previous?.attempts ?? 0 };
      });
      report.expired += 1;
      return;
    }
    const wanted = schedule.wanted?.(state, delivery) ?? true;
    // Left unclaimed, so it can still go out if the member is active again (or wants it again) while it is useful.
    if (!wanted || !(await mayReceiveScheduled(ctx, group, state, delivery.recipient))) {
      report.withheld += 1;
      return;
    }
    const rendered = await schedule.render(ctx, group, state, delivery, now);
    const attempts = (previous?.attempts ?? 0) + 1;
    const claimed = await ctx.store.updateGroup(group.id, (s) => {
      const current = s.outbox[delivery.key];
      if (current && !open(current, now)) return false;
      // Checked again in the claim itself: a status set or check-ins declined since the read above stop it all the same.
      if (!activeInGroup(group, s, delivery.recipient) || schedule.wanted?.(s, delivery) === false) return false;
      s.outbox[delivery.key] = { delivery, status: "claimed", updatedAt: stamp, attempts };
      if (rendered.prompt) s.prompts[rendered.prompt.id] = rendered.prompt.prompt;
      return true;
    });
    if (!claimed) return;
    // A claim taken over may have been sent before its process died: the platform checks before sending again.
    const earlierAttemptUnknown = previous?.error === "outcome-unknown" || previous?.status === "claimed";
    const tag = { key: delivery.key, dueAt: delivery.dueAt, earlierAttemptUnknown };
    const outcome = await send(delivery.recipient, rendered.message, tag).then(
      (): Pick<OutboxEntry, "status" | "error" | "nextAttemptAt"> => ({ status: "sent" }),
      (error: unknown) => failure(error, attempts, now),
    );
    await ctx.store.updateGroup(group.id, (s) => {
      const at = ctx.clock.now();
      s.outbox[delivery.key] = { delivery, attempts, updatedAt: at.toISOString(), ...outcome };
      if (outcome.status === "sent") schedule.onSent?.(s, delivery, at);
      if (schedule.audit && outcome.status === "sent")
        appendAudit(s, delivery.recipient, schedule.audit, at, delivery.alert ?? delivery.key);
    });
    report[outcome.status === "sent" ? "sent" : outcome.status === "retrying" ? "retrying" : "failed"] += 1;
    if (outcome.status !== "sent")
      ctx.logger.warn({ kind: delivery.kind, group: group.id, error: outcome.error, attempts }, "delivery not sent");
  }

  function failure(
    error: unknown,
    attempts: number,
    now: Date,
  ): Pick<OutboxEntry, "status" | "error" | "nextAttemptAt"> {
    const code = error instanceof DeliveryError ? error.code : "unexpected";
    const delay = retryDelaysMinutes[attempts - 1];
    const retryable = !(error instanceof DeliveryError) || error.retryable;
    if (!retryable || delay === undefined) return { status: "failed", error: code };
    // The platform's Retry-After wins over our own backoff when it asks for longer.
    const platformDelay = error instanceof DeliveryError ? (error.retryAfterSeconds ?? 0) / 60 : 0;
    return {
      status: "retrying",
      error: code,
      nextAttemptAt: addHours(now, Math.max(delay, platformDelay) / 60).toISOString(),
    };
  }

  function dueNow(group: Group, state: Readonly<GroupState>, now: Date): { schedule: Schedule; delivery: Delivery }[] {
    const from = addHours(now, -lookbackHours);
    const fresh = schedules.flatMap((schedule) =>
      schedule.due(ctx, group, state, from, now).map((delivery) => ({ schedule, delivery })),
    );
    const retries = Object.values(state.outbox)
      .filter(
        (entry) =>
          (entry.status === "retrying" && entry.nextAttemptAt !== undefined && new Date(entry.nextAttemptAt) <= now) ||
          (entry.status === "claimed" && open(entry, now)),
      )
      .flatMap((entry) => {
        const schedule = byKind.get(entry.delivery.kind);
        return schedule ? [{ schedule, delivery: entry.delivery }] : [];
      });
    return [...fresh.filter(({ delivery }) => state.outbox[delivery.key] === undefined), ...retries].sort(
      (a, b) => a.delivery.dueAt.localeCompare(b.delivery.dueAt) || a.delivery.key.localeCompare(b.delivery.key),
    );
  }

  // A group's upkeep before its deliveries: new members noted, and each closed session's figures and what the alert
  // rules find in them stored once, in the first sweep after its answer window closes. Read again only after a write.
  async function keptUp(group: Group, now: Date): Promise<Readonly<GroupState>> {
    let state = await ctx.store.readGroup(group.id);
    if (group.members.some((member) => state.joined[member] === undefined)) {
      await ctx.store.updateGroup(group.id, (draft) => noteNewMembers(group, draft, now));
      state = await ctx.store.readGroup(group.id);
    }
    if (sessionFiguresDue(ctx, group, state, now) || sessionFindingsDue(ctx, group, state, now)) {
      await ctx.store.updateGroup(group.id, (draft) => {
        freezeSessionFigures(ctx, group, draft, now);
        storeSessionFindings(ctx, group, draft, now);
      });
      state = await ctx.store.readGroup(group.id);
    }
    return state;
  }

  /** Sends everything due now, group by group; one failing group or recipient never blocks the rest. */
  async function sweep(): Promise<SweepReport> {
    const report: SweepReport = { sent: 0, expired: 0, failed: 0, retrying: 0, withheld: 0, groupErrors: 0 };
    for (const group of ctx.groups) {
      try {
        const now = ctx.clock.now();
        const state = await keptUp(group, now);
        for (const { schedule, delivery } of dueNow(group, state, now))
          await attempt(group, schedule, delivery, report);
      } catch (error) {
        report.groupErrors += 1;
        ctx.logger.error({ group: group.id, error: (error as Error).name }, "sweep failed for a group");
      }
    }
    return report;
  }

  return { sweep };
}

/** The outbox dispatcher created by createDispatcher. */
export type Dispatcher = ReturnType<typeof createDispatcher>;

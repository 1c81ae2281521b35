import type { CoreContext } from "../core/context.js";
import type { GroupState, OutboxEntry } from "../core/state.js";
import type { Address } from "../kernel/address.js";

function waitingFor(person: Address, now: Date): (entry: OutboxEntry) => boolean {
  return (entry) =>
    entry.delivery.recipient === person &&
    entry.status === "failed" &&
    entry.error === "not-installed" &&
    now < new Date(entry.delivery.expiresAt);
}

/** Puts back for the next sweep each still-open message that failed because `person` was unreachable; how many. */
export async function retryWhenReachable(ctx: CoreContext, person: Address): Promise<number> {
  const now = ctx.clock.now();
  const waiting = waitingFor(person, now);
  let retried = 0;
  for (const group of ctx.groups) {
    const state = await ctx.store.readGroup(group.id);
    if (!Object.values(state.outbox).some(waiting)) continue;
    await ctx.store.updateGroup(group.id, (s: GroupState) => {
      for (const [key, entry] of Object.entries(s.outbox).filter(([, e]) => waiting(e))) {
        s.outbox[key] = { ...entry, status: "retrying", nextAttemptAt: now.toISOString() };
        retried += 1;
      }
    });
  }
  if (retried > 0) ctx.logger.info({ code: "deliveries-retried-reachable", count: retried }, "person now reachable");
  return retried;
}

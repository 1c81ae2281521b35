import { localPart, type Address } from "../../kernel/address.js";
import type { CoreContext } from "../context.js";
import type { Group } from "../setup/index.js";
import type { OrganisationState } from "../state.js";

/** Whether an address is still someone Cohesion sends to: a member, lead or care team channel of one of `groups`, or on call. */
export function stillConfigured(ctx: CoreContext, address: Address, groups: readonly Group[] = ctx.groups): boolean {
  return (
    ctx.organisation.safety.onCall.includes(address) ||
    groups.some((g) => g.members.includes(address) || g.leads.includes(address) || g.careTeamChannel === address)
  );
}

/**
 * Removes what the chat platforms keep about an address (any entry of `platformData.<platform>.*` keyed by the
 * address or its local part, such as a Teams conversation reference), then the store's identity record; returns how
 * many platform entries went. Platform entries stay while the address is still configured: Cohesion still reaches it.
 */
export async function forgetPlatformIdentity(
  ctx: CoreContext,
  address: Address,
  liveGroups: readonly Group[] = ctx.groups,
): Promise<number> {
  const keys = [address, localPart(address)];
  const entriesOf = (organisation: Readonly<OrganisationState>) =>
    Object.values(organisation.platformData ?? {}).flatMap((data) =>
      (Object.values(data) as unknown[]).filter(
        (entries): entries is Record<string, unknown> =>
          entries !== null && typeof entries === "object" && !Array.isArray(entries),
      ),
    );
  const held = (organisation: Readonly<OrganisationState>) =>
    entriesOf(organisation).some((entries) => keys.some((key) => key in entries));
  // A nightly retention run meets the same addresses again: nothing held means no organisation write.
  const removed =
    stillConfigured(ctx, address, liveGroups) || !held(await ctx.store.readOrganisation())
      ? 0
      : await ctx.store.updateOrganisation((organisation) => {
          let count = 0;
          for (const entries of entriesOf(organisation))
            for (const key of keys.filter((k) => k in entries)) {
              Reflect.deleteProperty(entries, key);
              count += 1;
            }
          return count;
        });
  await ctx.store.forgetIdentity(address);
  return removed;
}

import type { Address } from "../../../kernel/address.js";
import type { Group } from "../../../core/setup/index.js";
import { personOf } from "../render/message.js";

/** The person `/as <role> <name>` names, or what to tell the person typing when it names nobody. */
export function findPersona(
  groups: readonly Group[],
  role: string | undefined,
  name: string | undefined,
): { readonly found: Address } | { readonly problem: string } {
  const candidates =
    role === "care-team"
      ? groups.map((g) => g.careTeamChannel)
      : role === "member"
        ? groups.flatMap((g) => g.members)
        : role === "lead"
          ? groups.flatMap((g) => g.leads)
          : [];
  const found =
    role === "care-team" ? candidates[0] : candidates.find((address) => personOf(address) === name?.toLowerCase());
  if (found) return { found };
  const names = [...new Set(candidates.map(personOf))].join(", ");
  const problem =
    role && names
      ? `No ${role} called "${name ?? ""}". Try one of: ${names}.\n`
      : "Usage: /as member <name>, /as lead <name> or /as care-team\n";
  return { problem };
}

/** Who an address is, as the console shows it: "you (ana, member)", "okafor (lead)", "patel (on call)". */
export function describeAddress(
  people: { readonly groups: readonly Group[]; readonly onCall: readonly Address[] },
  address: Address,
  persona: Address,
): string {
  const { groups, onCall } = people;
  const role = groups.some((g) => g.careTeamChannel === address)
    ? "the care team channel"
    : groups.some((g) => g.leads.includes(address))
      ? "lead"
      : onCall.includes(address)
        ? "on call"
        : "member";
  return address === persona ? `you (${personOf(address)}, ${role})` : `${personOf(address)} (${role})`;
}

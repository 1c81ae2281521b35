import type { AlertSettings, SubscaleShift } from "../climate/index.js";
import { phaseOf } from "../groups/index.js";
import type { Group } from "../setup/index.js";

/**
 * Whether a rise is the common mid-group one, left without an alert: only the `midGroupSubscale` (Conflict,
 * never Avoiding), only in the middle phase, and only within that phase's own limit (`midGroupRise` above the
 * control limit); a larger rise alerts in any phase.
 */
export function isCommonMidGroupRise(
  group: Group,
  subscale: string,
  shift: SubscaleShift,
  settings: AlertSettings,
): boolean {
  return (
    subscale === settings.midGroupSubscale &&
    phaseOf(group, shift.session) === "middle" &&
    shift.beyondBy <= settings.midGroupRise
  );
}

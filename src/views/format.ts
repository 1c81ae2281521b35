import { DateTime } from "luxon";
import type { Group } from "../core/setup/index.js";

/** The group name members see: never a diagnosis, by default "your <weekday> group". */
export function memberFacingName(group: Group): string {
  if (group.memberFacingName) return group.memberFacingName;
  const weekday = DateTime.fromISO(group.schedule.firstSession, { zone: group.timezone, locale: "en-GB" }).weekdayLong;
  return `your ${weekday ?? "weekly"} group`;
}

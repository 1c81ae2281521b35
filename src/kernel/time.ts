import { DateTime } from "luxon";

/** Whether an instant lies in the half-open window (from, to]. */
export function isWithin(instant: Date, from: Date, to: Date): boolean {
  return instant > from && instant <= to;
}

/** Adds minutes to an instant. */
export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}

/** Adds hours to an instant. */
export function addHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + hours * 3_600_000);
}

const localFormats = { "day-time": "cccc d LLLL, HH:mm", time: "HH:mm", date: "cccc d LLLL" } as const;

/** Member-facing local time, en-GB and 24-hour: "Tuesday 1 December, 18:00", "18:00" or "Tuesday 1 December". */
export function formatLocal(date: Date, timezone: string, style: "day-time" | "time" | "date"): string {
  return DateTime.fromJSDate(date, { zone: timezone }).setLocale("en-GB").toFormat(localFormats[style]);
}

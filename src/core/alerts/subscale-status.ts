import {
  subscaleSeries,
  latestSubscaleShift,
  type AlertSettings,
  type SessionClimate,
  type TrendSettings,
} from "../climate/index.js";
import { isCommonMidGroupRise } from "./mid-group.js";
import type { Group, Instrument } from "../setup/index.js";
import type { Alert } from "./alert.js";

/** How a subscale stands against the group's own reference: fine, worth watching, or worth acting on. */
export type StatusWord = "steady" | "watch" | "act";

/** One subscale at the latest session that can be judged, or why it cannot be judged. */
export type SubscaleStatus =
  | { readonly subscale: string; readonly name: string; readonly judged: false }
  | {
      readonly subscale: string;
      readonly name: string;
      readonly judged: true;
      readonly status: StatusWord;
      readonly session: number;
      readonly mean: number;
      readonly referenceMean: number;
      /** Whether it moved at least `minChange` from its reference, in either direction. */
      readonly changed: boolean;
    };

/** What a subscale's status is judged from: the group, its (entitled) climate, its open alerts and the settings. */
export interface StatusInput {
  readonly group: Group;
  readonly gcq: Instrument;
  readonly climates: readonly SessionClimate[];
  readonly alerts: readonly Alert[];
  readonly trend: TrendSettings;
  readonly settings: AlertSettings;
}

/** Each subscale's status at its latest judged session against the group's own reference: act (an open alert, or beyond the limit the concerning way, except the common mid-group rise of Conflict), watch (moved minChange that way), steady. */
export function subscaleStatuses({ group, gcq, climates, alerts, trend, settings }: StatusInput): SubscaleStatus[] {
  const openEnded = group.schedule.count === undefined;
  return gcq.subscales.map((subscale): SubscaleStatus => {
    const options = { openEnded, higherIs: subscale.higherIs };
    const shift = latestSubscaleShift(subscaleSeries(climates, subscale.id), options, trend, settings.minChange);
    if (!shift) return { subscale: subscale.id, name: subscale.name, judged: false };
    const concerning = subscale.higherIs === "better" ? "down" : "up";
    const movedBadly = concerning === "down" ? shift.change <= -settings.minChange : shift.change >= settings.minChange;
    const alerted = alerts.some(
      (alert) => alert.level === "group" && alert.subscale === subscale.id && alert.status !== "resolved",
    );
    const exempt = concerning === "up" && isCommonMidGroupRise(group, subscale.id, shift, settings);
    const status: StatusWord =
      alerted || (shift.beyond === concerning && !exempt) ? "act" : movedBadly ? "watch" : "steady";
    return {
      subscale: subscale.id,
      name: subscale.name,
      judged: true,
      status,
      session: shift.session,
      mean: shift.mean,
      referenceMean: shift.referenceMean,
      changed: Math.abs(shift.change) >= settings.minChange || status !== "steady",
    };
  });
}

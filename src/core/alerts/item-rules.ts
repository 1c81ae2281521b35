import {
  subscaleShifts,
  type AlertSettings,
  type Observation,
  type SessionClimate,
  type TrendSettings,
} from "../climate/index.js";
import type { Instrument } from "../setup/index.js";
import { surenessOf, type Finding } from "./alert.js";
import { basisOf, oneDecimal, referenceWords } from "./finding-words.js";

/** What the flagged items are judged from: the instrument, each item's series, the climates and the settings. */
export interface ItemWatch {
  readonly gcq: Instrument;
  readonly items: ReadonlyMap<string, readonly Observation[]>;
  readonly climates: ReadonlyMap<number, SessionClimate>;
  readonly openEnded: boolean;
  readonly trend: TrendSettings;
  readonly settings: AlertSettings;
}

/**
 * A flagged item (item 10, "rejected and distrusted") clearly worse than the group's own reference for it,
 * in any phase: raised as its subscale's alert, with the item named as the evidence.
 */
export function flaggedItemFindings({ gcq, items, climates, openEnded, trend, settings }: ItemWatch): Finding[] {
  return [...items].flatMap(([id, series]) => {
    const item = gcq.items.find((candidate) => candidate.id === id);
    const subscale = gcq.subscales.find((candidate) => candidate.id === item?.subscale);
    if (!item || !subscale) return [];
    const worse = subscale.higherIs === "better" ? "down" : "up";
    const kind = worse === "down" ? "engagement-drop" : "concern-rise";
    return subscaleShifts(series, { openEnded, higherIs: subscale.higherIs }, trend, settings.minChange)
      .filter((shift) => shift.beyond === worse)
      .map((shift): Finding => ({
        kind,
        session: shift.session,
        subscale: subscale.id,
        evidence: {
          what: `"${item.text}" was rated ${oneDecimal(shift.mean)} on average in session ${shift.session}; the trend is ${oneDecimal(Math.abs(shift.change))} ${worse === "up" ? "above" : "below"} ${referenceWords(shift)}. This item is watched on its own, in every phase.`,
          basis: basisOf(climates.get(shift.session)),
          sureness: surenessOf(shift.z, trend.controlLimit),
        },
      }));
  });
}

import type { Address } from "../../kernel/address.js";
import type { AlertKind, AlertStatus, AlertStep } from "./record.js";

/** What an alert rests on, in words for the leads. */
export interface Evidence {
  /** What happened, e.g. "Engaged fell to 2.9, 1.3 below the group's baseline of 4.2". */
  readonly what: string;
  /** On how many answers, e.g. "6 full check-ins". */
  readonly basis: string;
  /** How sure we are, e.g. "Fairly sure: 3.1 times a stable group's usual variation". */
  readonly sureness: string;
}

/** A condition found in one session: the raw material of alerts. */
export interface Finding {
  readonly kind: AlertKind;
  readonly session: number;
  readonly member?: Address;
  readonly subscale?: string;
  readonly evidence: Evidence;
}

/** An alert with everything needed to deliver, render and act on it. */
export interface Alert {
  /** Opaque, in the prompt-id format (`<group tag>.<hash>`), so a button can carry it. */
  readonly id: string;
  readonly groupId: string;
  readonly kind: AlertKind;
  readonly level: "group" | "member";
  /** The session it was first raised for. */
  readonly session: number;
  readonly raisedAt: Date;
  readonly member?: Address;
  readonly subscale?: string;
  /** The most recent evidence. */
  readonly evidence: Evidence;
  readonly principles: readonly number[];
  readonly status: AlertStatus;
  readonly history: readonly AlertStep[];
  /** When the leads hear of it: when raised, then after each later session where it still holds, while nobody has acted. */
  readonly notifications: readonly { readonly session: number; readonly at: Date }[];
  /** Free text a member sent (risk alerts only; leads only). */
  readonly text?: string;
}

/** The principles worth considering for each kind of alert (none for safety alerts: those need a person, today). */
export const principlesFor: Readonly<Record<AlertKind, readonly number[]>> = {
  "engagement-drop": [5, 6, 7],
  "concern-rise": [4, 5],
  "low-response": [1, 2],
  "member-low-engagement": [5, 7],
  "missed-sessions": [1, 5],
  "stopped-answering": [1, 5],
  distress: [],
  "risk-text": [],
};

/** "Fairly sure" / "Very sure" wording for a change of `z` standard errors. */
export function surenessOf(z: number, limit: number): string {
  const times = Math.abs(z).toFixed(1);
  const word = Math.abs(z) >= limit + 1 ? "Very likely a real change" : "Probably a real change";
  return `${word}: ${times} times the variation a steady group shows from session to session.`;
}

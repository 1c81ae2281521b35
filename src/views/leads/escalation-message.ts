import type { Alert } from "../../core/alerts/index.js";
import type { Group, Instrument } from "../../core/setup/index.js";
import type { Address } from "../../kernel/address.js";
import type { Block, Message } from "../../kernel/message.js";
import { formatLocal } from "../../kernel/time.js";
import { alertMessage } from "./alert-message.js";

/** An urgent alert the leads have not acknowledged, for the clinician on call: the whole alert, with its buttons. */
export function escalationForOnCall(alert: Alert, group: Group, gcq: Instrument): Message {
  const since = formatLocal(alert.raisedAt, group.timezone, "day-time");
  return alertMessage(alert, group, gcq, {
    note: `Escalated to you: nobody has acknowledged this urgent alert since ${since}. Please acknowledge it once someone has it in hand.`,
  });
}

/** The same, for the care team channel: which group and since when, who leads it; never the member or their words. */
export function escalationForCareTeam(alert: Alert, group: Group, onCall: readonly Address[]): Message {
  const since = formatLocal(alert.raisedAt, group.timezone, "day-time");
  const headline = `An urgent alert about a member of ${group.name} has not been acknowledged since ${since}.`;
  const blocks: Block[] = [
    { type: "text", text: `*${headline}*` },
    ...group.leads.map((lead): Block => ({ type: "mention", address: lead, text: "lead" })),
    ...onCall.map((person): Block => ({ type: "mention", address: person, text: "on call" })),
    { type: "context", text: "Leads: please acknowledge it in your direct messages with Cohesion." },
  ];
  return { text: headline, blocks };
}

import type { Alert } from "../../core/alerts/index.js";
import type { SessionClimate } from "../../core/climate/index.js";
import type { CoreContext } from "../../core/context.js";
import type { Group } from "../../core/setup/index.js";
import type { Message } from "../../kernel/message.js";
import type { SummaryAnalytics } from "../leads/summary-message.js";
import { summaryWithChart } from "../leads/summary-with-chart.js";
import { undeliveredNote } from "./undelivered-note.js";

/** What the digest after a session is made from: the group's climate up to that session, its alerts, and who reads it. */
export interface DigestInput {
  readonly ctx: CoreContext;
  readonly group: Group;
  readonly session: number;
  readonly climates: readonly SessionClimate[];
  readonly alerts: readonly Alert[];
  readonly audience: SummaryAnalytics["audience"];
  /** Messages since the last digest whose delivery failed or stayed unknown. */
  readonly undelivered: number;
}

/** The care team's digest once a session's answer window has closed: the group's summary under its own heading, with the chart, and how many messages may not have arrived. */
export async function digestMessage(input: DigestInput): Promise<Message> {
  const { ctx, group, session, climates, alerts, audience, undelivered } = input;
  const summary = await summaryWithChart({
    ctx,
    group,
    climates,
    alerts,
    audience,
    heading: `Digest after session ${session}`,
  });
  return { ...summary, blocks: [...summary.blocks, ...undeliveredNote(undelivered)] };
}

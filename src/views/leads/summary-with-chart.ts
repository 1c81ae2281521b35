import type { Alert } from "../../core/alerts/index.js";
import type { OrientationReadStatus } from "../../core/answers/index.js";
import type { SessionClimate } from "../../core/climate/index.js";
import { climateInstrument, programOf, type CoreContext } from "../../core/context.js";
import type { Group } from "../../core/setup/index.js";
import type { Message } from "../../kernel/message.js";
import { climateChartImage, withImage } from "../charts/climate-chart-image.js";
import { summaryMessage, type SummaryAnalytics } from "./summary-message.js";

/** What a summary with its chart is made from: the group, its climate and alerts, who reads it, and an optional heading. */
export interface SummaryWithChartInput {
  readonly ctx: CoreContext;
  readonly group: Group;
  /** The climate its reader is entitled to: `leadClimate` for a group's own leads, else the published `groupClimate`. */
  readonly climates: readonly SessionClimate[];
  readonly alerts: readonly Alert[];
  readonly audience: SummaryAnalytics["audience"];
  readonly heading?: string;
  /** Who has confirmed reading their orientation before session 1 (shown to the leads only). */
  readonly orientation?: OrientationReadStatus;
}

/** A group's climate summary with its trends and open alerts, and the climate chart at its end when there is one. */
export async function summaryWithChart({
  ctx,
  group,
  climates,
  alerts,
  audience,
  heading,
  orientation,
}: SummaryWithChartInput): Promise<Message> {
  const { privacy, analytics } = ctx.organisation;
  const { trend, alerts: settings } = analytics;
  const message = summaryMessage({
    group,
    program: programOf(ctx, group),
    gcq: climateInstrument(ctx),
    climates,
    minResponses: audience === "leads" ? privacy.leadMinResponses : privacy.minResponses,
    heading,
    orientation,
    analytics: { trend, settings, alerts, audience, now: ctx.clock.now(), publishedFrom: privacy.minResponses },
  });
  return withImage(message, await climateChartImage(ctx, group, climates));
}

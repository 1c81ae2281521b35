import { climateAltText } from "./climate-alt-text.js";
import { climateChartSpec } from "./climate-chart.js";
import { type PhaseMarks } from "./phase-layers.js";
import { type SessionClimate, climateSeries, hasPublishedMeans } from "../../core/climate/index.js";
import { climateInstrument, type CoreContext } from "../../core/context.js";
import type { Group } from "../../core/setup/index.js";
import { phaseOf } from "../../core/groups/index.js";
import type { ImageBlock, Message } from "../../kernel/message.js";
import { climateSparklines } from "./sparkline.js";

/** The phase under way at the first charted session, then the first session of each later phase. */
export function phaseMarks(group: Group, sessions: readonly number[]): PhaseMarks {
  return sessions.flatMap((session, i) => {
    const previous = sessions[i - 1];
    const phase = phaseOf(group, session);
    return previous === undefined || phaseOf(group, previous) !== phase ? [{ session, phase }] : [];
  });
}

/**
 * A group's climate chart as an image (full size, plus a compact copy for small messages), with its
 * trend in words and as sparklines; nothing when no figures are published yet. A chart that cannot
 * be drawn is logged and left out, so the summary it belongs to still goes out.
 */
export async function climateChartImage(
  ctx: CoreContext,
  group: Group,
  climates: readonly SessionClimate[],
): Promise<ImageBlock | undefined> {
  const series = climateSeries(climates, climateInstrument(ctx));
  if (!hasPublishedMeans(series)) return undefined;
  const phases = phaseMarks(group, series.sessions);
  try {
    const [png, compactPng] = await Promise.all([
      ctx.charts.renderPng(climateChartSpec(group.name, series, phases, "full")),
      ctx.charts.renderPng(climateChartSpec(group.name, series, phases, "compact")),
    ]);
    return {
      type: "image",
      png,
      compactPng,
      alt: climateAltText(group.name, series),
      textVersion: climateSparklines(series),
    };
  } catch (error) {
    ctx.logger.warn({ chart: "climate", error: (error as Error).name }, "chart not drawn");
    return undefined;
  }
}

/** The message with a picture added at its end, when there is one. */
export function withImage(message: Message, image: ImageBlock | undefined): Message {
  return image ? { ...message, blocks: [...message.blocks, image] } : message;
}

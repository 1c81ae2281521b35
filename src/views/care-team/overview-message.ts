import { subscaleTrend } from "../charts/climate-alt-text.js";
import { climateSeries, hasPublishedMeans, type ClimateSeries, type SessionClimate } from "../../core/climate/index.js";
import { climateInstrument, type CoreContext } from "../../core/context.js";
import type { Group } from "../../core/setup/index.js";
import type { Block, ImageBlock, Message } from "../../kernel/message.js";
import { overviewChartSpec, type OverviewPanel } from "../charts/overview-chart.js";
import { climateSparklines } from "../charts/sparkline.js";

/** One group of the overview with its climate so far. */
export interface OverviewGroup {
  readonly group: Group;
  readonly climates: readonly SessionClimate[];
}

function groupLine(group: Group, series: ClimateSeries): string {
  const latestShown = [...series.sessions]
    .reverse()
    .find((session) => series.subscales.every((sub) => sub.points.find((p) => p.session === session)?.mean !== null));
  const latest = series.responses.at(-1);
  const answered = !latest
    ? "no session has closed yet"
    : latest.invited === 0
      ? `no check-ins sent for session ${latest.session}`
      : `${latest.respondents} of ${latest.invited} answered session ${latest.session}`;
  if (latestShown === undefined) return `*${group.name}*\nNo figures yet · ${answered}`;
  const figures = series.subscales
    .map((sub) => `${sub.name} ${(sub.points.find((p) => p.session === latestShown)?.mean ?? 0).toFixed(1)}`)
    .join(" · ");
  const later =
    latest && latest.session !== latestShown ? ` · session ${latest.session} had too few answers to show` : "";
  return `*${group.name}*\nSession ${latestShown}: ${figures} · ${answered}${later}`;
}

async function overviewImage(ctx: CoreContext, panels: readonly OverviewPanel[]): Promise<ImageBlock | undefined> {
  if (!panels.some((panel) => hasPublishedMeans(panel.series))) return undefined;
  const alt = `Group climate of ${panels.length} groups, each over its own sessions on a 0 to 6 scale. ${panels.map((p) => `${p.title}: ${p.series.subscales.map(subscaleTrend).join("; ")}.`).join(" ")}`;
  const textVersion = panels
    .map(
      (p) =>
        `${p.title}\n${p.series.sessions.length > 0 ? climateSparklines(p.series) : "(no session has closed yet)"}`,
    )
    .join("\n\n");
  try {
    const [png, compactPng] = await Promise.all([
      ctx.charts.renderPng(overviewChartSpec(panels, "full")),
      ctx.charts.renderPng(overviewChartSpec(panels, "compact")),
    ]);
    return { type: "image", png, compactPng, alt, textVersion };
  } catch (error) {
    ctx.logger.warn({ chart: "overview", error: (error as Error).name }, "chart not drawn");
    return undefined;
  }
}

/**
 * The weekly overview for a care team channel that follows several groups: each group's latest
 * published figures and how many answered, and small multiples of all of them. Only aggregates
 * at or above the privacy floor appear, and only once each session's answers have closed.
 */
export async function overviewMessage(ctx: CoreContext, groups: readonly OverviewGroup[]): Promise<Message> {
  const gcq = climateInstrument(ctx);
  const panels = groups.map(({ group, climates }) => ({
    group,
    title: group.name,
    series: climateSeries(climates, gcq),
  }));
  const title = `Weekly overview: ${groups.length} groups`;
  const blocks: Block[] = [
    { type: "text", text: `*${title}*` },
    {
      type: "context",
      text: `Each group's latest session with enough answers: GCQ-S means on 0-6 (higher Engaged is good; higher Avoiding and Conflict deserve a look). Figures need at least ${ctx.organisation.privacy.minResponses} answers. Ask \`summary <group>\` for more.`,
    },
    ...panels.map((panel): Block => ({ type: "text", text: groupLine(panel.group, panel.series) })),
  ];
  const image = await overviewImage(ctx, panels);
  return { text: title, blocks: image ? [...blocks, image] : blocks };
}

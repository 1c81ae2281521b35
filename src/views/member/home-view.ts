import type { Address } from "../../kernel/address.js";
import { groupClimate, type SessionClimate } from "../../core/climate/index.js";
import { climateInstrument, programOf, type CoreContext } from "../../core/context.js";
import { type Group, sessionContent } from "../../core/setup/index.js";
import { isPaused, listSessions } from "../../core/groups/index.js";
import { memberFacingName } from "../format.js";
import type { Block, Message } from "../../kernel/message.js";
import { formatLocal } from "../../kernel/time.js";
import { oneDecimal } from "../leads/session-lines.js";

/** What a person's home in a chat app shows, and whether it offers to pause or resume their messages. */
export interface HomeView {
  readonly message: Message;
  /** "pause" for an active member, "resume" for a paused one, undefined for someone who is no member. */
  readonly pauseControl: "pause" | "resume" | undefined;
}

function nextSessionLine(ctx: CoreContext, group: Group, now: Date): string {
  const next = listSessions(group, now).find((session) => !session.cancelled && session.startsAt > now);
  if (!next) return "No more sessions are planned for now.";
  const topic = sessionContent(programOf(ctx, group), next.number)?.topic;
  const when = formatLocal(next.startsAt, group.timezone, "day-time");
  return `Next: session ${next.number}, ${when}${topic ? ` · ${topic}` : ""}\n${group.location}`;
}

function latestClimateLine(ctx: CoreContext, group: Group, climates: readonly SessionClimate[]): string {
  const latest = climates.at(-1);
  if (!latest) return "No sessions held yet.";
  const number = latest.session.number;
  if (latest.collecting) {
    const until = formatLocal(latest.windowCloses, group.timezone, "day-time");
    return `Session ${number}: collecting answers until ${until} (${latest.respondents} of ${latest.invited} so far).`;
  }
  const gcq = climateInstrument(ctx);
  const means = gcq.subscales.map((subscale) => {
    const aggregate = latest.subscales.get(subscale.id);
    return aggregate?.shown ? `${subscale.name} ${oneDecimal(aggregate.mean)}` : undefined;
  });
  if (means.some((mean) => mean === undefined)) return `Session ${number}: not enough responses to show figures.`;
  return `Session ${number}: ${means.join(" · ")} · ${latest.forms} full check-ins`;
}

/** The home of one person: their next sessions as a member, their groups' latest climate as a lead. */
export async function homeView(ctx: CoreContext, person: Address): Promise<HomeView> {
  const now = ctx.clock.now();
  const memberOf = ctx.groups.filter((group) => group.members.includes(person));
  const leadOf = ctx.groups.filter((group) => group.leads.includes(person));
  const blocks: Block[] = [{ type: "text", text: "*Cohesion*" }];
  let paused = false;
  for (const group of memberOf) {
    const state = await ctx.store.readGroup(group.id);
    paused ||= isPaused(state, person);
    const name = memberFacingName(group);
    blocks.push({
      type: "text",
      text: `*${name.charAt(0).toUpperCase()}${name.slice(1)}*\n${nextSessionLine(ctx, group, now)}`,
    });
  }
  if (memberOf.length > 0) {
    blocks.push({
      type: "context",
      text: paused
        ? "Your reminders and check-ins are paused. Resume whenever you like."
        : "Need a break? You can pause reminders and check-ins at any time.",
    });
  }
  if (leadOf.length > 0) blocks.push({ type: "divider" }, { type: "text", text: "*Your groups' climate*" });
  for (const group of leadOf) {
    const climates = groupClimate(ctx, group, await ctx.store.readGroup(group.id), now);
    blocks.push({
      type: "text",
      text: `*${group.name}* (\`${group.id}\`)\n${latestClimateLine(ctx, group, climates)}`,
    });
  }
  if (leadOf.length > 0)
    blocks.push({
      type: "context",
      text: "GCQ-S means on 0-6, shown once enough members answered. Ask for `summary <group>` for more.",
    });
  if (memberOf.length === 0 && leadOf.length === 0)
    blocks.push({
      type: "text",
      text: "Cohesion supports therapy groups. Once your group leaders add you, your sessions will show here.",
    });
  return {
    message: { text: "Cohesion", blocks },
    pauseControl: memberOf.length === 0 ? undefined : paused ? "resume" : "pause",
  };
}

import type { Address } from "../kernel/address.js";
import type { CoreContext } from "../core/context.js";
import { UserError } from "../kernel/errors.js";
import { receiveMemberText, riskPriorityOf } from "../core/alerts/index.js";
import { crisisReply } from "../views/member/crisis-reply.js";
import { notPassedReply, passedToLeadsReply, replies, whoReads } from "../views/member/replies.js";
import type { CommandRouter } from "./command-router.js";
import type { Outcome } from "./outcome.js";

/** Sends what must reach the leads now through the outbox, saying what kind and how many (never the words). */
export type ReachLeadsNow = (kind: "distress" | "risk-text" | "member-message", count: number) => Promise<void>;

/**
 * What Cohesion does with words a person typed: words that suggest risk alert the leads at once and
 * show the member where to get help now; a command runs; any other words from a member reach their
 * group's leads privately. Every reply to a member's words says who reads them, with the safety line.
 */
export function createWordsHandler(ctx: CoreContext, router: CommandRouter, reachLeadsNow: ReachLeadsNow) {
  const resources = () => ctx.organisation.analytics.crisisResources;

  async function urgent(from: Address, text: string): Promise<Outcome> {
    const received = await receiveMemberText(ctx, from, text, "urgent");
    if (received.alerts.length > 0) await reachLeadsNow("risk-text", received.alerts.length);
    return { reply: crisisReply(resources(), replies.risk, whoReads) };
  }

  return {
    /** A slash command (or an @mention's words): run unless its words suggest risk. */
    async command(from: Address, channel: Address | undefined, text: string): Promise<Outcome> {
      if (riskPriorityOf(ctx, text) === "urgent") return urgent(from, text);
      return { reply: await router.run(ctx, from, channel, text) };
    },
    /** Words typed in a direct message or personal chat: a command they may run, else (for a member) words for the leads. */
    async words(from: Address, text: string): Promise<Outcome> {
      const priority = riskPriorityOf(ctx, text);
      if (priority === "urgent") return urgent(from, text);
      if (router.startsWithCommand(text)) {
        try {
          return { reply: await router.run(ctx, from, undefined, text) };
        } catch (error) {
          // A member's words that only start like a command ("Status update: I'm back in hospital") are for their leads.
          if (!(error instanceof UserError) || !ctx.groups.some((g) => g.members.includes(from))) throw error;
        }
      }
      const received = await receiveMemberText(ctx, from, text, priority);
      if (received.groups.length === 0) return { reply: notPassedReply(resources()) };
      await reachLeadsNow("member-message", received.groups.length);
      return { reply: passedToLeadsReply(resources()) };
    },
  };
}

import { couldNotRead } from "../../../views/member/replies.js";
import { z } from "zod";
import type { Address } from "../../../kernel/address.js";
import { textMessage, type Message } from "../../../kernel/message.js";
import { answerOf, cardActionDataSchema } from "./card-actions.js";
import type { MentionWord } from "./mentions.js";

/** A card action as a neutral event, a kind reply when sent incomplete, or nothing for another app's card. */
export type CardActionResult =
  { readonly event: Record<string, unknown> } | { readonly reply: Message } | { readonly silent: true };

const submittedSchema = z.record(z.string(), z.unknown());
const ourCardSchema = z.looseObject({ cohesion: z.unknown() }).refine((value) => value.cohesion !== undefined);

/** Translates what a card sent back (Action.Execute data or Action.Submit value) into a neutral event from its real sender. */
export function cardActionEvent(submitted: unknown, from: Address, channel: Address | undefined): CardActionResult {
  // In a channel, other apps' cards send values too: those are not ours to answer, least of all with an error.
  if (channel && !ourCardSchema.safeParse(submitted).success) return { silent: true };
  const values = submittedSchema.safeParse(submitted);
  const data = cardActionDataSchema.safeParse(submitted);
  if (!values.success || !data.success) return { reply: couldNotRead };
  switch (data.data.cohesion) {
    case "choice": {
      const value = answerOf(values.data, data.data.itemId);
      if (value === null) return { reply: textMessage("Please pick an answer first, then press Send.") };
      if (value === "invalid") return { reply: couldNotRead };
      return { event: { type: "choice", from, promptId: data.data.promptId, itemId: data.data.itemId, value } };
    }
    case "form": {
      const answers = data.data.itemIds.map((itemId) => [itemId, answerOf(values.data, itemId)] as const);
      if (answers.some(([, value]) => value === "invalid")) return { reply: couldNotRead };
      return { event: { type: "form", from, promptId: data.data.promptId, answers: Object.fromEntries(answers) } };
    }
    case "button":
      return {
        event: {
          type: "button",
          from,
          ...(channel ? { channel } : {}),
          promptId: data.data.promptId,
          action: data.data.action,
        },
      };
  }
}

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Whether two `<at>…</at>` texts name the same mention: Teams may write `<at>@Name</at>` in one and `<at>Name</at>` in the other. */
function sameMention(a: string, b: string): boolean {
  const normal = (text: string) =>
    decodeEntities(text.replace(/<\/?at>/gi, ""))
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^@\s*/, "")
      .toLowerCase();
  return normal(a) === normal(b);
}

/**
 * What a person typed in a message: each `<at>…</at>` replaced by what `mentions` says it stands for
 * (matched in order, so two people shown with the same name stay apart; unknown ones removed), any
 * other markup removed, entities decoded.
 */
export function typedText(text: string | undefined, mentions: readonly MentionWord[] = []): string {
  const unused = [...mentions];
  const withMentions = (text ?? "").replace(/<at>[^<]*<\/at>/gi, (tag) => {
    const index = unused.findIndex((mention) => sameMention(mention.text, tag));
    const [mention] = index < 0 ? [] : unused.splice(index, 1);
    return ` ${mention?.word ?? ""} `;
  });
  return decodeEntities(withMentions.replace(/<[^>]*>/g, " "))
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

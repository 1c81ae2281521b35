import { addressSchema } from "../../../kernel/address.js";
import { mentionsOf, type InboundActivity, type Mention } from "./activity.js";
import type { ReferenceBook } from "../deliver/conversation-references.js";

/** What one `<at>…</at>` in a message's text becomes in the words Cohesion reads ("" for nothing). */
export interface MentionWord {
  readonly text: string;
  readonly word: string;
}

async function addressOf(mention: Mention, book: ReferenceBook): Promise<string> {
  const { id, aadObjectId } = mention.mentioned;
  const address = `teams:${aadObjectId ?? (await book.personWithUserId(id)) ?? id}`;
  // An id that cannot be an address (a tag's, say) stays the name it was shown as, so the reply can say it was not understood.
  return addressSchema.safeParse(address).success ? address : mention.text.replace(/<\/?at>/gi, "").replace(/^@/, "");
}

/**
 * What each @mention in a message stands for: a mention of Cohesion itself is dropped, anyone else
 * becomes their Cohesion address (`teams:<Entra object id>`, found through the personal chat Teams
 * told us about), or `teams:<Bot Framework id>` when they have never opened Cohesion.
 */
export async function mentionWords(activity: InboundActivity, book: ReferenceBook): Promise<MentionWord[]> {
  const words: MentionWord[] = [];
  for (const mention of mentionsOf(activity)) {
    words.push({
      text: mention.text,
      word: mention.mentioned.id === activity.recipient.id ? "" : await addressOf(mention, book),
    });
  }
  return words;
}

import { addressSchema, localPart, platformOf, type Address } from "../../kernel/address.js";

/** A Slack mention as Slack escapes it in command text: `<@U123>` or `<@U123|name>`. */
const slackMention = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;

/**
 * Splits what a lead typed after a command's fixed words into member references: words separated by
 * spaces or commas, with a Slack mention kept whole even when its name part has spaces.
 */
export function memberReferences(words: readonly string[]): string[] {
  return words.join(" ").match(/<@[^>]*>|[^\s,]+/g) ?? [];
}

/**
 * The member a typed reference names, or undefined when it names none of `members` (or more than one).
 * A reference is a mention (Slack's `<@U123|name>`), an address (`slack:U123`, `teams:<id>`,
 * `console:ana`), or the part of a member's address after its platform, such as `ana` (with or without `@`).
 */
export function resolveMember(reference: string, members: readonly Address[]): Address | undefined {
  const mention = slackMention.exec(reference)?.[1];
  if (mention !== undefined)
    return members.find((member) => platformOf(member) === "slack" && localPart(member).split(":").at(-1) === mention);
  const address = addressSchema.safeParse(reference);
  if (address.success) return members.find((member) => member === address.data);
  const name = reference.replace(/^@/, "").toLowerCase();
  const matches = members.filter((member) => localPart(member).toLowerCase() === name);
  return matches.length === 1 ? matches[0] : undefined;
}

/** How a lead can name a member again in a command they type: as they did, but a Slack mention becomes the member's address. */
export function retypableReference(reference: string, member: Address): string {
  return slackMention.test(reference) ? member : reference;
}

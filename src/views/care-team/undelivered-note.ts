import type { Block } from "../../kernel/message.js";

/** One short line for the digest: how many messages since the last digest may not have arrived (nothing when none). */
export function undeliveredNote(count: number): Block[] {
  if (count === 0) return [];
  const messages = count === 1 ? "1 message" : `${count} messages`;
  return [{ type: "context", text: `${messages} sent since the last digest may not have arrived.` }];
}

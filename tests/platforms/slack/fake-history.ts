// What the fake Slack Web API keeps of posted messages, and conversations.history over them as Slack answers it.

/** A message in the fake's ledger, as conversations.history serves it. */
export interface PostedMessage {
  readonly channel: string;
  readonly ts: string;
  readonly text: string;
  readonly metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** Whether a post's `metadata` argument is Slack message metadata. */
export function isMetadata(value: unknown): value is PostedMessage["metadata"] {
  return typeof value === "object" && value !== null && "event_type" in value && "event_payload" in value;
}

/** conversations.history: newest first, after `oldest`, at most `limit`; metadata only when include_all_metadata asks. */
export function historyOf(ledger: readonly PostedMessage[], args: Record<string, unknown>): Record<string, unknown> {
  const oldest = Number(args["oldest"] ?? 0);
  const limit = Number(args["limit"] ?? 100);
  const withMetadata = String(args["include_all_metadata"]) === "true";
  const matching = ledger
    .filter((message) => message.channel === args["channel"] && Number(message.ts) > oldest)
    .reverse();
  const messages = matching.slice(0, limit).map(({ ts, text, metadata }) => ({
    type: "message",
    subtype: "bot_message",
    bot_id: "BBOT0001",
    ts,
    text,
    ...(withMetadata && metadata ? { metadata } : {}),
  }));
  return {
    ok: true,
    messages,
    has_more: matching.length > limit,
    pin_count: 0,
    response_metadata: { next_cursor: "" },
  };
}

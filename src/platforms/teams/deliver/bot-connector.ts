import { z } from "zod";
import { DeliveryError } from "../../../kernel/errors.js";

/** An outbound activity as the Bot Connector REST API takes it. */
export type OutboundActivity = Record<string, unknown>;

/** Where the bearer token for outbound calls comes from; undefined when authentication is off (local tools). */
export interface TokenSource {
  token(): Promise<string | undefined>;
}

const resourceResponse = z.object({ id: z.string().optional() }).loose();

/** Statuses Teams asks us to try again on: throttled, precondition failed (a conflicting update) and gateway errors. */
const retryableStatuses = new Set([429, 412, 502, 504]);

/** The DeliveryError for an HTTP status from the Bot Connector, with Teams' Retry-After when it gave one. */
export function deliveryErrorFor(status: number, retryAfter: string | null): DeliveryError {
  const seconds = retryAfter !== null && /^\d+(\.\d+)?$/.test(retryAfter.trim()) ? Number(retryAfter) : undefined;
  if (retryableStatuses.has(status))
    return new DeliveryError(status === 429 ? "teams-throttled" : `teams-http-${status}`, true, seconds);
  // Uninstalled, blocked, or a conversation that no longer exists: nobody can fix this by retrying.
  if (status === 403 || status === 404) return new DeliveryError("recipient-gone", false);
  if (status === 401) return new DeliveryError("teams-unauthorized", false);
  if (status >= 500) return new DeliveryError(`teams-http-${status}`, true, seconds);
  return new DeliveryError(`teams-http-${status}`, false);
}

/** The Bot Connector REST API (v3) at a conversation's service URL: one HTTP call per method, no retries of its own. */
export function createBotConnector(tokens: TokenSource, fetchImpl: typeof fetch = fetch) {
  async function call(method: "POST" | "PUT", url: string, body: unknown): Promise<string | undefined> {
    const token = await tokens.token();
    const response = await fetchImpl(url, {
      method,
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    }).catch((error: unknown) => {
      throw unsentOrUnknown(error);
    });
    const text = await response.text().catch(() => "");
    if (!response.ok) throw deliveryErrorFor(response.status, response.headers.get("retry-after"));
    const parsed = resourceResponse.safeParse(text === "" ? {} : safeJson(text));
    return parsed.success ? parsed.data.id : undefined;
  }

  function conversationUrl(serviceUrl: string, conversationId: string): string {
    return `${serviceUrl.replace(/\/+$/, "")}/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
  }

  return {
    /** Posts an activity to a conversation; resolves with the new activity's id. */
    send(serviceUrl: string, conversationId: string, activity: OutboundActivity): Promise<string | undefined> {
      return call("POST", conversationUrl(serviceUrl, conversationId), activity);
    },
    /** Replaces an activity the bot sent earlier (a card that was answered). */
    async update(
      serviceUrl: string,
      conversationId: string,
      activityId: string,
      activity: OutboundActivity,
    ): Promise<void> {
      await call("PUT", `${conversationUrl(serviceUrl, conversationId)}/${encodeURIComponent(activityId)}`, {
        ...activity,
        id: activityId,
      });
    },
  };
}

/** Connection errors that mean the request never reached Teams, so trying again cannot post twice. */
const neverSent = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

/** A failed request: retryable if it never reached Teams; otherwise (a timeout, a dropped answer) the outcome is unknown and not retried. */
function unsentOrUnknown(error: unknown): DeliveryError {
  const code = (error as { cause?: { code?: unknown } }).cause?.code;
  return typeof code === "string" && neverSent.has(code)
    ? new DeliveryError("teams-unreachable", true)
    : new DeliveryError("outcome-unknown", false);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/** The Bot Connector client created by createBotConnector. */
export type BotConnector = ReturnType<typeof createBotConnector>;

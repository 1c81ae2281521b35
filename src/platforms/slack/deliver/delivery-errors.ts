import { DeliveryError } from "../../../kernel/errors.js";

/** Slack errors meaning the person or channel cannot be reached until someone acts. */
const goneErrors = new Set([
  "channel_not_found",
  "user_not_found",
  "users_not_found",
  "account_inactive",
  "user_disabled",
  "cannot_dm_bot",
  "is_archived",
  "messages_tab_disabled",
]);

/** Slack errors that say the request was refused before anything was posted, so trying again is safe. */
const refusedErrors = new Set(["ratelimited", "service_unavailable", "request_timeout"]);

/** Network failures before the request reached Slack, so trying again is safe. */
const neverSentCodes = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

const rateLimitedWithoutRetryAfter = "Retry header did not contain a valid timeout";

interface SlackSdkError {
  code?: string;
  data?: { error?: string };
  retryAfter?: number;
  statusCode?: number;
  original?: Error & { cause?: { code?: string } };
}

function networkCode(error: SlackSdkError): string | undefined {
  const original = error.original;
  return original?.cause?.code ?? (original as { code?: string } | undefined)?.code;
}

/**
 * Turns whatever the Slack Web API client threw into a DeliveryError. Only failures where Slack
 * certainly posted nothing are retryable; an ambiguous one (a timeout, a dropped connection, a
 * server error) is `outcome-unknown` and never retried, so a member is never sent a message twice.
 */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const sdk = (typeof error === "object" && error !== null ? error : {}) as SlackSdkError;
  switch (sdk.code) {
    case "slack_webapi_rate_limited_error":
      return new DeliveryError("rate-limited", true, sdk.retryAfter);
    case "slack_webapi_platform_error": {
      const slackError = sdk.data?.error ?? "unknown";
      if (goneErrors.has(slackError)) return new DeliveryError("recipient-gone", false);
      if (refusedErrors.has(slackError)) return new DeliveryError(`slack-${slackError}`, true);
      if (slackError === "internal_error" || slackError === "fatal_error")
        return new DeliveryError("outcome-unknown", false);
      return new DeliveryError(`slack-${slackError.replace(/[^a-z0-9_]/g, "").slice(0, 60)}`, false);
    }
    case "slack_webapi_http_error":
      return sdk.statusCode === 503
        ? new DeliveryError("slack-service-unavailable", true)
        : new DeliveryError("outcome-unknown", false);
    case "slack_webapi_request_error": {
      const code = networkCode(sdk);
      return code !== undefined && neverSentCodes.has(code)
        ? new DeliveryError("slack-unreachable", true)
        : new DeliveryError("outcome-unknown", false);
    }
    default:
      // The client throws a bare Error for a 429 without a usable Retry-After: Slack refused it, so trying later is safe.
      return error instanceof Error && error.message.startsWith(rateLimitedWithoutRetryAfter)
        ? new DeliveryError("rate-limited", true)
        : new DeliveryError("unexpected", false);
  }
}

import type { RequestHandler } from "express";

/** How far ahead of our clock a signed Slack request may claim to be, in seconds (Bolt itself rejects old ones). */
export const maxFutureSkewSeconds = 5 * 60;

/** Refuses requests whose signature timestamp lies more than five minutes in the future, before their body is read. */
export function rejectFutureTimestamps(nowMs: () => number = Date.now): RequestHandler {
  return (req, res, next) => {
    const stamp = Number(req.get("x-slack-request-timestamp"));
    if (Number.isFinite(stamp) && stamp > nowMs() / 1000 + maxFutureSkewSeconds) {
      res.status(401).send();
      return;
    }
    next();
  };
}

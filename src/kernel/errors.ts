/** Codes for the errors a person may be shown, kindly worded by the caller. */
export type UserErrorCode =
  | "unknown-command"
  | "bad-arguments"
  | "not-allowed"
  | "prompt-unknown"
  | "prompt-not-yours"
  | "prompt-closed"
  | "bad-answer";

/** An error whose message is safe and useful to show the person who caused it. */
export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "UserError";
  }
}

/** A problem in configuration or stored data that must stop start-up with a clear message. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StartupError";
  }
}

/** A failed delivery; `retryable` says whether trying again later may succeed, `retryAfterSeconds` when the platform said. */
export class DeliveryError extends Error {
  constructor(
    readonly code: string,
    readonly retryable: boolean,
    readonly retryAfterSeconds?: number,
  ) {
    super(`delivery failed: ${code}`);
    this.name = "DeliveryError";
  }
}

/**
 * Delivery codes meaning the person cannot be reached until someone acts: the group's leads are told.
 * `not-installed`: Cohesion has no conversation with them yet (the app is not installed for them).
 * `recipient-gone`: their account is deactivated, or they removed or blocked the app.
 */
export const unreachableCodes = ["not-installed", "recipient-gone"] as const;

/** A reason a member cannot be reached. */
export type UnreachableCode = (typeof unreachableCodes)[number];

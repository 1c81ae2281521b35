// Recorded-style Slack payloads, filled in per test and sent signed the way Slack signs them.
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The signing secret every test instance of Cohesion uses. */
export const signingSecret = "8f742231b10e8888abcd99yyyzzz85a5";

/** A fixture with each "{{name}}" replaced: a whole-string placeholder takes the value as is (arrays, objects). */
export function fixture(name: string, values: Record<string, unknown>): Record<string, unknown> {
  const raw: unknown = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", `${name}.json`), "utf8"));
  const fill = (node: unknown): unknown => {
    if (typeof node === "string") {
      const whole = /^\{\{(\w+)\}\}$/.exec(node);
      if (whole?.[1] !== undefined && whole[1] in values) return values[whole[1]];
      return node.replace(/\{\{(\w+)\}\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    return node;
  };
  return fill(raw) as Record<string, unknown>;
}

/** Slack's v0 signature of a body at a timestamp. */
export function signature(body: string, timestamp: number, secret = signingSecret): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** How a request is signed: correctly by default, or forged, stale, from the future or not at all. */
export interface Signing {
  readonly secret?: string;
  readonly timestamp?: number;
  readonly unsigned?: boolean;
  readonly headers?: Record<string, string>;
}

/** POSTs a body to Cohesion's Slack endpoint, signed; resolves with the status and the body text. */
export async function postToSlackEndpoint(
  baseUrl: string,
  body: string,
  contentType: string,
  signing: Signing = {},
): Promise<{ status: number; text: string }> {
  const timestamp = signing.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { "content-type": contentType, ...signing.headers };
  if (!signing.unsigned) {
    headers["x-slack-request-timestamp"] = String(timestamp);
    headers["x-slack-signature"] = signature(body, timestamp, signing.secret);
  }
  const response = await fetch(`${baseUrl}/slack/events`, { method: "POST", headers, body });
  return { status: response.status, text: await response.text() };
}

/** A slash command body, form-encoded as Slack sends it. */
export function slashCommandBody(values: { user: string; channel: string; text: string; responseUrl: string }): string {
  const fields = fixture("slash-command", values) as Record<string, string>;
  return new URLSearchParams(fields).toString();
}

/** An interactivity body (block_actions, view_submission): `payload=<json>`, form-encoded. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The form content type Slack uses for slash commands and interactivity. */
export const formEncoded = "application/x-www-form-urlencoded";

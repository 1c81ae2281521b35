// Requests as Slack sends them to the real bot, signed with the test signing secret, built from recorded fixtures.
import type { FakeSlackApi, RecordedCall } from "../platforms/slack/fake-slack-api.js";
import { pressables } from "../platforms/slack/slack-posts.js";
import {
  fixture,
  formEncoded,
  interactionBody,
  postToSlackEndpoint,
  slashCommandBody,
  type Signing,
} from "../platforms/slack/slack-requests.js";
import type { InteractiveValue } from "../../src/platforms/slack/render/interactive-ids.js";
import { canaryName } from "./canaries.js";

/** A signed Slack request: its body and content type. */
export interface SlackRequest {
  readonly body: string;
  readonly contentType: string;
}

/** The person Slack says sent a request: their id, and their canary name. */
function sender(id: string) {
  return { id, username: canaryName, name: canaryName, team_id: "T0TEAM01" };
}

/** Sends a request to the bot's Slack endpoint; `signing` may forge it, age it or send it unsigned. */
export function send(url: string, request: SlackRequest, signing?: Signing): Promise<{ status: number; text: string }> {
  return postToSlackEndpoint(url, request.body, request.contentType, signing);
}

/** The post to a member's direct messages that carries a button matching `pick`. */
export function postWith(fake: FakeSlackApi, member: string, pick: (value: InteractiveValue) => boolean): RecordedCall {
  const post = fake
    .callsOf("chat.postMessage")
    .find((call) => call.args["channel"] === `D${member}` && pressables(call).some((p) => pick(p.value)));
  if (!post) throw new Error("no such post");
  return post;
}

/** The member's press of the element of `post` that `pick` chooses (block_actions). */
export function press(
  post: RecordedCall,
  pick: (value: InteractiveValue) => boolean,
  options: { triggerId?: string; responseUrl?: string } = {},
): SlackRequest {
  const target = pressables(post).find((p) => pick(p.value));
  if (!target) throw new Error("no such button in that message");
  const channel = String(post.args["channel"]);
  const payload = fixture("block-actions", {
    user: channel.slice(1),
    channel,
    ts: String(post.result["ts"]),
    triggerId: options.triggerId ?? `trigger-${channel.slice(1)}`,
    text: String(post.args["text"] ?? ""),
    blocks: post.args["blocks"] ?? [],
    responseUrl: options.responseUrl ?? "http://127.0.0.1:9/respond",
    actionId: String(target.element["action_id"]),
    label: "button",
    value: String(target.element["value"]),
  });
  payload["user"] = sender(channel.slice(1));
  return { body: interactionBody(payload), contentType: formEncoded };
}

/** Whether a value is the "Full check-in" button. */
export const fullCheckin = (value: InteractiveValue) => value.kind === "button" && value.action === "open-form";

/** Whether a value is a pulse choice. */
export const pulseChoice = (value: InteractiveValue) => value.kind === "choice";

/** The item ids of the modal a views.open call opened, in question order. */
export function formItems(opened: RecordedCall): string[] {
  const view = opened.args["view"] as { blocks: { type: string; block_id?: string }[] };
  return view.blocks.flatMap((block) => (block.type === "input" && block.block_id ? [block.block_id.slice(2)] : []));
}

/** The member's submission of the modal a views.open call opened, answering `value` to every question. */
export function submitForm(member: string, opened: RecordedCall, value: number): SlackRequest {
  const view = opened.args["view"] as { blocks: unknown[]; private_metadata: string };
  const selected = { text: { type: "plain_text", text: String(value) }, value: String(value) };
  const values = Object.fromEntries(
    formItems(opened).map((item) => [`q:${item}`, { answer: { type: "radio_buttons", selected_option: selected } }]),
  );
  const payload = fixture("view-submission", {
    user: member,
    blocks: view.blocks,
    privateMetadata: view.private_metadata,
    values,
  });
  payload["user"] = sender(member);
  return { body: interactionBody(payload), contentType: formEncoded };
}

/** `/cohesion <text>` typed by a person in their direct messages. */
export function slashCommand(user: string, text: string, responseUrl: string): SlackRequest {
  const fields = new URLSearchParams(slashCommandBody({ user, channel: `D${user}`, text, responseUrl }));
  fields.set("user_name", canaryName);
  return { body: fields.toString(), contentType: formEncoded };
}

/** A message a member writes in their direct messages with Cohesion (message.im). */
export function directMessage(user: string, text: string, eventId: string): SlackRequest {
  const ts = `1764612600.${eventId.replace(/\D/g, "").padStart(6, "0").slice(-6)}`;
  const payload = fixture("direct-message", { user, channel: `D${user}`, text, eventId, ts });
  return { body: JSON.stringify(payload), contentType: "application/json" };
}

/** A member opening the app's Home tab (app_home_opened). */
export function homeOpened(user: string, eventId: string): SlackRequest {
  return { body: JSON.stringify(fixture("app-home-opened", { user, eventId })), contentType: "application/json" };
}

/** Slack's check of the request URL (url_verification). */
export function urlVerification(challenge: string): SlackRequest {
  const body = JSON.stringify({ token: "verification-token-not-used", challenge, type: "url_verification" });
  return { body, contentType: "application/json" };
}

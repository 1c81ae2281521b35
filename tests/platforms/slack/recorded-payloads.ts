// Payloads in the shapes Slack publishes (fixtures/recorded/), filled in from what Cohesion posted and sent
// signed to the real endpoint, as Slack would send them.
import type { InteractiveValue } from "../../../src/platforms/slack/render/interactive-ids.js";
import type { RecordedCall } from "./fake-slack-api.js";
import type { SlackHarness } from "./slack-harness.js";
import { pressables } from "./slack-posts.js";
import { fixture, formEncoded, interactionBody, postToSlackEndpoint } from "./slack-requests.js";

/** A recorded payload from fixtures/recorded/ with its placeholders filled in. */
export function recorded(name: string, values: Record<string, unknown>): Record<string, unknown> {
  return fixture(`recorded/${name}`, values);
}

/** Sends a recorded Events API delivery. */
export async function sendEvent(
  slack: SlackHarness,
  name: string,
  values: { user: string; channel: string; text: string; eventId: string; ts: string; threadTs?: string },
): Promise<{ status: number; text: string }> {
  return postToSlackEndpoint(slack.url, JSON.stringify(recorded(name, values)), "application/json");
}

/** Sends a recorded slash command, form-encoded; resolves with the status and the acknowledgement's body. */
export async function sendCommand(
  slack: SlackHarness,
  name: string,
  values: { user: string; channel: string; text: string },
): Promise<{ status: number; body: string }> {
  const fields = recorded(name, { ...values, responseUrl: `${slack.fake.url}/respond/1` }) as Record<string, string>;
  const response = await postToSlackEndpoint(slack.url, new URLSearchParams(fields).toString(), formEncoded);
  return { status: response.status, body: response.text };
}

/** Sends a recorded interaction payload (block_actions, view_submission) as Slack's form-encoded `payload`. */
export async function sendInteraction(
  slack: SlackHarness,
  payload: Record<string, unknown>,
): Promise<{ status: number; text: string }> {
  return postToSlackEndpoint(slack.url, interactionBody(payload), formEncoded);
}

let triggers = 0;

/** The placeholders of a block_actions fixture for pressing the element of `post` (a message or a view) that `pick` chooses. */
export function pressOf(
  slack: SlackHarness,
  post: RecordedCall,
  pick: (value: InteractiveValue) => boolean,
  user: string,
): Record<string, unknown> {
  const view = post.args["view"] as { blocks?: unknown } | undefined;
  const blocks = view?.blocks ?? post.args["blocks"] ?? [];
  const target = pressables({ ...post, args: { ...post.args, blocks } }).find((p) => pick(p.value));
  if (!target) throw new Error("no such element in that post");
  triggers += 1;
  return {
    user,
    channel: String(post.args["channel"] ?? ""),
    ts: String(post.result["ts"] ?? post.args["ts"] ?? ""),
    text: String(post.args["text"] ?? ""),
    blocks,
    triggerId: `7712345678.1234567890.${String(triggers).padStart(32, "0")}`,
    responseUrl: `${slack.fake.url}/respond/2`,
    actionId: String(target.element["action_id"]),
    label: "pressed",
    value: String(target.element["value"]),
  };
}

/** The placeholders of a view_submission fixture answering every question of an opened modal, in order. */
export function submissionOf(opened: RecordedCall, user: string, answers: readonly number[]): Record<string, unknown> {
  const view = opened.args["view"] as {
    blocks: { type: string; block_id?: string }[];
    private_metadata: string;
    title: { text: string };
    submit: { text: string };
  };
  const inputs = view.blocks.filter((block) => block.type === "input");
  const values = Object.fromEntries(
    inputs.map((block, i) => {
      const value = String(answers[i]);
      const selected = { text: { type: "plain_text", text: value, emoji: true }, value };
      return [block.block_id, { answer: { type: "static_select", selected_option: selected } }];
    }),
  );
  return {
    user,
    blocks: view.blocks,
    privateMetadata: view.private_metadata,
    values,
    title: view.title.text,
    submit: view.submit.text,
  };
}

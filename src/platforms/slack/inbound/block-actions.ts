import { couldNotRead } from "../../../views/member/replies.js";
import type { App } from "@slack/bolt";
import { homeView } from "../../../views/member/home-view.js";
import { textMessage, type Button, type Form, type Message } from "../../../kernel/message.js";
import { toAddress } from "../../../kernel/address.js";
import { actionIdPrefix, decodeValue, type InteractiveValue } from "../render/interactive-ids.js";
import { blockActionsSchema, echoedButtonSchema, type BlockActions } from "./payloads.js";
import { renderFormModal, type FormOrigin } from "../render/form.js";
import { renderHome } from "../render/home.js";
import { logFailure, type ListenerDeps } from "./listener-deps.js";

const triggerExpired =
  "Sorry, that took too long to open. Please tap *Full check-in* again; your check-in is still open.";
const formTooLong =
  "Sorry, this check-in is too long to show in Slack. Nothing was saved; your group leaders can share it another way.";

/** The "Full check-in" buttons of the clicked message, kept when an answer replaces it (the pulse, the offer after it). */
function formButtonsOf(body: BlockActions, promptId: string): Button[] {
  const elements = (body.message?.blocks ?? []).flatMap((block) => {
    const inner = (block as { elements?: unknown }).elements;
    return Array.isArray(inner) ? inner : [];
  });
  return elements.flatMap((element) => {
    const button = echoedButtonSchema.safeParse(element);
    const value = button.success ? decodeValue(button.data.value) : undefined;
    return button.success && value?.kind === "button" && value.action === "open-form" && value.promptId === promptId
      ? [{ promptId, action: "open-form" as const, label: button.data.text.text }]
      : [];
  });
}

async function openForm(
  deps: ListenerDeps,
  body: BlockActions,
  form: Form,
  origin: FormOrigin,
  clickKey: string,
): Promise<void> {
  const user = body.user.id;
  const tell = (text: string) =>
    origin.channel ? deps.messenger.postEphemeral(origin.channel, user, textMessage(text)) : Promise.resolve();
  const view = renderFormModal(form, origin);
  if (!view) return tell(formTooLong);
  if (!body.trigger_id) return tell(triggerExpired);
  try {
    await deps.messenger.openModal(body.trigger_id, view);
  } catch (error) {
    deps.clicks.release(clickKey);
    const code = (error as { code?: string }).code ?? "";
    deps.logger.warn({ listener: "block-actions", error: code }, "form not opened");
    await tell(
      code.includes("trigger")
        ? triggerExpired
        : "Sorry, I couldn't open the check-in just now. Please try again in a moment.",
    );
  }
}

async function answerHomeControl(deps: ListenerDeps, user: string, action: "pause" | "resume"): Promise<void> {
  const from = toAddress(`slack:${user}`);
  const outcome = await deps.bot.interactions.handle({ type: "command", from, text: action });
  const notice: Message | undefined = "reply" in outcome ? outcome.reply : undefined;
  await deps.messenger.publishHome(user, renderHome(await homeView(deps.bot.ctx, from), notice));
}

async function answerClick(deps: ListenerDeps, raw: unknown): Promise<void> {
  const parsed = blockActionsSchema.safeParse(raw);
  if (!parsed.success) {
    deps.logger.warn({ listener: "block-actions", issues: parsed.error.issues.length }, "Slack payload rejected");
    return;
  }
  const body = parsed.data;
  const user = body.user.id;
  const clicked = body.actions[0];
  const channel = body.container?.channel_id ?? body.channel?.id;
  const ts = body.container?.message_ts ?? body.message?.ts;
  const rawValue = clicked?.value ?? clicked?.selected_option?.value ?? "";
  const value: InteractiveValue | undefined = decodeValue(rawValue);
  if (!value) {
    if (channel) await deps.messenger.postEphemeral(channel, user, couldNotRead);
    return;
  }
  // A double click (the same person, message and choice within seconds) has one effect and one reply.
  const clickKey = `click|${user}|${ts ?? "home"}|${rawValue}`;
  if (deps.clicks.claim(clickKey)) return;
  if (value.kind === "home") return answerHomeControl(deps, user, value.action);
  const from = `slack:${user}`;
  const event =
    value.kind === "choice"
      ? { type: "choice", from, promptId: value.promptId, itemId: value.itemId, value: value.value }
      : {
          type: "button",
          from,
          ...(channel ? { channel: `slack:${channel}` } : {}),
          promptId: value.promptId,
          action: value.action,
        };
  const outcome = await deps.bot.interactions.handle(event);
  if ("silent" in outcome) return;
  if ("form" in outcome) return openForm(deps, body, outcome.form, { promptId: value.promptId, channel, ts }, clickKey);
  if (!outcome.replacesPrompt) deps.clicks.release(clickKey);
  if (outcome.replacesPrompt && channel && ts) {
    const keep = formButtonsOf(body, value.promptId);
    const reply =
      keep.length > 0
        ? { ...outcome.reply, blocks: [...outcome.reply.blocks, { type: "buttons" as const, buttons: keep }] }
        : outcome.reply;
    return deps.messenger.update(channel, ts, reply);
  }
  if (channel) await deps.messenger.postEphemeral(channel, user, outcome.reply);
}

/** Registers the listener for every button and menu Cohesion renders (their action_ids share one prefix). */
export function registerBlockActions(app: App, deps: ListenerDeps): void {
  app.action(new RegExp(`^${actionIdPrefix}`), async ({ ack, body }) => {
    await ack();
    await answerClick(deps, body).catch((error: unknown) => logFailure(deps, "block-actions", error));
  });
}

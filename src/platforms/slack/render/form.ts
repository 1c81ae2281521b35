import type { types } from "@slack/bolt";
import { z } from "zod";
import type { Form } from "../../../kernel/message.js";
import { formCallbackId } from "./interactive-ids.js";
import { slackLimits } from "./limits.js";
import { escapeMrkdwn, splitMrkdwn, truncate } from "./text.js";
import type { SlackBlock } from "./message.js";

/** Where a form came from: its prompt, and the message whose button opened it (updated once it is answered). */
export interface FormOrigin {
  readonly promptId: string;
  readonly channel?: string;
  readonly ts?: string;
}

const originSchema = z.strictObject({
  p: z.string().min(1).max(100),
  c: z
    .string()
    .regex(/^[A-Z0-9]{1,40}$/)
    .optional(),
  t: z
    .string()
    .regex(/^\d{1,12}\.\d{1,8}$/)
    .optional(),
});

const answerInputBlock = /^q:([a-z0-9-]{1,40})$/;
const answerActionId = "answer";

const stateSchema = z.record(
  z.string(),
  z.record(
    z.string(),
    z.object({ selected_option: z.object({ value: z.string().regex(/^-?\d{1,9}$/) }).nullish() }).loose(),
  ),
);

function plain(text: string, max: number) {
  return { type: "plain_text" as const, text: truncate(text, max), emoji: true };
}

/** The modal for a form, each question one compact row, or undefined when it has more questions than a modal holds. */
export function renderFormModal(form: Form, origin: FormOrigin): types.ModalView | undefined {
  const intro: SlackBlock[] = splitMrkdwn(escapeMrkdwn(form.intro), slackLimits.sectionText).map((text) => ({
    type: "section",
    text: { type: "mrkdwn", text, verbatim: true },
  }));
  const footer: SlackBlock = {
    type: "context",
    elements: [{ type: "mrkdwn", text: "Skip any question you'd rather not answer.", verbatim: true }],
  };
  if (intro.length + form.questions.length + 1 > slackLimits.blocksPerView) return undefined;
  const questions: SlackBlock[] = form.questions.map((question) => {
    const options = question.options.slice(0, slackLimits.optionsPerSelect).map((option) => ({
      text: plain(`${option.value} ${option.label}`.trim(), slackLimits.optionText),
      value: String(option.value),
    }));
    // One drop-down row per question (a phone's own picker) rather than a column of radio buttons each.
    const element = {
      type: "static_select" as const,
      action_id: answerActionId,
      options,
      placeholder: plain("Choose one", slackLimits.optionText),
    };
    return {
      type: "input",
      block_id: `q:${question.itemId}`,
      optional: true,
      label: plain(question.text, slackLimits.inputLabel),
      element,
    };
  });
  const metadata = JSON.stringify({ p: origin.promptId, c: origin.channel, t: origin.ts });
  if (metadata.length > slackLimits.privateMetadata) return undefined;
  return {
    type: "modal",
    callback_id: formCallbackId,
    private_metadata: metadata,
    title: plain(form.title, slackLimits.viewTitle),
    submit: plain(form.submitLabel, slackLimits.viewTitle),
    close: plain("Not now", slackLimits.viewTitle),
    blocks: [...intro, ...questions, footer],
  };
}

/** The origin stored in a submitted modal, or undefined if it is not one of ours. */
export function formOriginOf(privateMetadata: string): FormOrigin | undefined {
  try {
    const parsed = originSchema.safeParse(JSON.parse(privateMetadata));
    return parsed.success ? { promptId: parsed.data.p, channel: parsed.data.c, ts: parsed.data.t } : undefined;
  } catch {
    return undefined;
  }
}

/** The answers in a submitted modal by item id (null for a skipped question), or undefined if the state is malformed. */
export function formAnswersOf(values: unknown): Record<string, number | null> | undefined {
  const parsed = stateSchema.safeParse(values);
  if (!parsed.success) return undefined;
  const answers: Record<string, number | null> = {};
  for (const [blockId, actions] of Object.entries(parsed.data)) {
    const itemId = answerInputBlock.exec(blockId)?.[1];
    const selected = actions[answerActionId]?.selected_option;
    if (itemId !== undefined) answers[itemId] = selected ? Number(selected.value) : null;
  }
  return answers;
}

/** A small modal that shows a reply in place of the form (when the answers could not be saved). */
export function noticeModal(title: string, blocks: SlackBlock[]): types.ModalView {
  return {
    type: "modal",
    title: plain(title, slackLimits.viewTitle),
    close: plain("Close", slackLimits.viewTitle),
    blocks,
  };
}

import type { App, types } from "@slack/bolt";
import { textMessage } from "../../../kernel/message.js";
import { formCallbackId } from "../render/interactive-ids.js";
import { viewSubmissionSchema } from "./payloads.js";
import { slackLimits } from "../render/limits.js";
import { formAnswersOf, formOriginOf, noticeModal } from "../render/form.js";
import { renderSingle } from "../render/message.js";
import { logFailure, type ListenerDeps } from "./listener-deps.js";

type ViewAck = (response?: { response_action: "update"; view: types.ModalView }) => Promise<void>;

const unreadable = textMessage(
  "Sorry, I couldn't read those answers, so nothing was saved. Please try again from the check-in message.",
);

/**
 * Registers the full check-in modal's submission: the answers are stored before Slack is answered;
 * then the message whose button opened the modal becomes the thank-you. If nothing could be saved,
 * the modal shows why instead of closing.
 */
export function registerViewSubmission(app: App, deps: ListenerDeps): void {
  app.view(formCallbackId, async ({ ack, body }) => {
    const answer = ack as ViewAck;
    const showInModal = (message = unreadable) =>
      answer({
        response_action: "update",
        view: noticeModal("Check-in", renderSingle(message, slackLimits.blocksPerView).blocks),
      });
    try {
      const parsed = viewSubmissionSchema.safeParse(body);
      const origin = parsed.success ? formOriginOf(parsed.data.view.private_metadata) : undefined;
      const answers = parsed.success ? formAnswersOf(parsed.data.view.state.values) : undefined;
      if (!parsed.success || !origin || !answers) return await showInModal();
      const from = `slack:${parsed.data.user.id}`;
      const outcome = await deps.bot.interactions.handle({ type: "form", from, promptId: origin.promptId, answers });
      if (!("reply" in outcome)) return await answer();
      if (!outcome.replacesPrompt) return await showInModal(outcome.reply);
      await answer();
      if (origin.channel && origin.ts) await deps.messenger.update(origin.channel, origin.ts, outcome.reply);
    } catch (error) {
      logFailure(deps, "view-submission", error);
    }
  });
}

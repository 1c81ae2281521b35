import type { types } from "@slack/bolt";
import { z } from "zod";
import { localPart, platformOf, type Address } from "../../../kernel/address.js";
import { DeliveryError } from "../../../kernel/errors.js";
import type { Form, Message } from "../../../kernel/message.js";
import type { DeliveryTag, Logger, Messenger } from "../../../kernel/ports.js";
import { DeliveryHistory, deliveryMark, markMetadata } from "./delivery-history.js";
import { toDeliveryError } from "./delivery-errors.js";
import { uploadFile } from "./file-upload.js";
import type { PacedSlackApi } from "./pacing.js";
import { renderMessage, renderSingle, type SlackBlock, type Upload } from "../render/message.js";

const openedSchema = z.object({ channel: z.object({ id: z.string().regex(/^[A-Z0-9]+$/) }) });
const personId = /^[UW][A-Z0-9]+$/;
const channelId = /^[CGD][A-Z0-9]+$/;

const unfurlNothing = { unfurl_links: false, unfurl_media: false } as const;

/** How far one send got: any part posted, and whether the files had begun. */
interface SendProgress {
  posted: boolean;
  uploading: boolean;
}

/** Sends Cohesion's messages on Slack: DMs to people (`slack:U…`), posts to channels (`slack:C…`). */
export class SlackMessenger implements Messenger {
  private readonly directChannels = new Map<string, string>();

  private readonly history: DeliveryHistory;

  constructor(
    private readonly api: PacedSlackApi,
    logger: Logger,
  ) {
    this.history = new DeliveryHistory(api, logger);
  }

  /**
   * Posts a message (in parts of at most 50 blocks), then its charts and files. A scheduled delivery's posts carry
   * its mark; after an unknown outcome the direct message's history is read first and only what is missing is posted.
   */
  async send(to: Address, message: Message, tag?: DeliveryTag): Promise<void> {
    const channel = await this.channelFor(to);
    const rendered = renderMessage(message);
    const posts = rendered.posts.length > 0 ? rendered.posts : [[]];
    const marks = tag ? posts.map((_, part) => deliveryMark(tag, part)) : [];
    const progress = { posted: false, uploading: false };
    try {
      const found = tag?.earlierAttemptUnknown ? await this.history.marksIn(channel, tag) : new Set<string>();
      if (marks.length > 0 && marks.every((mark) => found.has(mark))) return;
      for (const [part, blocks] of posts.entries()) {
        const mark = marks[part];
        if (mark !== undefined && found.has(mark)) continue;
        await this.api.call(
          "chat.postMessage",
          {
            channel,
            text: rendered.text,
            ...(blocks.length > 0 ? { blocks } : {}),
            ...(mark === undefined ? {} : { metadata: markMetadata(mark) }),
            ...unfurlNothing,
          },
          channel,
        );
        progress.posted = true;
      }
      progress.uploading = true;
      for (const upload of rendered.uploads) await uploadFile(this.api, channel, upload);
    } catch (error) {
      throw this.settle(toDeliveryError(error), progress, tag !== undefined && this.history.checkable(channel));
    }
  }

  private settle(failure: DeliveryError, progress: SendProgress, checkable: boolean): DeliveryError {
    if (failure.code !== "outcome-unknown" && !(progress.posted && failure.retryable)) return failure;
    // The next attempt reads the history first and posts only the parts that are not there.
    if (checkable && !progress.uploading) return new DeliveryError("outcome-unknown", true, failure.retryAfterSeconds);
    // Once part of a message is out, a retry would repeat it: report the rest as not retryable.
    return progress.posted && failure.retryable ? new DeliveryError("partially-delivered", false) : failure;
  }

  /** Slack opens forms only from a click, so this sends a message whose button opens the form. */
  async openForm(to: Address, form: Form): Promise<void> {
    await this.send(to, {
      text: form.title,
      blocks: [
        { type: "text", text: `*${form.title}*` },
        {
          type: "buttons",
          buttons: [{ promptId: form.promptId, action: "open-form", label: form.title, primary: true }],
        },
      ],
    });
  }

  /** Replaces a message the person clicked in, keeping `keep` (e.g. a button that still has work to do) beneath. */
  async update(channel: string, ts: string, message: Message, keep: readonly SlackBlock[] = []): Promise<void> {
    const rendered = renderSingle(message);
    await this.api.call(
      "chat.update",
      { channel, ts, text: rendered.text, blocks: [...rendered.blocks, ...keep] },
      channel,
    );
    await this.shareUploads(channel, rendered.uploads);
  }

  /** Answers in the thread of a direct message (`threadTs`, the thread's first message), files and charts included. */
  async replyInThread(channel: string, threadTs: string, message: Message): Promise<void> {
    const rendered = renderSingle(message);
    const args = { channel, thread_ts: threadTs, text: rendered.text, blocks: rendered.blocks, ...unfurlNothing };
    await this.api.call("chat.postMessage", args, channel);
    await this.shareUploads(channel, rendered.uploads);
  }

  /** Shows a message only to `user` in `channel`; files and charts go to their direct messages. */
  async postEphemeral(channel: string, user: string, message: Message): Promise<void> {
    const rendered = renderSingle(message);
    await this.api.call("chat.postEphemeral", { channel, user, text: rendered.text, blocks: rendered.blocks }, channel);
    await this.shareUploads(await this.directChannel(user), rendered.uploads);
  }

  /** Shares files in a person's direct messages (exports and charts asked for in a channel). */
  async shareWithPerson(user: string, uploads: readonly Upload[]): Promise<void> {
    await this.shareUploads(await this.directChannel(user), uploads);
  }

  /** Opens a modal from a click's trigger. */
  async openModal(triggerId: string, view: types.ModalView): Promise<void> {
    await this.api.call("views.open", { trigger_id: triggerId, view });
  }

  /** Publishes a person's App Home. */
  async publishHome(user: string, view: types.HomeView): Promise<void> {
    await this.api.call("views.publish", { user_id: user, view });
  }

  private async shareUploads(channel: string, uploads: readonly Upload[]): Promise<void> {
    for (const upload of uploads) await uploadFile(this.api, channel, upload);
  }

  private async channelFor(to: Address): Promise<string> {
    const id = localPart(to);
    if (platformOf(to) !== "slack") throw new DeliveryError("platform-mismatch", false);
    if (personId.test(id)) return this.directChannel(id);
    if (channelId.test(id)) return id;
    throw new DeliveryError("bad-slack-address", false);
  }

  private async directChannel(user: string): Promise<string> {
    const known = this.directChannels.get(user);
    if (known) return known;
    const opened = openedSchema.safeParse(await this.openDirectMessage(user));
    if (!opened.success) throw new DeliveryError("slack-bad-response", false);
    this.directChannels.set(user, opened.data.channel.id);
    return opened.data.channel.id;
  }

  // Opening a direct message posts nothing and may be repeated, so a failure whose outcome is unclear is tried again.
  private async openDirectMessage(user: string): Promise<unknown> {
    try {
      return await this.api.call("conversations.open", { users: user, return_im: false });
    } catch (error) {
      const failure = toDeliveryError(error);
      if (failure.code !== "outcome-unknown") throw failure;
      throw new DeliveryError("slack-open-failed", true, failure.retryAfterSeconds);
    }
  }
}

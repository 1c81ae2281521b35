import type { Address } from "../../../kernel/address.js";
import { DeliveryError } from "../../../kernel/errors.js";
import type { FileBlock, Form, Message } from "../../../kernel/message.js";
import type { Messenger } from "../../../kernel/ports.js";
import type { ConversationReference, ReferenceBook } from "./conversation-references.js";
import { cardActivity, type Destination, type Outbound } from "./outbound.js";
import type { PendingFiles } from "./pending-files.js";
import { renderForm, renderMessage } from "../render/message.js";

/** The Teams file consent card offering one file (personal chats only). */
export function consentCardActivity(block: FileBlock, fileId: string, botId: string): Record<string, unknown> {
  return {
    type: "message",
    from: { id: botId },
    summary: block.title,
    attachments: [
      {
        contentType: "application/vnd.microsoft.teams.card.file.consent",
        name: block.filename,
        content: {
          description: block.title,
          sizeInBytes: block.data.byteLength,
          acceptContext: { fileId },
          declineContext: { fileId },
        },
      },
    ],
  };
}

/** What a card says in place of a file, depending on whether Teams lets the bot hand it over there. */
export function fileNote(personal: boolean): (block: FileBlock) => string {
  return personal
    ? (block) => `📎 *${block.title}* (${block.filename}) comes just below: choose Allow to save it to your OneDrive.`
    : (block) => `📎 ${block.title}: Teams only lets me hand over files in a personal chat, so please ask me there.`;
}

/** Sends neutral messages to Teams people and channels through their stored conversation references. */
export function createTeamsMessenger(
  book: ReferenceBook,
  outbound: Outbound,
  pendingFiles: PendingFiles,
): Messenger & {
  /** Sends a message to a conversation: the card, then a consent card per file where files are allowed. */
  deliver(
    to: Destination,
    personal: boolean,
    recipient: Address | undefined,
    message: Message,
  ): Promise<string | undefined>;
} {
  async function reference(to: Address): Promise<ConversationReference> {
    const found = await book.find(to);
    if (!found) throw new DeliveryError("not-installed", false);
    return found;
  }

  async function names(message: Message): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const block of message.blocks) {
      if (block.type !== "mention" || !block.address.startsWith("teams:")) continue;
      const name = (await book.find(block.address))?.name;
      if (name) found.set(block.address, name);
    }
    return found;
  }

  async function deliver(
    to: Destination,
    personal: boolean,
    recipient: Address | undefined,
    message: Message,
  ): Promise<string | undefined> {
    const rendered = renderMessage(message, {
      names: await names(message),
      fileNote: fileNote(personal && recipient !== undefined),
    });
    const id = await outbound.post(to, cardActivity(rendered, to.botId));
    if (personal && recipient) {
      for (const block of message.blocks.filter((b): b is FileBlock => b.type === "file")) {
        await outbound.post(to, consentCardActivity(block, pendingFiles.offer(recipient, block), to.botId));
      }
    }
    return id;
  }

  return {
    deliver,
    async send(to, message, tag) {
      // Teams keeps no history to check, so a delivery whose earlier attempt may have gone out is not sent again.
      if (tag?.earlierAttemptUnknown) throw new DeliveryError("outcome-unknown", false);
      const found = await reference(to);
      await deliver(found, found.kind === "personal", to, message);
    },
    async openForm(to: Address, form: Form) {
      const found = await reference(to);
      await outbound.post(found, cardActivity(renderForm(form), found.botId));
    },
  };
}

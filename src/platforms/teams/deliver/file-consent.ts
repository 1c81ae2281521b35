import { couldNotRead } from "../../../views/member/replies.js";
import { z } from "zod";
import type { Address } from "../../../kernel/address.js";
import type { Logger } from "../../../kernel/ports.js";
import { textMessage } from "../../../kernel/message.js";
import type { Destination, Outbound } from "./outbound.js";
import type { PendingFiles } from "./pending-files.js";

const consentSchema = z.object({
  type: z.literal("fileUpload"),
  action: z.enum(["accept", "decline"]),
  context: z.object({ fileId: z.string().max(100) }),
  uploadInfo: z
    .object({
      uploadUrl: z.url({ protocol: /^https?$/ }),
      contentUrl: z.url({ protocol: /^https?$/ }),
      name: z.string().max(300),
      uniqueId: z.string().max(300).optional(),
      fileType: z.string().max(50).optional(),
    })
    .optional(),
});

/** What the consent flow says back, as a plain message. */
export type ConsentReply = ReturnType<typeof textMessage>;

/**
 * Teams' file consent flow: the person chose Allow (upload the held file to the OneDrive URL Teams
 * gave, then show it in the chat) or Decline (drop it). Only the file's recipient can accept it.
 */
export function createFileConsent(
  pending: PendingFiles,
  outbound: Outbound,
  logger: Logger,
  fetchImpl: typeof fetch = fetch,
) {
  async function upload(url: string, data: Uint8Array): Promise<boolean> {
    const response = await fetchImpl(url, {
      method: "PUT",
      headers: {
        "content-range": `bytes 0-${data.byteLength - 1}/${data.byteLength}`,
        "content-type": "application/octet-stream",
      },
      body: data,
      signal: AbortSignal.timeout(30_000),
    }).catch(() => undefined);
    return response !== undefined && response.ok;
  }

  /** Handles a `fileConsent/invoke` from `from`; resolves with a reply to post, if any. */
  async function handle(value: unknown, from: Address | undefined, to: Destination): Promise<ConsentReply | undefined> {
    const parsed = consentSchema.safeParse(value);
    if (!parsed.success) return couldNotRead;
    const { action, context, uploadInfo } = parsed.data;
    const file = pending.find(context.fileId);
    if (!file || file.recipient !== from)
      return textMessage("That file is no longer waiting for you. Please ask me for it again.");
    if (action === "decline") {
      pending.settle(context.fileId);
      return textMessage("No problem, I haven't saved the file.");
    }
    if (!uploadInfo || !(await upload(uploadInfo.uploadUrl, file.block.data))) {
      logger.warn({ code: "teams-file-upload-failed" }, "file not uploaded");
      return textMessage(
        "Sorry, I couldn't save the file to your OneDrive. Please ask me for it again in a little while.",
      );
    }
    pending.settle(context.fileId);
    await outbound.post(to, {
      type: "message",
      from: { id: to.botId },
      summary: file.block.title,
      attachments: [
        {
          contentType: "application/vnd.microsoft.teams.card.file.info",
          contentUrl: uploadInfo.contentUrl,
          name: uploadInfo.name,
          content: { uniqueId: uploadInfo.uniqueId, fileType: uploadInfo.fileType ?? "csv" },
        },
      ],
    });
    return undefined;
  }

  return { handle };
}

/** The consent flow created by createFileConsent. */
export type FileConsent = ReturnType<typeof createFileConsent>;

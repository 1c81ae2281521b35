import { z } from "zod";
import { DeliveryError } from "../../../kernel/errors.js";
import type { PacedSlackApi } from "./pacing.js";
import type { Upload } from "../render/message.js";

const uploadTicketSchema = z.object({ upload_url: z.url(), file_id: z.string().min(1) });

/** How long sending the bytes of one file may take. */
const uploadTimeoutMs = 30_000;

/**
 * Shares a file in a channel with Slack's current upload flow: files.getUploadURLExternal, the bytes
 * sent to the URL it returns, then files.completeUploadExternal (never the retired files.upload).
 */
export async function uploadFile(api: PacedSlackApi, channel: string, upload: Upload): Promise<void> {
  const ticket = uploadTicketSchema.safeParse(
    await api.call("files.getUploadURLExternal", {
      filename: upload.filename,
      length: upload.bytes.byteLength,
      ...(upload.alt ? { alt_txt: upload.alt } : {}),
    }),
  );
  if (!ticket.success) throw new DeliveryError("slack-bad-upload-ticket", false);
  const response = await fetch(ticket.data.upload_url, {
    method: "POST",
    body: upload.bytes,
    redirect: "error",
    signal: AbortSignal.timeout(uploadTimeoutMs),
  }).catch(() => undefined);
  if (!response?.ok) throw new DeliveryError("slack-upload-failed", true);
  await api.call(
    "files.completeUploadExternal",
    { files: [{ id: ticket.data.file_id, title: upload.title }], channel_id: channel },
    channel,
  );
}

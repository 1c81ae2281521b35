import type { Form, Message } from "../kernel/message.js";

/**
 * What a platform shows in answer to an interaction: a reply, or a form to open. When the reply
 * `replacesPrompt`, the answer is stored and the platform shows the reply in place of the message
 * that was answered (so nobody answers twice by accident); otherwise it is shown beside it.
 */
export type Outcome = { readonly reply: Message; readonly replacesPrompt?: boolean } | { readonly form: Form };

import type { Form, Message } from "../kernel/message.js";

/**
 * What a platform shows in answer to an interaction: a reply, a form to open, or nothing at all. When
 * the reply `replacesPrompt`, the answer is stored and the platform shows the reply in place of the
 * message that was answered (so nobody answers twice by accident); otherwise it is shown beside it.
 * `silent` shows nothing anywhere: the person's chat must receive nothing (a member recorded as deceased).
 */
export type Outcome =
  { readonly reply: Message; readonly replacesPrompt?: boolean } | { readonly form: Form } | { readonly silent: true };

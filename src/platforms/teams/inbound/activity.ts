import { memberTextLimit } from "../../../kernel/events.js";
import { z } from "zod";

const account = z.object({
  id: z.string().min(1).max(300),
  name: z.string().max(300).optional(),
  aadObjectId: z.string().min(1).max(100).optional(),
});

/** An @mention in a message: the `<at>…</at>` it appears as in the text, and who (or which tag or channel) it names. */
const mentionSchema = z.object({ type: z.literal("mention"), text: z.string().max(500), mentioned: account });

// Teams adds other entities too (clientInfo, for one); only their kind is read, so they are let through.
const otherEntitySchema = z.object({
  type: z
    .string()
    .max(100)
    .refine((type) => type !== "mention"),
});

/** An @mention entity of a validated activity. */
export type Mention = z.infer<typeof mentionSchema>;

/** The parts of an inbound Bot Framework activity Cohesion reads; everything else is ignored. */
export const activitySchema = z.object({
  type: z.string().max(50),
  id: z.string().max(300).optional(),
  name: z.string().max(100).optional(),
  action: z.string().max(50).optional(),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(500),
  channelId: z.string().max(50),
  from: account,
  recipient: account,
  conversation: z.object({
    id: z.string().min(1).max(500),
    conversationType: z.string().max(50).optional(),
    tenantId: z.string().max(100).optional(),
  }),
  channelData: z
    .object({
      tenant: z.object({ id: z.string().max(100) }).optional(),
      channel: z.object({ id: z.string().max(500) }).optional(),
      team: z.object({ id: z.string().max(500) }).optional(),
    })
    .optional(),
  text: z.string().max(memberTextLimit).optional(),
  entities: z
    .array(z.union([mentionSchema, otherEntitySchema]))
    .max(200)
    .optional(),
  value: z.unknown().optional(),
  replyToId: z.string().max(300).optional(),
  membersAdded: z.array(account).optional(),
  membersRemoved: z.array(account).optional(),
});

/** A validated inbound activity. */
export type InboundActivity = z.infer<typeof activitySchema>;

/** The @mentions in a message, in the order Teams listed them. */
export function mentionsOf(activity: InboundActivity): Mention[] {
  return (activity.entities ?? []).filter((entity): entity is Mention => entity.type === "mention");
}

// Only Teams saying so counts: a conversation of a missing or unknown type (Microsoft's own channel samples leave it
// out) is never taken as personal, so a channel can never stand in for a person's private chat.
/** Whether the activity comes from a personal (one-to-one) chat with the bot. */
export function isPersonal(activity: InboundActivity): boolean {
  return activity.conversation.conversationType === "personal";
}

/** The tenant an activity belongs to, if Teams said. */
export function tenantOf(activity: InboundActivity): string | undefined {
  return activity.channelData?.tenant?.id ?? activity.conversation.tenantId;
}

import { z } from "zod";
import { addressSchema } from "./address.js";
import { buttonActions } from "./message.js";

const promptId = z.string().regex(/^[a-z0-9]{6,40}\.[a-z0-9]{6,40}$/, "expected a prompt id");
const itemId = z.string().regex(/^[a-z0-9-]{1,40}$/, "expected an item id");

/** The longest message a member may write that Cohesion reads whole (longer than any chat platform sends). */
export const memberTextLimit = 100_000;

/**
 * Every inbound interaction, translated by a platform into neutral terms and validated here. `text` is
 * what a person types to the bot in a direct message: a command when it starts with a command's name,
 * else free text for the leads, checked for risk. `command` is always a command (a slash command).
 */
export const inboundEventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("choice"),
    from: addressSchema,
    promptId,
    itemId,
    value: z.number().int(),
  }),
  z.object({
    type: z.literal("form"),
    from: addressSchema,
    promptId,
    answers: z.record(itemId, z.number().int().nullable()),
  }),
  z.object({
    type: z.literal("button"),
    from: addressSchema,
    channel: addressSchema.optional(),
    promptId,
    action: z.enum(buttonActions),
  }),
  z.object({
    type: z.literal("text"),
    from: addressSchema,
    // As long as a chat message can be, so risk words late in a long message are still read.
    text: z.string().min(1).max(memberTextLimit),
  }),
  z.object({
    type: z.literal("command"),
    from: addressSchema,
    channel: addressSchema.optional(),
    text: z.string().max(500),
  }),
]);

/** A validated inbound interaction. */
export type InboundEvent = z.infer<typeof inboundEventSchema>;

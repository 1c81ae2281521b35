import { z } from "zod";
import { addressSchema } from "../../kernel/address.js";

/** How long a confirmation button for an erasure stays valid. */
export const erasureConfirmationMinutes = 15;

/** An erasure waiting for its confirmation button: a lead's `forget`, or a member's `delete my data`. */
export const erasureRequestSchema = z.strictObject({
  kind: z.enum(["forget", "own-data"]),
  by: addressSchema,
  member: addressSchema,
  issuedAt: z.iso.datetime(),
});

/** A pending erasure. */
export type ErasureRequest = z.infer<typeof erasureRequestSchema>;

/** Pending erasures by their opaque id (the confirmation button's id): the group document's slice. */
export const erasureRequestsSchema = z.record(z.string(), erasureRequestSchema);

/** A member's deletion of their own answers and messages, kept so that their group's leads are told. */
export const ownDataDeletionSchema = z.strictObject({
  /** Left out once a lead has erased the member too: the leads are still told, without a name. */
  member: addressSchema.optional(),
  at: z.iso.datetime(),
  /** The session last held when they asked (1 before the first). */
  session: z.number().int().min(1),
});

/** Members' deletions of their own data by id: the group document's slice. */
export const ownDataDeletionsSchema = z.record(z.string(), ownDataDeletionSchema);

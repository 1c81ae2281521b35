import { z } from "zod";
import { addressSchema } from "../../kernel/address.js";

/** When each member confirmed reading their orientation, by address: the first confirmation stands. */
export const orientationReadSchema = z.record(addressSchema, z.iso.datetime());

import { z } from "zod";

/** Platforms a Cohesion address can point to. */
export const platforms = ["console", "slack", "teams"] as const;

/** A platform name such as "slack". */
export type Platform = (typeof platforms)[number];

/** An opaque address such as `slack:U123`, `teams:<id>` or `console:ana`: all a later send needs. */
export const addressSchema = z
  .string()
  .regex(/^(console|slack|teams):[^\s|]+$/, "expected an address such as slack:U123, teams:<id> or console:<name>")
  .brand<"Address">();

/** A validated address. */
export type Address = z.infer<typeof addressSchema>;

/** Turns a trusted string into an address, throwing if it is malformed. */
export function toAddress(value: string): Address {
  return addressSchema.parse(value);
}

/** The platform an address belongs to. */
export function platformOf(address: Address): Platform {
  return address.slice(0, address.indexOf(":")) as Platform;
}

/** The part of an address after its platform prefix. */
export function localPart(address: Address): string {
  return address.slice(address.indexOf(":") + 1);
}

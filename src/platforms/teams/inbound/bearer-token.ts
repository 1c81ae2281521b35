import { z } from "zod";

// The one algorithm the Bot Framework signs with and the Teams SDK accepts.
const tokenHeader = z.looseObject({ alg: z.literal("RS256"), kid: z.string().min(1).max(200) });
const segment = /^[A-Za-z0-9_-]+$/;

// Anything else is refused before the SDK looks up signing keys for it, so forged tokens (alg "none", garbage) never
// make Cohesion fetch keys.
/** The key id of a "Bearer" header holding a three-part JWT whose header names RS256 and a key; else undefined. */
export function bearerKeyId(authorization: string): string | undefined {
  const [scheme, token, ...rest] = authorization.split(" ");
  if (scheme !== "Bearer" || token === undefined || rest.length > 0 || token.length > 16_384) return undefined;
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((part) => segment.test(part))) return undefined;
  try {
    const header = tokenHeader.safeParse(JSON.parse(Buffer.from(parts[0] ?? "", "base64url").toString("utf8")));
    return header.success ? header.data.kid : undefined;
  } catch {
    return undefined;
  }
}

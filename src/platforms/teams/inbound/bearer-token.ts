import { z } from "zod";

// The algorithms the Bot Framework signs with (AuthenticationConstants.AllowedSigningAlgorithms).
const tokenHeader = z.looseObject({ alg: z.enum(["RS256", "RS384", "RS512"]), kid: z.string().min(1).max(200) });
const segment = /^[A-Za-z0-9_-]+$/;

/**
 * Whether an Authorization header could hold a token the Bot Framework signed: "Bearer" and a JWT with three
 * segments whose header names an allowed algorithm and a key. Anything else is refused before the Bot Framework
 * looks up signing keys for it, so forged tokens (alg "none", garbage) never make Cohesion fetch keys.
 */
export function plausibleBearer(authorization: string): boolean {
  const [scheme, token, ...rest] = authorization.split(" ");
  if (scheme !== "Bearer" || token === undefined || rest.length > 0 || token.length > 16_384) return false;
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((part) => segment.test(part))) return false;
  try {
    return tokenHeader.safeParse(JSON.parse(Buffer.from(parts[0] ?? "", "base64url").toString("utf8"))).success;
  } catch {
    return false;
  }
}

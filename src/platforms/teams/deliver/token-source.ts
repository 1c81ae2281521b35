import type { App } from "@microsoft/teams.apps";
import { DeliveryError } from "../../../kernel/errors.js";
import type { TokenSource } from "./bot-connector.js";

/** No token: the local tools (Microsoft 365 Agents Playground) run without authentication. */
export const noTokens: TokenSource = { token: async () => undefined };

/** Tokens for calls to the Bot Connector from the Teams SDK, which gets them from Microsoft Entra and caches them. */
export function appTokens(tokenProvider: App["tokenProvider"]): TokenSource {
  return {
    async token() {
      const token = await tokenProvider.getAppToken().catch(() => null);
      if (!token) throw new DeliveryError("teams-token-failed", true);
      return token.toString();
    },
  };
}

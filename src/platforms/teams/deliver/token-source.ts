import type { ServiceClientCredentialsFactory } from "botframework-connector";
import type { Env } from "../../../app/settings.js";
import { DeliveryError } from "../../../kernel/errors.js";
import type { TokenSource } from "./bot-connector.js";

const botFrameworkScope = "https://api.botframework.com";

/** No token: the local tools (Teams App Test Tool, Bot Framework Emulator) run without authentication. */
export const noTokens: TokenSource = { token: async () => undefined };

/**
 * Tokens for calls to the Bot Connector, from the app registration's credentials through the Bot
 * Framework's own credential factory (which caches and refreshes them).
 */
export function appTokens(factory: ServiceClientCredentialsFactory, env: Env): TokenSource {
  const appId = env.MICROSOFT_APP_ID ?? "";
  const tenant =
    env.MICROSOFT_APP_TYPE === "SingleTenant" || env.MICROSOFT_APP_TYPE === "UserAssignedMSI"
      ? env.MICROSOFT_APP_TENANT_ID
      : undefined;
  const loginUrl = `https://login.microsoftonline.com/${tenant ?? "botframework.com"}`;
  let credentials: ReturnType<ServiceClientCredentialsFactory["createCredentials"]> | undefined;
  return {
    async token() {
      try {
        credentials ??= factory.createCredentials(appId, botFrameworkScope, loginUrl, true);
        const created = (await credentials) as { getToken?: () => Promise<string> };
        return created.getToken ? await created.getToken() : undefined;
      } catch {
        credentials = undefined;
        throw new DeliveryError("teams-token-failed", true);
      }
    },
  };
}

import type { CloudEnvironment } from "@microsoft/teams.api";
import { App, type AppOptions, type HttpRouteHandler, type IPlugin } from "@microsoft/teams.apps";
import type { Env } from "../../app/settings.js";
import type { InvokeResponse } from "./inbound/turn-handler.js";

type SdkLogger = NonNullable<AppOptions<IPlugin>["logger"]>;

// The SDK's log lines carry token claims, ids and payloads; Cohesion logs its own codes instead.
const silentLogger: SdkLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  trace: () => undefined,
  log: () => undefined,
  child: () => silentLogger,
};

/** The app registration's credentials as the SDK takes them, from Cohesion's validated settings only. */
function credentialsOf(
  env: Env,
): Pick<AppOptions<IPlugin>, "clientId" | "clientSecret" | "tenantId" | "managedIdentityClientId"> {
  // Empty strings rather than undefined: the SDK would otherwise read CLIENT_ID and the like from the process environment.
  const appId = env.MICROSOFT_APP_ID ?? "";
  const tenantId =
    env.MICROSOFT_APP_TYPE && env.MICROSOFT_APP_TYPE !== "MultiTenant" ? env.MICROSOFT_APP_TENANT_ID : "";
  if (env.MICROSOFT_APP_TYPE === "UserAssignedMSI")
    return { clientId: appId, clientSecret: "", tenantId: tenantId ?? "", managedIdentityClientId: appId };
  return { clientId: appId, clientSecret: env.MICROSOFT_APP_PASSWORD ?? "", tenantId: tenantId ?? "" };
}

/** Microsoft's Teams SDK as Cohesion uses it: inbound authentication and activity routing, and outbound tokens. */
export interface TeamsSdk {
  readonly app: App;
  /** Routes every activity to `onActivity` and returns the SDK's handler for POST /api/messages (authenticating first). */
  messagesHandler(onActivity: (activity: unknown) => Promise<InvokeResponse | undefined>): Promise<HttpRouteHandler>;
}

/** The SDK's app for `env` in `cloud`, receiving through Cohesion's own HTTP server rather than one of its own. */
export function createTeamsSdk(env: Env, cloud: CloudEnvironment): TeamsSdk {
  let handler: HttpRouteHandler | undefined;
  const app = new App({
    ...credentialsOf(env),
    cloud,
    logger: silentLogger,
    dangerouslyAllowUnauthenticatedRequests: !env.MICROSOFT_APP_ID,
    state: false,
    telemetry: { agent365: false },
    httpServerAdapter: { registerRoute: (_method, _path, route) => void (handler = route) },
  });
  return {
    app,
    async messagesHandler(onActivity) {
      app.use(async (context) => onActivity(context.activity));
      await app.initialize();
      if (!handler) throw new Error("The Teams SDK registered no messaging route");
      return handler;
    },
  };
}

import type { App } from "@slack/bolt";
import { toAddress } from "../../../kernel/address.js";
import { homeView } from "../../../views/member/home-view.js";
import { homeOpenedSchema } from "./payloads.js";
import { renderHome } from "../render/home.js";
import { logFailure, type ListenerDeps } from "./listener-deps.js";

/** Registers the App Home: each time a person opens its Home tab, it shows what is current for them. */
export function registerAppHome(app: App, deps: ListenerDeps): void {
  app.event("app_home_opened", async ({ event }) => {
    const parsed = homeOpenedSchema.safeParse(event);
    if (!parsed.success || (parsed.data.tab !== undefined && parsed.data.tab !== "home")) return;
    const user = parsed.data.user;
    try {
      await deps.messenger.publishHome(user, renderHome(await homeView(deps.bot.ctx, toAddress(`slack:${user}`))));
    } catch (error) {
      logFailure(deps, "app-home", error);
    }
  });
}

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { commands } from "../../../commands/index.js";
import { slashCommand } from "../../../src/platforms/slack/inbound/slash-command.js";
import { slackEventsPath } from "../../../src/platforms/slack/slack-platform.js";

const root = join(import.meta.dirname, "..", "..", "..");

/** The bot scope each Web API method Cohesion calls needs; a method missing here must be added deliberately. */
const scopeOfMethod: Record<string, string | undefined> = {
  "chat.postMessage": "chat:write",
  "chat.update": "chat:write",
  "chat.postEphemeral": "chat:write",
  "conversations.open": "im:write",
  "conversations.history": "im:history",
  "files.getUploadURLExternal": "files:write",
  "files.completeUploadExternal": "files:write",
  "views.open": undefined,
  "views.publish": undefined,
};

/** Each event subscription Cohesion may make: the event its code handles, and the bot scope the subscription needs. */
const subscriptions: Record<string, { event: string; scope?: string } | undefined> = {
  app_home_opened: { event: "app_home_opened" },
  "message.im": { event: "message", scope: "im:history" },
};

const manifestSchema = z.object({
  features: z.object({
    app_home: z.object({ home_tab_enabled: z.literal(true), messages_tab_enabled: z.literal(true) }),
    slash_commands: z
      .array(z.object({ command: z.string(), url: z.string().optional(), usage_hint: z.string() }))
      .length(1),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }).strict() }),
  settings: z.object({
    event_subscriptions: z.object({ request_url: z.string().optional(), bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.literal(true), request_url: z.string().optional() }),
    socket_mode_enabled: z.boolean(),
  }),
});

function manifest(file: string) {
  return manifestSchema.parse(parse(readFileSync(join(root, "slack", file), "utf8")));
}

function slackSources(dir = join(root, "src", "platforms", "slack")): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) => (statSync(path).isDirectory() ? slackSources(path) : readFileSync(path, "utf8")))
    .join("\n");
}

const sources = slackSources();
const methodsCalled = [...new Set([...sources.matchAll(/\.call\("([a-zA-Z.]+)"/g)].map((m) => m[1] ?? ""))].sort();
const eventsHandled = [...new Set([...sources.matchAll(/app\.event\("([a-z_]+)"/g)].map((m) => m[1] ?? ""))].sort();

describe("the Slack app manifests", () => {
  const http = manifest("manifest.yml");
  const socket = manifest("manifest.socket-mode.yml");

  it("knows the scope of every Web API method the code calls", () => {
    expect(methodsCalled.filter((method) => !(method in scopeOfMethod))).toEqual([]);
  });

  it.each([
    ["manifest.yml", http],
    ["manifest.socket-mode.yml", socket],
  ])("%s asks for exactly the scopes the code needs, no more", (_name, m) => {
    const subscribed = m.settings.event_subscriptions.bot_events.flatMap((name) => subscriptions[name]?.scope ?? []);
    const needed = new Set([
      "commands",
      ...methodsCalled.flatMap((method) => scopeOfMethod[method] ?? []),
      ...subscribed,
    ]);
    expect([...m.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it.each([
    ["manifest.yml", http],
    ["manifest.socket-mode.yml", socket],
  ])(
    "%s has the /cohesion command listing every command, and subscribes to the events the code handles",
    (_name, m) => {
      const command = m.features.slash_commands[0];
      expect(command?.command).toBe(slashCommand);
      for (const definition of commands)
        expect(command?.usage_hint, `usage_hint should list ${definition.name}`).toContain(definition.name);
      expect(m.settings.event_subscriptions.bot_events.filter((name) => !(name in subscriptions))).toEqual([]);
      expect(m.settings.event_subscriptions.bot_events.map((name) => subscriptions[name]?.event).sort()).toEqual(
        eventsHandled,
      );
    },
  );

  it.each([
    ["manifest.yml", http],
    ["manifest.socket-mode.yml", socket],
  ])("%s reads messages only from people's direct messages with Cohesion, never from channels", (_name, m) => {
    expect(m.settings.event_subscriptions.bot_events.filter((name) => name.startsWith("message"))).toEqual([
      "message.im",
    ]);
    expect(m.oauth_config.scopes.bot.filter((scope) => scope.endsWith(":history"))).toEqual(["im:history"]);
  });

  it("over HTTP, sends events, the command and interactivity to the path Cohesion serves", () => {
    expect(http.settings.socket_mode_enabled).toBe(false);
    for (const url of [
      http.features.slash_commands[0]?.url,
      http.settings.event_subscriptions.request_url,
      http.settings.interactivity.request_url,
    ]) {
      expect(new URL(url ?? "").pathname).toBe(slackEventsPath);
    }
  });

  it("in Socket Mode, has no request URLs at all", () => {
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect([
      socket.features.slash_commands[0]?.url,
      socket.settings.event_subscriptions.request_url,
      socket.settings.interactivity.request_url,
    ]).toEqual([undefined, undefined, undefined]);
  });
});

// Bot Framework activities as Teams posts them to /api/messages, trimmed to what Teams really sends.
import { randomUUID } from "node:crypto";

/** The demo group's people on Teams: their Entra object ids (what cohesion.yaml lists) and display names. */
export const people = {
  ana: "6f1c2a10-0000-4000-8000-000000000001",
  ben: "6f1c2a10-0000-4000-8000-000000000002",
  carla: "6f1c2a10-0000-4000-8000-000000000003",
  dev: "6f1c2a10-0000-4000-8000-000000000004",
  erin: "6f1c2a10-0000-4000-8000-000000000005",
  femi: "6f1c2a10-0000-4000-8000-000000000006",
  grace: "6f1c2a10-0000-4000-8000-000000000007",
  hugo: "6f1c2a10-0000-4000-8000-000000000008",
  okafor: "6f1c2a10-0000-4000-8000-0000000000a1",
  sam: "6f1c2a10-0000-4000-8000-0000000000a2",
} as const;

/** Someone in the demo group. */
export type Person = keyof typeof people;

/** The care team's channel on Teams. */
export const careChannel = "19:care-team-channel@thread.tacv2";
const tenant = "tenant-riverside";
const bot = { id: "28:cohesion-bot", name: "Cohesion" };

/** A person's Cohesion address. */
export function teamsAddress(person: Person): string {
  return `teams:${people[person]}`;
}

/** The id of a person's personal chat with the bot. */
export function personalChat(person: Person): string {
  return `a:personal-chat-${person}`;
}

function account(person: Person) {
  return { id: `29:${person}-teams-id`, name: person[0]?.toUpperCase() + person.slice(1), aadObjectId: people[person] };
}

function personal(person: Person, serviceUrl: string) {
  return {
    id: randomUUID(),
    serviceUrl,
    channelId: "msteams",
    from: account(person),
    recipient: bot,
    conversation: { id: personalChat(person), conversationType: "personal", tenantId: tenant },
    channelData: { tenant: { id: tenant } },
  };
}

/** The person installed Cohesion for themselves (or an admin did for them). */
export function installed(person: Person, serviceUrl: string) {
  return { ...personal(person, serviceUrl), type: "installationUpdate", action: "add" };
}

/** The person removed Cohesion. */
export function uninstalled(person: Person, serviceUrl: string) {
  return { ...personal(person, serviceUrl), type: "installationUpdate", action: "remove" };
}

/** The person typed `text` in their personal chat with Cohesion. */
export function personalMessage(person: Person, text: string, serviceUrl: string) {
  return { ...personal(person, serviceUrl), type: "message", text };
}

/** The person pressed an Action.Execute button of the card `replyToId` (Teams' Universal Actions). */
export function executed(person: Person, data: Record<string, unknown>, replyToId: string, serviceUrl: string) {
  return {
    ...personal(person, serviceUrl),
    type: "invoke",
    name: "adaptiveCard/action",
    replyToId,
    value: { action: { type: "Action.Execute", verb: "cohesion", data }, trigger: "manual" },
  };
}

/** The person pressed the Action.Submit fallback of the card `replyToId` (clients without Universal Actions). */
export function submitted(person: Person, value: Record<string, unknown>, replyToId: string, serviceUrl: string) {
  return { ...personal(person, serviceUrl), type: "message", replyToId, value };
}

/** The person answered a file consent card. */
export function fileConsent(person: Person, value: Record<string, unknown>, replyToId: string, serviceUrl: string) {
  return { ...personal(person, serviceUrl), type: "invoke", name: "fileConsent/invoke", replyToId, value };
}

function inChannel(person: Person, serviceUrl: string, thread: string) {
  return {
    id: randomUUID(),
    serviceUrl,
    channelId: "msteams",
    from: account(person),
    recipient: bot,
    conversation: { id: `${careChannel};messageid=${thread}`, conversationType: "channel", tenantId: tenant },
    channelData: { tenant: { id: tenant }, team: { id: "19:team@thread.tacv2" }, channel: { id: careChannel } },
  };
}

/** Cohesion was added to the care team's team (the activity arrives in its channel). */
export function addedToTeam(person: Person, serviceUrl: string) {
  return {
    ...inChannel(person, serviceUrl, "1"),
    conversation: { id: careChannel, conversationType: "channel", tenantId: tenant },
    type: "conversationUpdate",
    membersAdded: [bot],
  };
}

/** How Teams shows an @mention of a person in a message's text. */
export function at(person: Person): string {
  return `<at>${account(person).name}</at>`;
}

/** The entity Teams lists for an @mention of a person: their Bot Framework id and name, not their Entra object id. */
export function mentionOf(person: Person) {
  const { id, name } = account(person);
  return { type: "mention", text: at(person), mentioned: { id, name } };
}

const clientInfo = { type: "clientInfo", locale: "en-GB", country: "GB", platform: "Web", timezone: "Europe/London" };

/** The person @mentioned Cohesion in the care team's channel (and, in `text`, anyone in `mentioned`). */
export function channelMention(person: Person, text: string, serviceUrl: string, mentioned: Person[] = []) {
  return {
    ...inChannel(person, serviceUrl, "1700000000000"),
    type: "message",
    text: `<p><at>Cohesion</at> ${text}</p>`,
    entities: [{ type: "mention", text: "<at>Cohesion</at>", mentioned: bot }, ...mentioned.map(mentionOf), clientInfo],
  };
}

/** The person pressed an Action.Execute button on a card in the care team's channel. */
export function executedInChannel(
  person: Person,
  data: Record<string, unknown>,
  replyToId: string,
  serviceUrl: string,
) {
  return {
    ...inChannel(person, serviceUrl, replyToId),
    type: "invoke",
    name: "adaptiveCard/action",
    replyToId,
    value: { action: { type: "Action.Execute", data } },
  };
}

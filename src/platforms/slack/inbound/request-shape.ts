import { z } from "zod";
import { actionIdPrefix, formCallbackId } from "../render/interactive-ids.js";
import { slashCommand } from "./slash-command.js";

// Only the fields Bolt reads before any listener runs are checked here: a wrong type there throws inside Bolt.
// The listeners' own schemas (payloads.ts) then read what Cohesion needs.
const idObject = z.looseObject({ id: z.string() });
const maybeId = z.string().nullish();

const accountFields = {
  team: z.looseObject({ id: z.string().optional(), enterprise_id: maybeId }).nullish(),
  enterprise: z.looseObject({ id: z.string().optional() }).nullish(),
  user: z.looseObject({ id: z.string(), team_id: z.string().optional() }),
  is_enterprise_install: z.boolean().optional(),
  response_url: z.string().optional(),
  response_urls: z.array(z.looseObject({ response_url: z.string() })).optional(),
};

const eventCallback = z.looseObject({
  type: z.literal("event_callback"),
  event_id: z.string().optional(),
  team_id: z.string().optional(),
  enterprise_id: maybeId,
  is_enterprise_install: z.boolean().optional(),
  authorizations: z
    .array(z.looseObject({ team_id: maybeId, enterprise_id: maybeId, is_enterprise_install: z.boolean().optional() }))
    .optional(),
  event: z.looseObject({
    type: z.enum(["message", "app_home_opened"]),
    subtype: z.string().optional(),
    channel: z.union([z.string(), z.looseObject({ id: z.string(), creator: z.string().optional() })]).optional(),
    channel_id: z.string().optional(),
    user: z.union([z.string(), idObject]).optional(),
    item: z.looseObject({ channel: z.string().optional() }).optional(),
    subteam: z.looseObject({ created_by: z.string().optional() }).optional(),
    message: z.looseObject({ subtype: z.string().optional() }).optional(),
    ts: z.string().optional(),
    thread_ts: z.string().optional(),
  }),
});

const blockActions = z.looseObject({
  type: z.literal("block_actions"),
  ...accountFields,
  channel: idObject.optional(),
  actions: z.array(z.looseObject({ action_id: z.string(), block_id: z.string().optional() })).min(1),
});

const viewSubmission = z.looseObject({
  type: z.literal("view_submission"),
  ...accountFields,
  view: z.looseObject({ callback_id: z.string(), app_installed_team_id: z.string().optional() }),
});

// A form-encoded slash command: every field a single string (a repeated field would arrive as a list).
const command = z.record(z.string(), z.string()).refine((fields) => fields["command"] !== undefined);

/** What to do with a signed Slack request: hand it to Bolt, acknowledge and ignore it, or refuse it (400). */
export type RequestVerdict = "handle" | "ignore" | "refuse";

/**
 * Decides what to do with a signed, parsed Slack request body. An Events API envelope Cohesion cannot read is
 * acknowledged (Slack would otherwise retry it, and disable the subscription after many failures); any other
 * body Cohesion does not expect is refused. Well-formed interactions that are not Cohesion's are acknowledged.
 */
export function requestVerdict(body: unknown): RequestVerdict {
  const type =
    typeof body === "object" && body !== null && !Array.isArray(body) ? (body as { type?: unknown }).type : undefined;
  if (type === "event_callback") return eventCallback.safeParse(body).success ? "handle" : "ignore";
  if (type === "block_actions") {
    const parsed = blockActions.safeParse(body);
    if (!parsed.success) return "refuse";
    return parsed.data.actions[0]?.action_id.startsWith(actionIdPrefix) ? "handle" : "ignore";
  }
  if (type === "view_submission") {
    const parsed = viewSubmission.safeParse(body);
    if (!parsed.success) return "refuse";
    return parsed.data.view.callback_id === formCallbackId ? "handle" : "ignore";
  }
  const parsed = command.safeParse(body);
  return parsed.success && parsed.data["command"] === slashCommand ? "handle" : "refuse";
}

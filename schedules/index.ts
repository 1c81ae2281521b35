import type { Schedule } from "../src/core/schedule.js";
import { alertsToCareTeam } from "./alerts-to-care-team.js";
import { alertsToLeads } from "./alerts-to-leads.js";
import { briefing } from "./briefing.js";
import { careTeamDigest } from "./care-team-digest.js";
import { careTeamOverview } from "./care-team-overview.js";
import { checkinPrompt } from "./checkin-prompt.js";
import { contactRequestsToLeads } from "./contact-requests-to-leads.js";
import { dataDeletedToLeads } from "./data-deleted-to-leads.js";
import { nudge } from "./nudge.js";
import { orientation } from "./orientation.js";
import { screeningToLeads } from "./screening-to-leads.js";
import { sessionReminder } from "./session-reminder.js";
import { memberMessagesToLeads } from "./member-messages-to-leads.js";
import { unreachableNotice } from "./unreachable-notice.js";
import { urgentToCareTeam } from "./urgent-to-care-team.js";
import { urgentToOnCall } from "./urgent-to-on-call.js";

/** Every job the bot does by itself, listed explicitly; a duplicate kind fails at start-up. */
export const schedules: readonly Schedule[] = [
  orientation,
  sessionReminder,
  briefing,
  checkinPrompt,
  nudge,
  careTeamDigest,
  careTeamOverview,
  unreachableNotice,
  alertsToLeads,
  alertsToCareTeam,
  memberMessagesToLeads,
  contactRequestsToLeads,
  screeningToLeads,
  dataDeletedToLeads,
  urgentToOnCall,
  urgentToCareTeam,
];

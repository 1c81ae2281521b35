import { z } from "zod";
import { addressSchema } from "../kernel/address.js";
import { alertRecordSchema } from "./alerts/record.js";
import { attendanceBySessionSchema, saidAbsentSchema } from "./attendance/attendance-record.js";
import { memberMessagesSchema } from "./alerts/member-message.js";
import { contactRequestsSchema } from "./alerts/contact-request.js";
import { orientationReadSchema } from "./answers/orientation-read.js";
import { screeningsSchema } from "./answers/screening.js";
import { auditEntrySchema } from "./privacy/audit-entry.js";
import { memberStatusBySchema } from "./groups/member-status-record.js";
import { frozenClimateSchema } from "./climate/frozen-climate-record.js";
import { sessionFiguresBySessionSchema } from "./climate/session-figures-record.js";
import { erasureRequestsSchema, ownDataDeletionsSchema } from "./privacy/erasure-records.js";
import { declinedCheckinsSchema, informedSchema } from "./groups/consent-record.js";

/** The version of the stored documents' shape; bumped with a migration when it changes. */
export const schemaVersion = 1;

const instant = z.iso.datetime();

/** What the bot does by itself, one kind per schedule. */
export const deliveryKindSchema = z.enum([
  "orientation",
  "reminder",
  "checkin",
  "nudge",
  "digest",
  "unreachable",
  "alert",
  "team-alert",
  "overview",
  "member-message",
  "escalation",
  "team-escalation",
  "contact-request",
  "screening",
  "data-deleted",
  "briefing",
]);

/** A kind of scheduled delivery. */
export type DeliveryKind = z.infer<typeof deliveryKindSchema>;

/** One scheduled message: pure data with a deterministic key, so it can be claimed exactly once. */
export const deliverySchema = z.strictObject({
  key: z.string().min(1),
  kind: deliveryKindSchema,
  groupId: z.string(),
  recipient: addressSchema,
  session: z.number().int().min(1),
  dueAt: instant,
  expiresAt: instant,
  /** The member a delivery to someone else is about (a lead told that a member cannot be reached). */
  about: addressSchema.optional(),
  /** The alert a delivery carries (alerts to leads and to the care team). */
  alert: z.string().max(80).optional(),
  /** The member message a delivery carries to a lead. */
  message: z.string().max(80).optional(),
  /** Which of the orientation's three short messages a delivery is. */
  part: z.number().int().min(1).max(3).optional(),
});

/** A scheduled message. */
export type Delivery = z.infer<typeof deliverySchema>;

/** Where a delivery stands in the outbox. */
export const outboxEntrySchema = z.strictObject({
  delivery: deliverySchema,
  status: z.enum(["claimed", "sent", "retrying", "failed", "expired"]),
  updatedAt: instant,
  attempts: z.number().int().min(0),
  error: z.string().optional(),
  nextAttemptAt: instant.optional(),
});

/** A delivery's record in the outbox. */
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/** An interactive message sent to one recipient, which only that recipient can answer. */
export const promptSchema = z.strictObject({
  kind: z.enum(["rsvp", "checkin", "orientation"]),
  recipient: addressSchema,
  session: z.number().int().min(1),
  issuedAt: instant,
});

/** A sent prompt. */
export type Prompt = z.infer<typeof promptSchema>;

/** A stored answer to one item; the key is (member, session, instrument, item). */
export const answerSchema = z.strictObject({ value: z.number().int(), at: instant });

/** A member's RSVP to one session. */
export const rsvpSchema = z.strictObject({ response: z.enum(["yes", "no"]), at: instant });

/** Everything Cohesion stores about one group, in one document. */
export const groupStateSchema = z.strictObject({
  schemaVersion: z.literal(schemaVersion),
  groupId: z.string(),
  outbox: z.record(z.string(), outboxEntrySchema),
  prompts: z.record(z.string(), promptSchema),
  answers: z.record(z.string(), answerSchema),
  rsvps: z.record(z.string(), rsvpSchema),
  paused: z.record(z.string(), instant),
  joined: z.record(z.string(), instant),
  /** Append-only: exports and every action on individual-level data, with who and when. */
  audit: z.array(auditEntrySchema).default([]),
  /** Alerts by id: raised-at-once ones from when they are raised, the others once someone acts on them. */
  alerts: z.record(z.string(), alertRecordSchema).default({}),
  /** Who actually came to each held session, by session number, when a lead recorded it. */
  attendance: attendanceBySessionSchema.default({}),
  /** What members wrote to Cohesion, for their leads, by id. */
  messages: memberMessagesSchema.default({}),
  /** Each member's status changes (on hold, in hospital, withdrawn, deceased, active again), set by a lead. */
  memberStatus: memberStatusBySchema.default({}),
  /** When a member said they weren't at a session, by (member, session). */
  saidAbsent: saidAbsentSchema.default({}),
  /** Members who asked for one of their leads to get in touch after a session, by member and session. */
  contactRequests: contactRequestsSchema.default({}),
  /** When each member confirmed reading their orientation (the first time they said so). */
  orientationRead: orientationReadSchema.default({}),
  /** Each member's answers to the optional pre-group screening sent with their orientation. */
  screening: screeningsSchema.default({}),
  /** Published figures of closed sessions, kept as they were before members' answers were erased. */
  frozenClimate: frozenClimateSchema.default({}),
  /** What each closed session's answers come to, computed once its answer window has closed (see freezeSessionFigures). */
  sessionFigures: sessionFiguresBySessionSchema.default({}),
  /** Erasures waiting for their confirmation button, by the button's opaque id. */
  erasureRequests: erasureRequestsSchema.default({}),
  /** Members who deleted their own answers and messages, so that their leads are told. */
  ownDataDeletions: ownDataDeletionsSchema.default({}),
  /** When each member was told, with their orientation, how their answers are used. */
  informed: informedSchema.default({}),
  /** Members who said `no check-ins`, and when. */
  declinedCheckins: declinedCheckinsSchema.default({}),
});

/** A group's stored state. */
export type GroupState = z.infer<typeof groupStateSchema>;

/** Organisation-wide stored state. */
export const organisationStateSchema = z.strictObject({
  schemaVersion: z.literal(schemaVersion),
  consoleClock: instant.optional(),
  /** What a chat platform keeps between restarts (Teams conversation references...), validated again by that platform. */
  platformData: z.partialRecord(z.enum(["slack", "teams"]), z.record(z.string(), z.json())).optional(),
  /** The key behind members' codes in answer exports (32 random bytes, base64); made on the first export, never shown. */
  memberCodeKey: z.base64().length(44).optional(),
});

/** The organisation's stored state. */
export type OrganisationState = z.infer<typeof organisationStateSchema>;

/** A fresh document for a group seen for the first time. */
export function emptyGroupState(groupId: string): GroupState {
  return {
    schemaVersion,
    groupId,
    outbox: {},
    prompts: {},
    answers: {},
    rsvps: {},
    paused: {},
    joined: {},
    audit: [],
    alerts: {},
    attendance: {},
    messages: {},
    memberStatus: {},
    saidAbsent: {},
    contactRequests: {},
    orientationRead: {},
    screening: {},
    frozenClimate: {},
    sessionFigures: {},
    erasureRequests: {},
    ownDataDeletions: {},
    informed: {},
    declinedCheckins: {},
  };
}

/** A fresh organisation document. */
export function emptyOrganisationState(): OrganisationState {
  return { schemaVersion };
}

/** The key of one answer: (member, session, instrument, item). */
export function answerKey(member: string, session: number, instrument: string, item: string): string {
  return `${member}|${session}|${instrument}|${item}`;
}

/** The key of one RSVP: (member, session). */
export function rsvpKey(member: string, session: number): string {
  return `${member}|${session}`;
}

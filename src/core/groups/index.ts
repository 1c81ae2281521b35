// Groups over time: sessions, phases, membership, pauses, consent and members' statuses, and who may see which group.
export * from "./access.js";
export * from "./consent.js";
export * from "./member-reference.js";
export * from "./member-status-record.js";
export * from "./member-status.js";
export * from "./membership.js";
export * from "./phase.js";
export * from "./sessions.js";
export * from "./set-member-status.js";

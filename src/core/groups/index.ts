// Groups over time: sessions, phases, membership and pauses, and who may see which group.
export * from "./access.js";
export * from "./member-reference.js";
export * from "./membership.js";
export * from "./phase.js";
export * from "./sessions.js";

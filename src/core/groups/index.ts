export * from "./access.js";
export * from "./member-reference.js";
export * from "./membership.js";
export * from "./phase.js";
export * from "./sessions.js";

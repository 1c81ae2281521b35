export * from "./audit-entry.js";
export * from "./audit.js";
export * from "./member-codes.js";

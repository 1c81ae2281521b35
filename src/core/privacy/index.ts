// Privacy: the audit log and members' codes in exports.
export * from "./audit-entry.js";
export * from "./audit.js";
export * from "./member-codes.js";

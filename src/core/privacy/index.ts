// Privacy: the audit log (a hash chain) and members' codes in exports.
export * from "./audit-entry.js";
export * from "./audit-chain.js";
export * from "./audit.js";
export * from "./erasure-records.js";
export * from "./member-codes.js";

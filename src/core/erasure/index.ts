// Erasure: a lead's `forget`, a member's `delete my data` and `my data`, and the daily retention job.
export * from "./confirmations.js";
export * from "./erase-member.js";
export * from "./forget-member.js";
export * from "./own-data.js";
export * from "./platform-identity.js";
export * from "./retention.js";
export * from "./stored-about-member.js";

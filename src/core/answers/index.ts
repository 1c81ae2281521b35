export * from "./answered.js";
export * from "./checkin-open.js";
export * from "./prompt-id.js";
export * from "./prompts.js";
export * from "./record-answers.js";
export * from "./record-rsvp.js";
export * from "./scoring.js";

// What members answer: prompts and their ids, check-in windows, recording answers and RSVPs, and scoring.
export * from "./answered.js";
export * from "./checkin-open.js";
export * from "./prompt-id.js";
export * from "./prompts.js";
export * from "./record-answers.js";
export * from "./record-rsvp.js";
export * from "./scoring.js";

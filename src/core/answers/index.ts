// What members answer: prompts and their ids, check-in windows, answers, RSVPs and orientation reads, and scoring.
export * from "./answered.js";
export * from "./checkin-open.js";
export * from "./orientation-read.js";
export * from "./prompt-id.js";
export * from "./prompts.js";
export * from "./record-answers.js";
export * from "./record-orientation-read.js";
export * from "./record-rsvp.js";
export * from "./record-screening.js";
export * from "./screening.js";
export * from "./sent-checkins.js";
export * from "./scoring.js";

// Alerts for leads and the care team: the rules, episodes, lifecycle, distress answers and risk in free text.
export * from "./alert.js";
export * from "./deliveries.js";
export * from "./distress.js";
export * from "./episodes.js";
export * from "./escalation.js";
export * from "./free-text.js";
export * from "./group-alerts.js";
export * from "./group-rules.js";
export * from "./lifecycle.js";
export * from "./member-message.js";
export * from "./member-rules.js";
export * from "./record.js";
export * from "./risk-pattern.js";
export * from "./risk-screen.js";
export * from "./risk-text.js";
export * from "./risk-words.js";
export * from "./settings-check.js";

// What the clinic configures, validated: organisation, groups, programs, instruments, analytics and risk phrases.
export * from "./analytics-settings.js";
export * from "./group.js";
export * from "./instrument.js";
export * from "./instrument-choice.js";
export * from "./organisation.js";
export * from "./program.js";
export * from "./safety-settings.js";
export * from "./risk-phrase-syntax.js";
export * from "./risk-phrases.js";

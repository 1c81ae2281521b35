// What the clinic configures, validated: the organisation, its groups, programs, instruments and analytics settings.
export * from "./analytics-settings.js";
export * from "./group.js";
export * from "./instrument.js";
export * from "./organisation.js";
export * from "./program.js";
export * from "./safety-settings.js";

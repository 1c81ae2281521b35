// The group's climate in numbers: per-session figures (stored once a session closes), series, baseline and trends.
export * from "./climate-series.js";
export * from "./climate.js";
export * from "./lead-climate.js";
export * from "./frozen-climate.js";
export * from "./frozen-climate-record.js";
export * from "./freeze-session-figures.js";
export * from "./session-figures.js";
export * from "./session-figures-record.js";
export * from "./mean-interval.js";
export * from "./session-members.js";
export * from "./statistics.js";
export * from "./trends/comparison.js";
export * from "./trends/session-variation.js";
export * from "./trends/ewma.js";
export * from "./trends/subscale-shift.js";
export * from "./trends/theil-sen.js";
export * from "./trends/trend-settings.js";

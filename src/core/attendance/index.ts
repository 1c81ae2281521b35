export * from "./attendance-record.js";
export * from "./record-attendance.js";
export * from "./session-attendance.js";

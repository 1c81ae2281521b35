// Who came to each session: the lead's record, counts (recorded or from RSVPs), and recording it.
export * from "./attendance-record.js";
export * from "./record-attendance.js";
export * from "./session-attendance.js";

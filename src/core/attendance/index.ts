// Who came to each session: the lead's record, the member's own word, counts (recorded or from RSVPs), and recording them.
export * from "./attendance-record.js";
export * from "./record-attendance.js";
export * from "./say-not-there.js";
export * from "./session-attendance.js";

// Prints the synthetic-group table of the README (recall per planted event, false alerts): `npm run analytics:table`.
import { synthesisTable } from "../tests/core/alerts/synthetic/table.js";

const lines = synthesisTable({ plantedGroups: 200, courses: 600, openEndedGroups: 100, smallGroups: 300 });
for (const line of lines) process.stdout.write(`${line}\n`);

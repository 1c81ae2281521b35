// The synthetic-group table written into the README: recall per planted event and false alerts, at each variation.
import { scenarios, smallStable, twoInThreeAnswer } from "./scenarios.js";
import { caught, groupAlertRate, groups, lowResponseShare, seedsUpTo, variations } from "./measure.js";

/** How many seeded groups each figure of the table is measured on. */
export interface TableSizes {
  readonly plantedGroups: number;
  readonly courses: number;
  readonly openEndedGroups: number;
  readonly smallGroups: number;
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const perTwenty = (rate: number) => (rate * 20).toFixed(2);

function row(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

/** The table as Markdown lines, measured on `sizes` seeded groups with fixed seeds. */
export function synthesisTable(sizes: TableSizes): string[] {
  const heading = ["", ...variations.map((v) => `variation ${v}`)];
  const lines = [row(heading), row(heading.map(() => "---"))];
  for (const scenario of scenarios) {
    const cells = variations.map((variation) => {
      const hits = seedsUpTo(sizes.plantedGroups).filter((seed) => caught(scenario, seed, variation)).length;
      return `${hits}/${sizes.plantedGroups}`;
    });
    lines.push(row([`${scenario.name}: caught by the digest after session ${scenario.byDigestAfter}`, ...cells]));
  }
  const stable = [
    { name: `stable 8-session courses (${sizes.courses})`, group: groups.course, sessions: 8, count: sizes.courses },
    {
      name: `stable open-ended groups, 26 sessions (${sizes.openEndedGroups})`,
      group: groups.openEnded,
      sessions: 26,
      count: sizes.openEndedGroups,
    },
    {
      name: `stable small courses, 6 members with 4 answering (${sizes.smallGroups})`,
      group: groups.small,
      sessions: 8,
      count: sizes.smallGroups,
      plan: smallStable,
    },
  ];
  for (const { name, group, sessions, count, plan } of stable) {
    const cells = variations.map((variation) => {
      const { rate } = groupAlertRate({ group, sessions, variation, ...(plan ? { plan } : {}) }, count);
      return perTwenty(rate);
    });
    lines.push(row([`${name}: group-level false alerts per 20 sessions`, ...cells]));
  }
  const lowResponse = variations.map((variation) =>
    percent(lowResponseShare({ group: groups.course, sessions: 8, variation, plan: twoInThreeAnswer }, sizes.courses)),
  );
  lines.push(
    row([`stable courses where 65% answer (${sizes.courses}): share with a low-response alert`, ...lowResponse]),
  );
  return lines;
}

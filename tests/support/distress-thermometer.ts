import type { CohesionConfig, Group } from "../../src/core/setup/index.js";

/** The README's distress rule for the shipped distress thermometer. */
export const dtRule = { item: "dt-1", atOrAbove: 4 } as const;

/** A group that adds the distress thermometer to its check-in. */
export function withThermometer(group: Group): Group {
  return { ...group, checkin: { instruments: ["distress-thermometer"] } };
}

/** An organisation that alerts on a distress thermometer answer of 4 or more. */
export function withDtRule(organisation: CohesionConfig["organisation"]): CohesionConfig["organisation"] {
  return {
    ...organisation,
    analytics: { ...organisation.analytics, distress: [...organisation.analytics.distress, dtRule] },
  };
}

/** A configuration whose groups all ask the distress thermometer, with its rule. */
export function thermometerConfig(config: CohesionConfig): CohesionConfig {
  return { organisation: withDtRule(config.organisation), groups: config.groups.map(withThermometer) };
}

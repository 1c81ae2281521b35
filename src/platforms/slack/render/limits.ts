/** Slack's Block Kit and surface limits that Cohesion's renderers stay within. */
export const slackLimits = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  elementsPerActions: 25,
  buttonLabel: 75,
  optionText: 75,
  optionValue: 150,
  optionsPerSelect: 100,
  id: 255,
  buttonValue: 2000,
  inputLabel: 2000,
  viewTitle: 24,
  privateMetadata: 3000,
  fallbackText: 3000,
} as const;

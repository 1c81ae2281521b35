import {
  coreInstruments,
  type Instrument,
  type CohesionConfig,
  type Program,
  type RiskPhrases,
} from "../setup/index.js";

/** What the climate instrument must have for the alert settings: the mid-group subscale and each flagged item. */
function climateProblems(config: CohesionConfig, instruments: ReadonlyMap<string, Instrument>): string[] {
  const { midGroupSubscale, flaggedItems } = config.organisation.analytics.alerts;
  const climate = instruments.get(coreInstruments.climate);
  if (!climate) return [];
  const problems = climate.subscales.some((subscale) => subscale.id === midGroupSubscale)
    ? []
    : [`organisation.analytics.alerts.midGroupSubscale: ${climate.id} has no subscale "${midGroupSubscale}"`];
  flaggedItems.forEach((item, i) => {
    if (!climate.items.some((candidate) => candidate.id === item))
      problems.push(`organisation.analytics.alerts.flaggedItems.${i}: ${climate.id} has no item "${item}"`);
  });
  return problems;
}

/** What zod cannot check in the analytics settings: distress items exist and their thresholds are on the scale; the climate instrument has the mid-group subscale and flagged items; every program language has risk phrases. */
export function analyticsProblems(
  config: CohesionConfig,
  programs: ReadonlyMap<string, Program>,
  instruments: ReadonlyMap<string, Instrument>,
  riskPhrases: ReadonlyMap<string, RiskPhrases>,
): string[] {
  const { distress, riskKeywords } = config.organisation.analytics;
  const problems = distress.flatMap((rule, i) => {
    const instrument = [...instruments.values()].find((candidate) =>
      candidate.items.some((item) => item.id === rule.item),
    );
    if (!instrument) return [`organisation.analytics.distress.${i}.item: no instrument has an item "${rule.item}"`];
    const threshold = rule.atOrAbove ?? rule.atOrBelow ?? instrument.scale.min;
    const { min, max } = instrument.scale;
    return threshold < min || threshold > max
      ? [`organisation.analytics.distress.${i}: ${threshold} is not on the ${instrument.id} scale ${min}-${max}`]
      : [];
  });
  const languages = new Set(config.groups.flatMap((group) => programs.get(group.program)?.language ?? []));
  for (const language of [...languages].sort())
    if (!riskPhrases.has(language) && !riskKeywords[language])
      problems.push(
        `organisation.analytics.riskKeywords: no risk phrases for the language "${language}" that a group's program uses: ` +
          `add ${language}.yaml to organisation.riskPhrasesDir, or riskKeywords.${language}`,
      );
  return [...problems, ...climateProblems(config, instruments)];
}

// Prints how the shipped risk phrases do on the test corpus, per language: `npm run safety:corpus`.
import { riskPriorityOf } from "../src/core/alerts/index.js";
import { describeFigures, measureCorpus } from "../tests/core/alerts/risk-corpus/corpus.js";
import { makeWorld } from "../tests/support/world.js";

const { ctx } = makeWorld();
const figures = measureCorpus((text) => riskPriorityOf(ctx, text));
for (const line of figures.map(describeFigures)) process.stdout.write(`${line}\n`);
for (const { language, missed, falseAlarms } of figures.filter((f) => f.language !== "all")) {
  for (const text of missed) process.stdout.write(`missed (${language}): ${text}\n`);
  for (const text of falseAlarms) process.stdout.write(`false alarm (${language}): ${text}\n`);
}

// Writes the chart subset of DejaVu Sans (regular and bold) to src/chart-renderer/fonts: `npm run fonts:subset`.
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { chartFontFiles, chartFontSubsetFiles } from "../src/chart-renderer/chart-fonts.js";
import { chartSubsetText } from "../src/chart-renderer/chart-font-subset.js";

type SubsetFont = (
  font: Buffer,
  text: string,
  options: { targetFormat: "sfnt"; noHinting: boolean },
) => Promise<Buffer>;

const subsetFont = createRequire(import.meta.url)("subset-font") as SubsetFont;

/** The chart subset of one DejaVu Sans file, as the files in src/chart-renderer/fonts hold it. */
export async function chartFontSubset(fontFile: string): Promise<Buffer> {
  // resvg draws outlines without hinting, so the hinting instructions would only be more to read.
  return subsetFont(await readFile(fontFile), chartSubsetText(), { targetFormat: "sfnt", noHinting: true });
}

async function main(): Promise<void> {
  const targets = chartFontSubsetFiles();
  for (const [index, source] of chartFontFiles().entries()) {
    const target = targets[index];
    if (!target) throw new Error(`No subset file named for ${source}.`);
    const subset = await chartFontSubset(source);
    await writeFile(target, subset);
    process.stdout.write(`${target}: ${Math.round(subset.length / 1024)} KB\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    process.stderr.write(`Cannot write the chart fonts:\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}

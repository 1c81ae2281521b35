import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { drawsOnlySubsetCharacters } from "./chart-font-subset.js";

const require = createRequire(import.meta.url);

/** The font family every chart asks for; the renderer loads its files explicitly. */
export const chartFontFamily = "DejaVu Sans";

/** The full DejaVu Sans files shipped in the dejavu-fonts-ttf package (regular and bold), wherever npm put them. */
export function chartFontFiles(): string[] {
  return ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
}

/** The chart subset of DejaVu Sans kept in the repository (regular and bold; `npm run fonts:subset` writes them). */
export function chartFontSubsetFiles(): string[] {
  return ["DejaVuSans-Chart.ttf", "DejaVuSans-Bold-Chart.ttf"].map((file) =>
    fileURLToPath(new URL(`./fonts/${file}`, import.meta.url)),
  );
}

// resvg reads a font's whole file for every glyph it draws, so a small file is much faster. It cannot mix the
// two sets per glyph: a character missing from the bold subset would be drawn from the first file holding it,
// the regular full font. So a chart is drawn wholly with the subset or, if any character lies outside it, as
// before with the full font.
/** The font files to draw one chart's SVG with: the subset when it holds every character, else the full font. */
export function chartFontFilesFor(svg: string): string[] {
  return drawsOnlySubsetCharacters(svg) ? chartFontSubsetFiles() : chartFontFiles();
}

import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The font family every chart asks for; the renderer loads its files explicitly. */
export const chartFontFamily = "DejaVu Sans";

/** The DejaVu Sans files shipped in the dejavu-fonts-ttf package (regular and bold), found wherever npm put them. */
export function chartFontFiles(): string[] {
  return ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
}

import { stringify } from "csv-stringify/sync";

/** A cell of an export: text, a number, or empty. */
export type CsvCell = string | number | null;

/** Cells that a spreadsheet would run as a formula; quoted with a leading apostrophe so they stay text. */
const formulaStart = /^[=+\-@\t\r]/;

/** A CSV file (RFC 4180, CRLF line ends, UTF-8) from a header and rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): Uint8Array {
  const safe = (cell: CsvCell) => (typeof cell === "string" && formulaStart.test(cell) ? `'${cell}` : (cell ?? ""));
  const text = stringify([header, ...rows.map((row) => row.map(safe))], { record_delimiter: "windows" });
  return new TextEncoder().encode(text);
}

/** A number with two decimals, as exports give means and spreads. */
export function twoDecimals(value: number): string {
  return value.toFixed(2);
}

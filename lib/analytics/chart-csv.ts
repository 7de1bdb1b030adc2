import type { Cell, ChartData } from "./analytics-data";

/**
 * A cell as CSV: quoted when it holds a separator, a quote or a line break; text that a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@`, tab, carriage return first) is prefixed with an apostrophe. Numbers stay numbers.
 */
function csvCell(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The chart's table as CSV (RFC 4180, CRLF), headed by its columns in the reader's words. */
export function chartCsv(chart: ChartData, headingOf: (column: string) => string): string {
  const lines = [chart.columns.map((column) => csvCell(headingOf(column))), ...chart.rows.map((row) => row.map(csvCell))];
  return `${lines.map((cells) => cells.join(",")).join("\r\n")}\r\n`;
}

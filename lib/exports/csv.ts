/**
 * CSV as RFC 4180 writes it (comma-separated, CRLF between records, a field quoted when it holds a quote, a comma or a
 * line break, quotes doubled), made safe to open in a spreadsheet: a cell that a spreadsheet would read as a formula
 * — starting with `=`, `+`, `-`, `@`, a tab or a carriage return — is neutralised with a leading apostrophe (OWASP's
 * "CSV injection"). A plain number (`-12.5`, `+3`) is no formula and is left alone, so numeric columns stay numeric.
 */

/** Byte order mark: Excel reads a CSV as UTF-8 only when it starts with one. */
export const csvByteOrderMark = "\uFEFF";

const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const needsQuotes = /[",\r\n]/;

/** One cell's text as a spreadsheet may safely read it. */
export function neutralisedCell(text: string): string {
  return formulaStart.test(text) && !plainNumber.test(text) ? `'${text}` : text;
}

/** One field of a record: neutralised, then quoted when RFC 4180 requires it. */
export function csvField(text: string): string {
  if (text === "") return text;
  const safe = neutralisedCell(text);
  return needsQuotes.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record, with its CRLF terminator. */
export function csvRecord(cells: readonly string[]): string {
  return `${cells.map(csvField).join(",")}\r\n`;
}

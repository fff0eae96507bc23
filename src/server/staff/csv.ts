/*
 * CSV as RFC 4180 writes it (CRLF between records, a field with a comma, quote or line break in
 * double quotes, quotes doubled), for spreadsheet programs: the file starts with a UTF-8 byte-order
 * mark, and a cell that begins with = + - @, a tab or a carriage return gets a leading ' so a
 * spreadsheet shows it as text instead of running it as a formula (OWASP "CSV injection").
 */

export const CSV_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised against formulas, then quoted when RFC 4180 needs it. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  // Numbers we write ourselves are never formulas (a negative count cannot happen).
  let text = typeof value === "string" ? value : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, ending with CRLF. */
export function csvRow(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return values.map(csvCell).join(",") + "\r\n";
}

import type { ShownReport } from './shown-report';

/**
 * The report as CSV, made in the browser from what the table shows (its headings and its
 * cells, "fewer than 5 clients" included), so the file holds exactly what is on screen rather
 * than the API's raw columns. Dutch uses `;` between fields, as a Dutch spreadsheet expects
 * with its decimal comma; a byte-order mark tells it the file is UTF-8 (cliënten). A group's
 * name that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) is prefixed with a quote,
 * as the API's own CSV does; figures are never prefixed (a mean change of "-3,4" is a number).
 */
export function reportCsv(shown: ShownReport, separator: ';' | ','): string {
  const line = (cells: string[], textColumns: boolean[]) =>
    cells
      .map((cell, index) => field(textColumns[index] ? defused(cell) : cell, separator))
      .join(separator);
  const text = shown.columns.map((column) => !column.numeric);
  const header = line(
    shown.columns.map((column) => column.label),
    shown.columns.map(() => true),
  );
  const body = shown.rows.map((row) => line(row.cells, text));
  return `\uFEFF${[header, ...body].map((l) => `${l}\r\n`).join('')}`;
}

/** The separator of the language's spreadsheets. */
export function csvSeparator(language: string): ';' | ',' {
  return language === 'nl' ? ';' : ',';
}

function defused(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function field(text: string, separator: string): string {
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV text back into rows of fields (RFC 4180, the byte-order mark dropped): for the tests
 * that prove the download equals the table.
 */
export function parseCsv(text: string, separator: ';' | ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let fieldText = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        fieldText += '"';
        i++;
      } else if (char === '"') quoted = false;
      else fieldText += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      row.push(fieldText);
      fieldText = '';
    } else if (char === '\r' && source[i + 1] === '\n') {
      row.push(fieldText);
      rows.push(row);
      row = [];
      fieldText = '';
      i++;
    } else fieldText += char;
  }
  if (fieldText || row.length) rows.push([...row, fieldText]);
  return rows;
}

/* global Excel */
/**
 * A sheet the core planned whole (`SheetPlan`: the summary sheet, the roll-up's sheets)
 * written into the open workbook through Office.js, deciding nothing: values, number
 * formats, the title, header and summary rows, highlighted and wrapped cells, widths,
 * frozen panes and the chart are the plan's. The .xlsx writer of the same plan is
 * src/xlsx/new-sheet.ts (`planSheet`, `planChart`).
 */
import { maxOf } from "../core/arrays";
import { columnLetter } from "../core/read/grid";
import type { SheetPlan } from "../core/write/sheet-plan";

/** Requests above this many bytes are split (Excel on the web refuses requests over 5 MB). */
export const MAX_REQUEST_BYTES = 4_000_000;

/**
 * Points per character for column widths: Excel's columnWidth is in points, and one
 * character of Calibri 11 (the default font) is about 5.25 points wide.
 */
export const POINTS_PER_CHAR = 5.25;

/** Whether the host supports an ExcelApi version (isSetSupported). */
export type SupportsExcelApi = (version: string) => boolean;

/** Makes room for `bytes` more in the current request, sending what is queued if needed. */
export type Reserve = (bytes: number) => Promise<void>;

let utf8: TextEncoder | null = null;

/** Size of a value in a request body (JSON, UTF-8), to keep requests under the limit. */
export function payloadBytes(value: unknown): number {
  utf8 ??= new TextEncoder();
  return utf8.encode(JSON.stringify(value)).length;
}

/** Rows per request, so that values and formats stay under the request limit. */
function rowChunks(plan: SheetPlan, limit: number): Array<{ first: number; last: number }> {
  const chunks: Array<{ first: number; last: number }> = [];
  let first = 0;
  let bytes = 0;
  plan.values.forEach((row, r) => {
    const rowBytes = payloadBytes(row) + payloadBytes(plan.numberFormats[r]);
    if (r > first && bytes + rowBytes > limit) {
      chunks.push({ first, last: r - 1 });
      first = r;
      bytes = 0;
    }
    bytes += rowBytes;
  });
  if (plan.values.length > 0) chunks.push({ first, last: plan.values.length - 1 });
  return chunks;
}

/** Text cells are formatted "@" so that Excel keeps them as written ("- Văn phòng"). */
function formatsFor(plan: SheetPlan, first: number, last: number): string[][] {
  return plan.values
    .slice(first, last + 1)
    .map((row, i) =>
      row.map((value, c) => (typeof value === "string" ? "@" : plan.numberFormats[first + i][c]))
    );
}

/**
 * Freezes the header rows and name columns, where the host has the API (ExcelApi 1.7).
 * `"freezePanes" in sheet` would not tell: the member is on every host's Worksheet
 * prototype, and a host below 1.7 refuses it at sync (ApiNotFound).
 */
function freeze(
  sheet: Excel.Worksheet,
  rows: number,
  columns: number,
  supports: SupportsExcelApi
): void {
  if (!supports("1.7") || (rows === 0 && columns === 0)) return;
  if (rows > 0 && columns > 0)
    sheet.freezePanes.freezeAt(sheet.getRange(`A1:${columnLetter(columns - 1)}${rows}`));
  else if (rows > 0) sheet.freezePanes.freezeRows(rows);
  else sheet.freezePanes.freezeColumns(columns);
}

const cellOf = (row: number, column: number) => `${columnLetter(column)}${row + 1}`;

/**
 * Writes `plan` into `sheet` (new, or cleared by the caller): values with their formats in
 * requests under the limit (`reserve` sends what is queued when the next block would not
 * fit), then the looks, widths, frozen panes and chart. The print setup is not written
 * here: the page layout API (ExcelApi 1.9) is not used by the add-in yet.
 *
 * @example await writeSheetPlan(sheet, run.summarySheet, reserve, supports)
 */
export async function writeSheetPlan(
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  reserve: Reserve,
  supports: SupportsExcelApi
): Promise<void> {
  const width = plan.values[0]?.length ?? 0;
  if (width === 0) return;
  const last = columnLetter(width - 1);
  for (const chunk of rowChunks(plan, MAX_REQUEST_BYTES / 2)) {
    await reserve(payloadBytes(plan.values.slice(chunk.first, chunk.last + 1)) * 2);
    const range = sheet.getRange(`A${chunk.first + 1}:${last}${chunk.last + 1}`);
    range.numberFormat = formatsFor(plan, chunk.first, chunk.last);
    range.values = plan.values.slice(chunk.first, chunk.last + 1) as Array<
      Array<string | number | boolean>
    >;
  }
  for (const r of plan.headerRows) {
    const header = sheet.getRange(`A${r + 1}:${last}${r + 1}`);
    header.format.font.bold = true;
    header.format.fill.color = plan.fills.header;
    header.format.wrapText = true;
    header.format.verticalAlignment = "Center";
  }
  for (const r of plan.summaryRows) {
    const row = sheet.getRange(`A${r + 1}:${last}${r + 1}`);
    row.format.font.bold = true;
    row.format.fill.color = plan.fills.summary;
  }
  for (const { row, column } of plan.wrappedCells) {
    const cell = sheet.getRange(cellOf(row, column));
    cell.format.wrapText = true;
    cell.format.verticalAlignment = "Top";
  }
  await reserve(plan.highlightedCells.length * 60);
  for (const { row, column } of plan.highlightedCells) {
    sheet.getRange(cellOf(row, column)).format.fill.color = plan.fills.highlight;
  }
  if (plan.titleSize !== null) {
    const title = sheet.getRange("A1");
    title.format.font.bold = true;
    title.format.font.size = plan.titleSize;
  }
  plan.widths.forEach((chars, c) => {
    const letter = columnLetter(c);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = chars * POINTS_PER_CHAR;
  });
  freeze(sheet, plan.frozenRows, plan.frozenColumns, supports);
  if (plan.chart) {
    const { categoryColumn, valueColumns, headerRow, lastRow, anchor, title } = plan.chart;
    // The series' names, categories and values are side by side: one range holds them all.
    const source = sheet.getRange(
      `${cellOf(headerRow, categoryColumn)}:${cellOf(lastRow, maxOf(valueColumns, categoryColumn))}`
    );
    const chart = sheet.charts.add(
      Excel.ChartType.barClustered,
      source,
      Excel.ChartSeriesBy.columns
    );
    chart.title.text = title;
    // The plan's size (the ranking's chart fitted to page 1), in cells from the anchor.
    const size = plan.chart.size;
    if (size)
      chart.setPosition(
        cellOf(anchor.row, anchor.column),
        cellOf(anchor.row + size.rows, anchor.column + size.columns)
      );
    else chart.setPosition(cellOf(anchor.row, anchor.column));
  }
}

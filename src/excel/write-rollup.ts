/* global Excel */
/**
 * Writes the roll-up sheets into the open workbook (Office.js). Our sheets are known by a
 * defined name each (CCHC_TONGHOP_1…4) pointing at their A1: a re-run replaces them,
 * wherever the user moved or renamed them; a user's sheet that happens to carry the same
 * name (compared without case) is never touched, ours takes "Xếp hạng (2)" instead.
 * Round trips: one to read the sheet and defined names, one per ~4 MB of content.
 */
import { columnLetter } from "../core/read/grid";
import { ROLLUP_COLORS, type RollupSheet } from "../core/rollup";
import {
  MAX_REQUEST_BYTES,
  officeSupports,
  payloadBytes,
  POINTS_PER_CHAR,
  type SupportsExcelApi,
} from "./score-active-sheet";
import { AddinRefusal, describeOfficeError } from "./office-errors";

/** Defined names that mark our roll-up sheets, in the order of `buildRollupSheets`. */
export const ROLLUP_MARKERS = [
  "CCHC_TONGHOP_1",
  "CCHC_TONGHOP_2",
  "CCHC_TONGHOP_3",
  "CCHC_TONGHOP_4",
];

export interface WriteRollupOutcome {
  /** The names the sheets got (a user's sheet of the same name keeps its own). */
  sheetNames: string[];
  /** Round trips made. */
  syncs: number;
}

const sameName = (a: string, b: string) =>
  a.normalize("NFC").toLocaleLowerCase("vi") === b.normalize("NFC").toLocaleLowerCase("vi");

/**
 * The sheet a defined name's value points at: "'Xếp hạng'!$A$1" → "Xếp hạng"; null
 * for "#REF!" (its sheet was deleted).
 *
 * @example sheetOfReference("'Xếp hạng (2)'!$A$1") === "Xếp hạng (2)"
 */
export function sheetOfReference(value: string): string | null {
  const reference = value.replace(/^=/, "");
  const bang = reference.lastIndexOf("!");
  if (bang <= 0) return null;
  const raw = reference.slice(0, bang);
  const name = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  return name === "#REF" || name === "" ? null : name;
}

/**
 * A sheet name not taken by any name in `taken` (compared without case): the wanted
 * one, else "name (2)", "(3)"…
 *
 * @example freeSheetName("Xếp hạng", ["XẾP HẠNG"]) === "Xếp hạng (2)"
 */
export function freeSheetName(wanted: string, taken: string[]): string {
  const isTaken = (name: string) => taken.some((t) => sameName(t, name));
  if (!isTaken(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted} (${n})`;
    if (!isTaken(candidate)) return candidate;
  }
}

/** Rows per request, so that values and formats stay under the request limit. */
function rowChunks(content: RollupSheet, limit: number): Array<{ first: number; last: number }> {
  const chunks: Array<{ first: number; last: number }> = [];
  let first = 0;
  let bytes = 0;
  content.values.forEach((row, r) => {
    const rowBytes = payloadBytes(row) + payloadBytes(content.numberFormats[r]);
    if (r > first && bytes + rowBytes > limit) {
      chunks.push({ first, last: r - 1 });
      first = r;
      bytes = 0;
    }
    bytes += rowBytes;
  });
  if (content.values.length > 0) chunks.push({ first, last: content.values.length - 1 });
  return chunks;
}

/** Text cells are formatted "@" so that Excel keeps them as written ("- Văn phòng"). */
function formatsFor(content: RollupSheet, first: number, last: number): string[][] {
  return content.values
    .slice(first, last + 1)
    .map((row, i) =>
      row.map((value, c) => (typeof value === "string" ? "@" : content.numberFormats[first + i][c]))
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

/**
 * Writes the roll-up sheets, replacing the ones an earlier roll-up wrote.
 *
 * @example await writeRollup(context, buildRollupSheets(rollUp(units, failures, today)))
 */
export async function writeRollup(
  context: Excel.RequestContext,
  sheets: RollupSheet[],
  supports: SupportsExcelApi = officeSupports
): Promise<WriteRollupOutcome> {
  try {
    return await writeRollupSheets(context, sheets, supports);
  } catch (error) {
    // Said for the roll-up (what to do again), whoever shows it.
    if (error instanceof AddinRefusal) throw error;
    throw new AddinRefusal(describeOfficeError(error, { place: "rollup" }));
  }
}

/** Writes the sheets (writeRollup, without the wording of errors). */
async function writeRollupSheets(
  context: Excel.RequestContext,
  sheets: RollupSheet[],
  supports: SupportsExcelApi
): Promise<WriteRollupOutcome> {
  let syncs = 0;
  const sync = async () => {
    await context.sync();
    syncs++;
  };
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const names = context.workbook.names;
  names.load("items/name,items/value");
  const structure = supports("1.7") ? context.workbook.protection : null;
  structure?.load("protected");
  await sync();
  if (structure?.protected) {
    throw new AddinRefusal(
      "Sổ làm việc đang được bảo vệ cấu trúc (Protect Workbook) nên không thêm hoặc thay được các trang tổng hợp: hãy bỏ bảo vệ (Review → Protect Workbook) rồi bấm Tổng hợp lại. Chưa có trang nào bị thay đổi."
    );
  }

  // Our sheets from an earlier roll-up are deleted, then written anew. The sheets go
  // before their markers: a request stopped part way then leaves each remaining sheet
  // still marked (the next run replaces it), never an unmarked sheet of ours that the
  // next run would take for the user's ("Xếp hạng (2)").
  const ours = new Set<string>();
  const existingNames = names.items.map((n) => ({ name: n.name, value: String(n.value) }));
  const oldMarkers: string[] = [];
  for (const marker of ROLLUP_MARKERS) {
    const found = existingNames.find((n) => sameName(n.name, marker));
    if (!found) continue;
    const sheet = sheetOfReference(found.value);
    if (sheet) ours.add(sheet.normalize("NFC").toLocaleLowerCase("vi"));
    oldMarkers.push(found.name);
  }
  const remaining: string[] = [];
  for (const ws of worksheets.items) {
    if (ours.has(ws.name.normalize("NFC").toLocaleLowerCase("vi")))
      worksheets.getItem(ws.name).delete();
    else remaining.push(ws.name);
  }
  for (const name of oldMarkers) names.getItem(name).delete();

  const sheetNames: string[] = [];
  let queued = 0;
  let ranking: Excel.Worksheet | null = null;
  for (const [index, content] of sheets.entries()) {
    const name = freeSheetName(content.name, [...remaining, ...sheetNames]);
    sheetNames.push(name);
    const sheet = worksheets.add(name);
    ranking ??= sheet;
    // The marker first: whatever else gets written is recognised as ours next time.
    names.add(ROLLUP_MARKERS[index], sheet.getRange("A1"));
    const width = content.values[0]?.length ?? 0;
    if (width === 0) continue;
    const last = columnLetter(width - 1);
    for (const chunk of rowChunks(content, MAX_REQUEST_BYTES / 2)) {
      const bytes = payloadBytes(content.values.slice(chunk.first, chunk.last + 1)) * 2;
      if (queued > 0 && queued + bytes > MAX_REQUEST_BYTES) {
        await sync();
        queued = 0;
      }
      const range = sheet.getRange(`A${chunk.first + 1}:${last}${chunk.last + 1}`);
      range.numberFormat = formatsFor(content, chunk.first, chunk.last);
      range.values = content.values.slice(chunk.first, chunk.last + 1) as Array<
        Array<string | number | boolean>
      >;
      queued += bytes;
    }
    for (const r of content.headerRows) {
      const header = sheet.getRange(`A${r + 1}:${last}${r + 1}`);
      header.format.font.bold = true;
      header.format.fill.color = ROLLUP_COLORS.headerFill;
      header.format.wrapText = true;
    }
    for (const r of content.summaryRows) {
      const row = sheet.getRange(`A${r + 1}:${last}${r + 1}`);
      row.format.font.bold = true;
      row.format.fill.color = ROLLUP_COLORS.summaryFill;
    }
    for (const { row, column } of content.lostCells) {
      sheet.getRange(`${columnLetter(column)}${row + 1}`).format.fill.color =
        ROLLUP_COLORS.lostFill;
    }
    queued += content.lostCells.length * 60;
    sheet.getRange("A1").format.font.bold = true;
    content.widths.forEach((chars, c) => {
      const letter = columnLetter(c);
      sheet.getRange(`${letter}:${letter}`).format.columnWidth = chars * POINTS_PER_CHAR;
    });
    freeze(sheet, content.frozenRows, content.frozenColumns, supports);
    if (content.chart) {
      const { categoryColumn, valueColumn, firstRow, lastRow } = content.chart;
      // Category and value columns are side by side, so one range holds both.
      const source = sheet.getRange(
        `${columnLetter(categoryColumn)}${firstRow + 1}:${columnLetter(valueColumn)}${lastRow + 1}`
      );
      const chart = sheet.charts.add(
        Excel.ChartType.barClustered,
        source,
        Excel.ChartSeriesBy.columns
      );
      chart.title.text = content.chart.title;
      chart.setPosition(`${columnLetter(width + 1)}${content.frozenRows + 1}`);
    }
  }
  ranking?.activate();
  await sync();
  return { sheetNames, syncs };
}

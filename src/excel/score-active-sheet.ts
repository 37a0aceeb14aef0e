/* global Excel */
/**
 * The Office.js adapter: read the active sheet in one round trip, run the core, write
 * the core's plan back in one more. API sets: ExcelApi 1.6 at most (Excel 2019 has 1.8),
 * no shared runtime.
 */
import { columnIndex, columnLetter, type Grid } from "../core/grid";
import { CRITERIA_SHEET_NAME, isReservedSheet, SUMMARY_SHEET_NAME } from "../core/output-columns";
import { readCriteriaSheet, type SheetProblem } from "../core/criteria-sheet";
import { markersOnSheet, type DefinedName } from "../core/markers";
import { scoreWorkbook, type RunOptions, type WorkbookRun } from "../core/run";
import type { CellValue } from "../core/values";
import {
  COLORS,
  isOwnConditionalFormula,
  type SheetWritePlan,
  type TableWritePlan,
} from "../core/write-plan";
import type { SummarySheet } from "../core/summary";

export type ScoreOutcome =
  | { ok: true; sheet: string; run: WorkbookRun }
  | { ok: false; message: string; problems?: SheetProblem[] };

/** Requests above this many bytes are split (Excel on the web refuses requests over 5 MB). */
export const MAX_REQUEST_BYTES = 4_000_000;
/** Room kept in each request for the small operations (formats, rules, names) around the values. */
const REQUEST_HEADROOM_BYTES = 50_000;

/** Points per character for column widths (Calibri 11). */
const POINTS_PER_CHAR = 7;

/**
 * Scores the active worksheet and writes the results. Returns a Vietnamese message
 * instead of throwing for every situation a user can meet (protected sheet, empty sheet,
 * no table, user data in the way); Office errors other than those propagate.
 */
export async function scoreActiveSheet(
  context: Excel.RequestContext,
  options: RunOptions,
  { showSummary = false }: { showSummary?: boolean } = {}
): Promise<ScoreOutcome> {
  // Round trip 1: everything we need to know.
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name, protection/protected");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("values,numberFormat,rowIndex,columnIndex");
  const wholeSheet = sheet.getRange();
  // A navigation property, not a loaded value: the lint rule cannot tell the difference.
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
  const formats = wholeSheet.conditionalFormats;
  formats.load("items/type,items/customOrNullObject/rule/formula");
  const oldSummary = context.workbook.worksheets.getItemOrNullObject(SUMMARY_SHEET_NAME);
  oldSummary.load("name");
  const criteriaSheet = context.workbook.worksheets.getItemOrNullObject(CRITERIA_SHEET_NAME);
  criteriaSheet.load("name");
  const names = context.workbook.names;
  names.load("items/name,items/value");
  await context.sync();

  if (sheet.protection.protected) {
    return fail(
      `Trang "${sheet.name}" đang được bảo vệ (Protect Sheet): hãy bỏ bảo vệ trang (Review → Unprotect Sheet) rồi chấm điểm lại. Chưa có ô nào bị thay đổi.`
    );
  }
  if (used.isNullObject) {
    return fail(
      `Trang "${sheet.name}" đang trống: hãy mở trang có bảng phụ lục rồi bấm Chấm điểm.`
    );
  }
  if (isReservedSheet(sheet.name)) {
    return fail(
      `Trang "${sheet.name}" là trang của công cụ (kết quả hoặc bộ tiêu chí), không phải bảng phụ lục: hãy mở trang có bảng phụ lục rồi bấm Chấm điểm.`
    );
  }

  // A set kept in the workbook's "Bộ tiêu chí" sheet wins over the chosen built-in set.
  // Reading it costs one more round trip, only in workbooks that have the sheet.
  let criteria = options.criteria;
  if (!criteriaSheet.isNullObject) {
    const criteriaRange = criteriaSheet.getUsedRangeOrNullObject(true);
    criteriaRange.load("values,numberFormat,rowIndex,columnIndex");
    await context.sync();
    const parsed = readCriteriaSheet(
      criteriaRange.isNullObject
        ? { sheetName: criteriaSheet.name, values: [] }
        : gridOf(criteriaSheet.name, criteriaRange)
    );
    if (!parsed.ok) {
      return {
        ok: false,
        message: `Trang "${criteriaSheet.name}" có ${parsed.problems.length} lỗi, chưa chấm điểm. Sửa các ô dưới đây rồi chấm lại.`,
        problems: parsed.problems,
      };
    }
    criteria = parsed.value;
  }

  const definedNames: DefinedName[] = names.items.map((item) => ({
    name: item.name,
    reference: String(item.value),
  }));
  const grid: Grid = {
    ...gridOf(sheet.name, used),
    markers: markersOnSheet(definedNames, sheet.name),
  };
  const run = scoreWorkbook([grid], { ...options, criteria });
  if (run.results[0]?.tables.length === 0) return fail(run.results[0].notices[0]);
  if (run.blocked) return fail(run.blocked);

  // Round trip 2 (more only for writes above MAX_REQUEST_BYTES): carry out the plan.
  const plan = run.plans[0];
  const ownFormats = formats.items.filter(
    (cf) =>
      !cf.customOrNullObject.isNullObject &&
      plan.tables.some((t) =>
        isOwnConditionalFormula(cf.customOrNullObject.rule.formula, t.dueLetter)
      )
  );
  for (const cf of ownFormats) cf.delete();
  // Values are queued block by block; a block that would take the request past the
  // limit first sends what is queued (only tables of tens of thousands of rows need it).
  // The first request also carries the formats, rules and names: keep room for them.
  let queuedBytes = REQUEST_HEADROOM_BYTES;
  const reserve = async (bytes: number) => {
    if (queuedBytes + bytes > MAX_REQUEST_BYTES && queuedBytes > REQUEST_HEADROOM_BYTES) {
      await context.sync();
      queuedBytes = REQUEST_HEADROOM_BYTES;
    }
    queuedBytes += bytes;
  };
  for (const table of plan.tables) await writeTable(sheet, table, reserve);
  // The workbook-level record of the blocks (defined names), replaced as a whole.
  const existing = new Set(definedNames.map((n) => n.name));
  for (const name of new Set([...plan.staleMarkers, ...plan.markers.map((m) => m.name)])) {
    if (existing.has(name)) context.workbook.names.getItem(name).delete();
  }
  for (const marker of plan.markers) {
    context.workbook.names.add(
      marker.name,
      sheet.getRange(marker.reference.slice(marker.reference.lastIndexOf("!") + 1))
    );
  }
  await reserve(payloadBytes(run.summarySheet.values));
  writeSummary(context, oldSummary, run.summarySheet, showSummary);
  await context.sync();
  return { ok: true, sheet: sheet.name, run };

  function fail(message: string): ScoreOutcome {
    return { ok: false, message };
  }
}

/** A loaded range as the core's grid. */
function gridOf(sheetName: string, range: Excel.Range): Grid {
  return {
    sheetName,
    values: range.values as CellValue[][],
    numberFormats: range.numberFormat as string[][] | undefined,
    firstRow: range.rowIndex + 1,
    firstColumn: range.columnIndex,
  };
}

let utf8: TextEncoder | null = null;

/** Size of a value in a request body (JSON, UTF-8), to keep requests under the limit. */
export function payloadBytes(value: unknown): number {
  utf8 ??= new TextEncoder();
  return utf8.encode(JSON.stringify(value)).length;
}

async function writeTable(
  sheet: Excel.Worksheet,
  table: TableWritePlan,
  reserve: (bytes: number) => Promise<void>
): Promise<void> {
  const block = sheet.getRange(table.range);
  const [first, last] = table.range.split(":");
  const firstRow = Number(/\d+/.exec(first)![0]);
  const lastRow = Number(/\d+/.exec(last)![0]);
  const letters = (a1: string) => /^[A-Z]+/.exec(a1)![0];
  const columnLetter = (k: number) => columnOffset(letters(first), k);

  block.format.fill.color = COLORS.outputFill;
  block.format.wrapText = true;
  block.format.verticalAlignment = "Top";
  table.numberFormats.forEach((format, k) => {
    // A single value assigned to a range applies to every cell of it.
    if (lastRow > firstRow)
      sheet.getRange(
        `${columnLetter(k)}${firstRow + 1}:${columnLetter(k)}${lastRow}`
      ).numberFormat = format as unknown as string[][];
    sheet.getRange(`${columnLetter(k)}:${columnLetter(k)}`).format.columnWidth =
      table.widths[k] * POINTS_PER_CHAR;
  });

  // Values of the first four columns: one 2D array, in blocks if it is very large.
  const values = table.values.map((row) =>
    row.slice(0, 4).map((cell) => (typeof cell === "object" ? cell.value : cell))
  );
  let written = 0;
  const rowsPerBlock = Math.max(
    1,
    Math.floor(
      values.length / Math.ceil(payloadBytes(values) / (MAX_REQUEST_BYTES - REQUEST_HEADROOM_BYTES))
    )
  );
  while (written < values.length) {
    const chunk = values.slice(written, written + rowsPerBlock);
    const bytes = payloadBytes(chunk);
    await reserve(bytes);
    sheet.getRange(
      `${columnLetter(0)}${firstRow + written}:${columnLetter(3)}${firstRow + written + chunk.length - 1}`
    ).values = chunk;
    written += chunk.length;
  }
  // The state column: one relative formula for every row, then the header cells.
  if (lastRow > firstRow) {
    sheet.getRange(`${columnLetter(4)}${firstRow + 1}:${columnLetter(4)}${lastRow}`).formulasR1C1 =
      table.stateFormulaR1C1 as unknown as string[][];
  }
  for (const offset of table.headerOffsets) {
    const header = sheet.getRange(
      `${columnLetter(0)}${firstRow + offset}:${columnLetter(4)}${firstRow + offset}`
    );
    header.values = [table.values[offset] as string[]];
    header.format.fill.color = COLORS.outputHeaderFill;
    header.format.font.bold = true;
  }
  for (const rule of table.conditionalRules) {
    const cf = sheet
      .getRange(rule.range)
      .conditionalFormats.add(Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = `=${rule.formula}`;
    cf.custom.format.fill.color = rule.kind === "overdue" ? COLORS.overdueFill : COLORS.dueSoonFill;
  }
}

/** The column `k` places right of `letters`. */
function columnOffset(letters: string, k: number): string {
  return columnLetter(columnIndex(letters) + k);
}

function writeSummary(
  context: Excel.RequestContext,
  old: Excel.Worksheet,
  summary: SummarySheet,
  activate: boolean
): void {
  if (!old.isNullObject) old.delete();
  const sheet = context.workbook.worksheets.add(SUMMARY_SHEET_NAME);
  const width = Math.max(...summary.values.map((row) => row.length));
  const rows = summary.values.map((row) => [...row, ...Array<string>(width - row.length).fill("")]);
  const range = sheet.getRange(`A1:${columnOffset("A", width - 1)}${rows.length}`);
  range.values = rows;
  sheet.getRange("A1").format.font.bold = true;
  sheet.getRange("A1").format.font.size = 14;
  for (const r of summary.headerRows) {
    const header = sheet.getRange(`A${r + 1}:${columnOffset("A", width - 1)}${r + 1}`);
    header.format.font.bold = true;
    header.format.fill.color = COLORS.outputHeaderFill;
  }
  sheet.getRange("A:A").format.columnWidth = 14 * POINTS_PER_CHAR;
  sheet.getRange("B:B").format.columnWidth = 50 * POINTS_PER_CHAR;
  sheet.getRange("C:E").format.columnWidth = 16 * POINTS_PER_CHAR;
  if (summary.chartRows) {
    const { first, last } = summary.chartRows;
    const data = sheet.getRange(`B${first}:D${last + 1}`);
    const chart = sheet.charts.add(Excel.ChartType.barClustered, data, Excel.ChartSeriesBy.columns);
    chart.title.text = "Điểm từng lĩnh vực so với điểm tối đa";
    chart.setPosition(`G${first}`);
  }
  if (activate) sheet.activate();
}

export type { SheetWritePlan };

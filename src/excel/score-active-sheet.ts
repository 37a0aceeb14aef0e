/* global Excel */
/**
 * The Office.js adapter: read the active sheet, run the core, carry out the core's plan.
 *
 * API levels (Microsoft's "Excel JavaScript API requirement sets" page): ExcelApi 1.1 is
 * all a volume-licensed Excel 2016 has, a volume-licensed Excel 2019 stops at 1.7, retail
 * perpetual Office, Microsoft 365 and Excel on the web have the newest. The manifest asks
 * for 1.6 and conditional formats (1.6) are used unguarded; everything above 1.6 is used
 * only behind `supports(version)` (Office.context.requirements.isSetSupported): workbook
 * structure protection and freezePanes (1.7), merged areas (1.13). No shared runtime.
 *
 * Round trips: one for what can be known beforehand (names, sheets, protection, the used
 * range's size), then the sheet's values in row blocks sized by bytes (Excel on the web
 * refuses responses over 5 MB and every host limits a read to about 5 million cells:
 * "Resource limits and performance optimization for Office Add-ins", learn.microsoft.com),
 * then the writes in requests under 4 MB.
 */
import { columnIndex, columnLetter, type Grid, type MergedArea } from "../core/read/grid";
import { CRITERIA_SHEET_NAME } from "../core/read/output-columns";
import { readCriteriaSheet, type SheetProblem } from "../core/criteria/criteria-sheet";
import {
  markersOnSheet,
  parseReference,
  recordName,
  stateColumnsOf,
  type DefinedName,
} from "../core/read/markers";
import { scoreWorkbook, type RunOptions, type WorkbookRun } from "../core/run";
import type { CellValue } from "../core/parse/values";
import {
  COLORS,
  isOwnConditionalFormula,
  planColumn,
  stateFormulaAt,
  type SheetWritePlan,
  type TableWritePlan,
} from "../core/write/write-plan";
import {
  isToolSheet,
  ownSummarySheet,
  sameSheetName,
  SUMMARY_MARKER_NAME,
  type SummarySheetPlan,
} from "../core/write/summary-sheet";
import { errorCode, officeErrorAdvice } from "./office-errors";
import {
  MAX_REQUEST_BYTES,
  payloadBytes,
  POINTS_PER_CHAR,
  writeSheetPlan,
  type Reserve,
  type SupportsExcelApi,
} from "./write-sheet";

// Importers of this module keep working: the sheet writer's request limits live there.
export { MAX_REQUEST_BYTES, payloadBytes, POINTS_PER_CHAR, type SupportsExcelApi };

export type ScoreOutcome =
  | {
      ok: true;
      sheet: string;
      run: WorkbookRun;
      /** Vietnamese notices about where things went (e.g. the summary's sheet name). */
      notices: string[];
    }
  | { ok: false; message: string; problems?: SheetProblem[] };

/** Bytes a read block aims at: under the 5 MB response limit with room for JSON framing. */
export const READ_BLOCK_BYTES = 3_500_000;
/** Cells a read block may hold (every host limits one read to about 5 million cells). */
export const READ_BLOCK_CELLS = 4_000_000;
/** A first guess of the bytes one cell takes in a response (value and number format). */
const FIRST_GUESS_BYTES_PER_CELL = 48;
/** Room kept in each request for the small operations (formats, rules, names) around the values. */
const REQUEST_HEADROOM_BYTES = 50_000;
/** Columns right of the used range whose hidden state and merges are read (room for the block). */
const COLUMNS_BEYOND_USED = 16;

/** `Office.context.requirements.isSetSupported("ExcelApi", version)`, false outside Office. */
export const officeSupports: SupportsExcelApi = (version) => {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.requirements?.isSetSupported?.("ExcelApi", version) ?? false;
};

export interface ScoreActiveSheetOptions {
  supports?: SupportsExcelApi;
}

/**
 * Scores the active worksheet and writes the results. Returns a Vietnamese message
 * instead of throwing for every situation a user can meet (protected sheet, empty sheet,
 * no table, user data in the way, an interrupted write); Office errors while reading
 * propagate (nothing has been written then).
 */
export async function scoreActiveSheet(
  context: Excel.RequestContext,
  options: RunOptions,
  { supports = officeSupports }: ScoreActiveSheetOptions = {}
): Promise<ScoreOutcome> {
  // Round trip 1: everything that can be known before reading the cells.
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name, protection/protected");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const wholeSheet = sheet.getRange();
  // A navigation property, not a loaded value: the lint rule cannot tell the difference.
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
  const formats = wholeSheet.conditionalFormats;
  formats.load("items/type,items/customOrNullObject/rule/formula");
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  const names = context.workbook.names;
  names.load("items/name,items/value");
  const structure = supports("1.7") ? context.workbook.protection : null;
  structure?.load("protected");
  await context.sync();

  const sheetNames = worksheets.items.map((ws) => ws.name);
  const definedNames: DefinedName[] = names.items.map((item) => ({
    name: item.name,
    reference: String(item.value),
  }));
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
  // Only what reading needs is decided before the run: whether the active sheet is one of
  // ours, and which sheet is our summary from an earlier run (its charts are loaded with
  // the cells, to be replaced). Where the summary goes, and all it holds, is the run's.
  const ownSummary = ownSummarySheet(sheetNames, definedNames);
  if (isToolSheet(sheet.name, ownSummary)) {
    return fail(
      `Trang "${sheet.name}" là trang của công cụ (kết quả hoặc bộ tiêu chí), không phải bảng phụ lục: hãy mở trang có bảng phụ lục rồi bấm Chấm điểm.`
    );
  }

  // Round trips 2…: the cells, in row blocks; merged areas and hidden columns with the first.
  const criteriaName = sheetNames.find((name) => sameSheetName(name, CRITERIA_SHEET_NAME));
  const oldCharts = ownSummary ? context.workbook.worksheets.getItem(ownSummary).charts : null;
  const markers = markersOnSheet(definedNames, sheet.name);
  const read = await readUsedRange(
    context,
    sheet,
    used,
    supports,
    criteriaName,
    () => oldCharts?.load("items/name"),
    stateColumnsOf(markers)
  );
  if (read.criteria) {
    const parsed = readCriteriaSheet(read.criteria);
    if (!parsed.ok) {
      return {
        ok: false,
        message: `Trang "${read.criteria.sheetName}" có ${parsed.problems.length} lỗi, chưa chấm điểm. Sửa các ô dưới đây rồi chấm lại.`,
        problems: parsed.problems,
      };
    }
    options = { ...options, criteria: parsed.value };
  }

  const grid: Grid = { ...read.grid, markers };
  // The workbook's sheet names and names: the run places the summary beside the office's
  // own "Tổng hợp" and says so, on the summary sheet and in the pane, as the CLI does.
  const run = scoreWorkbook([grid], {
    ...options,
    workbook: { sheetNames, names: definedNames },
  });
  if (run.results[0]?.tables.length === 0) return fail(run.results[0].notices[0]);
  if (run.blocked) return fail(run.blocked);
  const summaryPlan = run.summarySheet;
  if (!summaryPlan.replaces && structure?.protected) {
    return fail(
      `Sổ làm việc đang được bảo vệ cấu trúc (Protect Workbook) nên không thêm được trang "${summaryPlan.name}": hãy bỏ bảo vệ (Review → Protect Workbook) rồi chấm điểm lại. Chưa có ô nào bị thay đổi.`
    );
  }

  const plan = run.plans[0];
  const ownFormats = formats.items.filter(
    (cf) =>
      !cf.customOrNullObject.isNullObject &&
      plan.tables.some((t) =>
        isOwnConditionalFormula(cf.customOrNullObject.rule.formula, t.dueLetter)
      )
  );
  try {
    const reserve = requestSplitter(context);
    await writePlan(sheet, plan, ownFormats, definedNames, reserve, context);
    await writeSummary(context, summaryPlan, oldCharts, definedNames, reserve, supports);
    await context.sync();
  } catch (error) {
    return fail(interruptedMessage(sheet.name, error));
  }
  return {
    ok: true,
    sheet: sheet.name,
    run,
    notices: summaryPlan.notices,
  };

  function fail(message: string): ScoreOutcome {
    return { ok: false, message };
  }
}

/**
 * The active sheet as a grid (cells in byte-sized blocks, merged areas where the host can
 * tell), or a Vietnamese reason it cannot be read. For reading a table without scoring
 * it, e.g. to take its criteria set.
 */
export async function readActiveSheetGrid(
  context: Excel.RequestContext,
  { supports = officeSupports }: ScoreActiveSheetOptions = {}
): Promise<{ ok: true; grid: Grid } | { ok: false; message: string }> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  if (used.isNullObject) {
    return {
      ok: false,
      message: `Trang "${sheet.name}" đang trống: hãy mở trang có bảng tự đánh giá rồi thử lại.`,
    };
  }
  const read = await readUsedRange(context, sheet, used, supports, undefined);
  return { ok: true, grid: read.grid };
}

/** What a user is told when Excel stopped a run part way through its writes. */
function interruptedMessage(sheetName: string, error: unknown): string {
  const code = errorCode(error);
  const advice = officeErrorAdvice(code, "write");
  const next = advice
    ? `Lý do: ${advice}`
    : "Hãy bấm Chấm điểm lại: lần chấm sau nhận ra phần đã ghi là của công cụ và ghi hoàn tất.";
  return `Excel dừng việc ghi giữa chừng (${code ?? "không rõ mã"}): một phần kết quả đã được ghi vào các cột "(tự động)" của trang "${sheetName}" và trang tổng hợp; dữ liệu của đơn vị không bị thay đổi. ${next}`;
}

interface UsedRangeRead {
  grid: Grid;
  criteria: Grid | null;
}

/**
 * Reads the used range in row blocks whose responses stay under READ_BLOCK_BYTES: the
 * first block is sized by a guess, the next ones by the bytes per row measured so far;
 * a block Excel still refuses as too large is read again in halves (a read changes
 * nothing, so repeating it is safe). A failed request loads nothing, so the extras sent
 * with the first block (merged areas, hidden columns, the criteria sheet, `alsoLoad`)
 * are queued again with its retry.
 */
async function readUsedRange(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  used: Excel.Range,
  supports: SupportsExcelApi,
  criteriaName: string | undefined,
  alsoLoad: () => void = () => undefined,
  stateColumns: Array<{ column: number; top: number }> = []
): Promise<UsedRangeRead> {
  const top = used.rowIndex;
  const left = used.columnIndex;
  const rows = used.rowCount;
  const columns = used.columnCount;
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const maxRowsByCells = Math.max(1, Math.floor(READ_BLOCK_CELLS / columns));
  let rowsPerBlock = Math.min(
    maxRowsByCells,
    Math.max(1, Math.floor(READ_BLOCK_BYTES / (columns * FIRST_GUESS_BYTES_PER_CELL)))
  );
  let bytesRead = 0;

  // Extras read with the first block.
  const lastRow = top + rows;
  const span = sheet.getRange(`${top + 1}:${lastRow}`);
  const merged = supports("1.13") ? span.getMergedAreasOrNullObject() : null;
  const hiddenProbes = Array.from({ length: columns + COLUMNS_BEYOND_USED }, (_, k) => {
    const letter = columnLetter(left + k);
    return sheet.getRange(`${letter}:${letter}`);
  });
  // Our state columns' typed values (a value where our formula was: issue 19.5), by
  // SpecialCells (ExcelApi 1.9): one address per column, not its 100,000 formulas. From
  // the header row down, so that the range is never one cell (SpecialCells on one cell
  // searches the whole sheet); the core skips our header rows.
  const typedProbes = supports("1.9")
    ? stateColumns
        .filter(({ top: header }) => header + 1 < lastRow)
        .map(({ column, top: header }) =>
          sheet
            .getRange(`${columnLetter(column)}${header + 1}:${columnLetter(column)}${lastRow}`)
            .getSpecialCellsOrNullObject("Constants")
        )
    : null;
  const criteriaRange = criteriaName
    ? context.workbook.worksheets.getItem(criteriaName).getUsedRangeOrNullObject(true)
    : null;
  const loadExtras = () => {
    merged?.load(
      "areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount"
    );
    for (const probe of hiddenProbes) probe.load("columnHidden");
    for (const probe of typedProbes ?? []) probe.load("address");
    criteriaRange?.load("values,numberFormat,rowIndex,columnIndex");
    alsoLoad();
  };
  loadExtras();

  let start = 0;
  while (start < rows || start === 0) {
    const count = Math.min(rowsPerBlock, rows - start);
    const block = sheet.getRange(
      `${columnLetter(left)}${top + start + 1}:${columnLetter(left + columns - 1)}${top + start + count}`
    );
    block.load("values,numberFormat");
    try {
      // One block per request on purpose: each response must stay under the size limit,
      // and the next block's size depends on this one's measured bytes.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      if ((error as { code?: string }).code === "ResponsePayloadSizeLimitExceeded" && count > 1) {
        rowsPerBlock = Math.max(1, Math.floor(count / 2));
        if (start === 0) loadExtras();
        continue;
      }
      throw error;
    }
    const blockValues = block.values as CellValue[][];
    const blockFormats = block.numberFormat as string[][];
    for (const row of blockValues) values.push(row);
    for (const row of blockFormats) numberFormats.push(row);
    bytesRead += payloadBytes(blockValues) + payloadBytes(blockFormats);
    start += count;
    const bytesPerRow = bytesRead / start;
    rowsPerBlock = Math.min(
      maxRowsByCells,
      Math.max(1, Math.floor(READ_BLOCK_BYTES / bytesPerRow))
    );
    if (start >= rows) break;
  }

  const merges: MergedArea[] = [];
  if (merged && !merged.isNullObject) {
    for (const area of merged.areas.items) {
      const m = {
        top: area.rowIndex - top,
        left: area.columnIndex - left,
        bottom: area.rowIndex - top + area.rowCount - 1,
        right: area.columnIndex - left + area.columnCount - 1,
      };
      if (m.right >= 0) merges.push({ ...m, left: Math.max(0, m.left) });
    }
  }
  const hiddenColumns = hiddenProbes.flatMap((probe, k) => (probe.columnHidden ? [k] : []));
  const criteria =
    criteriaRange && criteriaName
      ? criteriaRange.isNullObject
        ? { sheetName: criteriaName, values: [] }
        : gridOf(criteriaName, criteriaRange)
      : null;
  const typedCells: Array<[number, number]> = [];
  for (const probe of typedProbes ?? []) {
    if (probe.isNullObject) continue;
    for (const area of probe.address.split(",")) {
      const ref = parseReference(area.includes("!") ? area.trim() : `S!${area.trim()}`);
      if (!ref) continue;
      for (let r = ref.top; r <= ref.bottom; r++)
        for (let c = ref.left; c <= ref.right; c++) typedCells.push([r - top, c - left]);
    }
  }
  return {
    grid: {
      sheetName: sheet.name,
      values,
      numberFormats,
      firstRow: top + 1,
      firstColumn: left,
      merges,
      hiddenColumns,
      ...(typedProbes ? { typedCells } : {}),
    },
    criteria,
  };
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

/**
 * Number formats that make Excel keep each string as text: a string written through
 * `Range.values` into a cell that is not formatted "@" is parsed as the user would have
 * typed it ("- Văn phòng" becomes a formula and fails, "1.10" becomes the number 1.1).
 * Setting "@" first, in the same request, keeps it as written.
 *
 * @example textFormats([["1.10", 4.5]], "0.00") // [["@", "0.00"]]
 */
export function textFormats(
  values: ReadonlyArray<ReadonlyArray<unknown>>,
  otherwise: string
): string[][] {
  return values.map((row) => row.map((cell) => (typeof cell === "string" ? "@" : otherwise)));
}

/**
 * Carries out a sheet's plan. Order matters, because a request can fail part way and
 * the next run must finish the job: the markers (defined names) and header rows go
 * first, so that whatever else got written is recognised as ours next time; only our
 * own rules and names are removed, and only right before their replacements.
 */
async function writePlan(
  sheet: Excel.Worksheet,
  plan: SheetWritePlan,
  ownFormats: Excel.ConditionalFormat[],
  definedNames: DefinedName[],
  reserve: Reserve,
  context: Excel.RequestContext
): Promise<void> {
  const existing = new Map(definedNames.map((n) => [n.name.toLowerCase(), n.name]));
  const markerNames = new Set([...plan.staleMarkers, ...plan.markers.map((m) => m.name)]);
  // The records of what was written go with the markers, and come back only once every
  // cell is written: a run stopped part way leaves no record, so the next one, finding
  // our cells without one, rewrites them instead of calling them typed.
  for (const name of [...markerNames, ...[...markerNames].map(recordName)]) {
    const actual = existing.get(name.toLowerCase());
    if (actual !== undefined) context.workbook.names.getItem(actual).delete();
  }
  for (const marker of plan.markers) {
    context.workbook.names.add(
      marker.name,
      sheet.getRange(marker.reference.slice(marker.reference.lastIndexOf("!") + 1))
    );
  }
  for (const table of plan.tables) prepareBlock(sheet, table);
  for (const cf of ownFormats) cf.delete();
  for (const table of plan.tables) await writeTable(sheet, table, reserve);
  for (const record of plan.records) {
    await reserve(payloadBytes(record.reference));
    // A text formula, hidden from the Name Manager's list like the package writer's.
    context.workbook.names.add(record.name, record.reference).visible = false;
  }
}

/**
 * Splits the writes into requests under MAX_REQUEST_BYTES: a block that would take the
 * request past the limit first sends what is queued. The first request also carries the
 * formats, rules and names: room is kept for them.
 */
function requestSplitter(context: Excel.RequestContext): Reserve {
  let queuedBytes = REQUEST_HEADROOM_BYTES;
  return async (bytes) => {
    if (queuedBytes + bytes > MAX_REQUEST_BYTES && queuedBytes > REQUEST_HEADROOM_BYTES) {
      await context.sync();
      queuedBytes = REQUEST_HEADROOM_BYTES;
    }
    queuedBytes += bytes;
  };
}

/**
 * The block's formats (fill, number formats before any value, widths) and its header
 * rows (the first and any repeated ones), as text.
 */
function prepareBlock(sheet: Excel.Worksheet, table: TableWritePlan): void {
  const { firstRow, lastRow, letterAt } = tableGeometry(table);
  // The block's own last column: five wide, or three on a table without deadlines.
  const lastOutput = table.columns.length - 1;
  if (lastRow > firstRow) {
    const body = sheet.getRange(`${letterAt(0)}${firstRow + 1}:${letterAt(lastOutput)}${lastRow}`);
    body.format.fill.color = COLORS.outputFill;
    body.format.wrapText = true;
    body.format.verticalAlignment = "Top";
    // Column formats come before the values, so that text columns ("@") keep their text.
    table.numberFormats.forEach((format, k) => {
      sheet.getRange(`${letterAt(k)}${firstRow + 1}:${letterAt(k)}${lastRow}`).numberFormat =
        format as unknown as string[][];
    });
  }
  // Widths only for columns new to the block: one an earlier run wrote keeps the width
  // (and hidden state: setting a width would show it) the person gave it.
  table.widths.forEach((width, k) => {
    if (k < table.ownedBefore) return;
    sheet.getRange(`${letterAt(k)}:${letterAt(k)}`).format.columnWidth = width * POINTS_PER_CHAR;
  });
  for (const offset of table.headerOffsets) {
    const header = sheet.getRange(
      `${letterAt(0)}${firstRow + offset}:${letterAt(lastOutput)}${firstRow + offset}`
    );
    const row = [table.values[offset] as string[]];
    header.numberFormat = textFormats(row, "General");
    header.values = row;
    header.format.fill.color = COLORS.outputHeaderFill;
    header.format.font.bold = true;
    header.format.wrapText = true;
  }
}

function tableGeometry(table: TableWritePlan) {
  const [first, last] = table.range.split(":");
  const firstRow = Number(/\d+/.exec(first)![0]);
  const lastRow = Number(/\d+/.exec(last)![0]);
  const firstLetters = /^[A-Z]+/.exec(first)![0];
  return { firstRow, lastRow, letterAt: (k: number) => columnOffset(firstLetters, k) };
}

async function writeTable(
  sheet: Excel.Worksheet,
  table: TableWritePlan,
  reserve: Reserve
): Promise<void> {
  const { firstRow, lastRow, letterAt } = tableGeometry(table);
  const headerRows = new Set(table.headerOffsets.map((offset) => firstRow + offset));
  // The state column (a formula), by key as the patcher finds it; a block without one
  // (no deadlines) is values only.
  const stateColumn = planColumn(table, "dueState");
  const valueColumns = stateColumn < 0 ? table.columns.length : stateColumn;

  // Values of the columns before the state column, body rows only (the header rows are written
  // already): one 2D array per run of rows between repeated headers, in blocks if large.
  const cells = (offset: number) =>
    table.values[offset]
      .slice(0, valueColumns)
      .map((cell) => (typeof cell === "object" ? cell.value : cell)) as CellValue[];
  const runs: Array<{ from: number; rows: CellValue[][] }> = [];
  for (let row = firstRow + 1; row <= lastRow; row++) {
    if (headerRows.has(row)) continue;
    const last = runs.at(-1);
    if (last && last.from + last.rows.length === row) last.rows.push(cells(row - firstRow));
    else runs.push({ from: row, rows: [cells(row - firstRow)] });
  }
  for (const run of runs) {
    const rowsPerBlock = Math.max(
      1,
      Math.floor(
        run.rows.length /
          Math.ceil(payloadBytes(run.rows) / (MAX_REQUEST_BYTES - REQUEST_HEADROOM_BYTES))
      )
    );
    for (let written = 0; written < run.rows.length; written += rowsPerBlock) {
      const chunk = run.rows.slice(written, written + rowsPerBlock);
      await reserve(payloadBytes(chunk));
      const from = run.from + written;
      sheet.getRange(
        `${letterAt(0)}${from}:${letterAt(valueColumns - 1)}${from + chunk.length - 1}`
      ).values = chunk as (string | number | boolean)[][];
    }
    // The state column: one relative formula for the run's rows.
    if (stateColumn < 0) continue;
    await reserve(payloadBytes(table.stateFormulaR1C1));
    sheet.getRange(
      `${letterAt(stateColumn)}${run.from}:${letterAt(stateColumn)}${run.from + run.rows.length - 1}`
    ).formulasR1C1 = table.stateFormulaR1C1 as unknown as string[][];
  }
  // Rows under a merged status read the merge's top cell: each gets its own formula, about
  // 1 KB, so thousands of them are counted into the request size like any other write.
  for (const [offset, planned] of table.values.entries()) {
    if (stateColumn < 0) break;
    const state = planned[stateColumn];
    if (typeof state !== "object" || state.statusRow === undefined) continue;
    const row = firstRow + offset;
    const formulas = [[`=${stateFormulaAt(table, row, state.statusRow)}`]];
    await reserve(payloadBytes(formulas));
    sheet.getRange(`${letterAt(stateColumn)}${row}`).formulas = formulas;
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

/**
 * Writes the summary sheet the core planned, where it placed it. Our own summary from an
 * earlier run is cleared and rewritten in place (no sheet is deleted); otherwise a new
 * sheet is added and marked as ours in the same request, before its content, so that a
 * run stopped part way leaves a sheet the next run recognises and completes. A user's own
 * "Tổng hợp" is never touched: the core gives ours another name then.
 */
async function writeSummary(
  context: Excel.RequestContext,
  plan: SummarySheetPlan,
  oldCharts: Excel.ChartCollection | null,
  definedNames: DefinedName[],
  reserve: Reserve,
  supports: SupportsExcelApi
): Promise<void> {
  let sheet: Excel.Worksheet;
  if (plan.replaces) {
    sheet = context.workbook.worksheets.getItem(plan.name);
    for (const chart of oldCharts?.items ?? []) chart.delete();
    sheet.getRange().clear();
  } else {
    sheet = context.workbook.worksheets.add(plan.name);
  }
  const oldMarker = definedNames.find(
    (n) => n.name.toLowerCase() === SUMMARY_MARKER_NAME.toLowerCase()
  );
  if (oldMarker) context.workbook.names.getItem(oldMarker.name).delete();
  context.workbook.names.add(plan.marker.name, sheet.getRange("A1"));
  await writeSheetPlan(sheet, plan, reserve, supports);
}

export type { SheetWritePlan };

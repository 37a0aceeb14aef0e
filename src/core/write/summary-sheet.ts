/**
 * The summary sheet, planned once for every front end: where it goes and all it holds
 * (`summarySheetPlan`: values, widths, title, header rows, wrapped labels, print setup,
 * the chart and its place, the notices), carried out by the platforms' sheet writers.
 *
 * A sheet is ours only when we marked it when we made it: a workbook-level defined name
 * (`SUMMARY_MARKER_NAME`) refers to its A1. Offices often have a sheet of their own called
 * "Tổng hợp" (formulas, notes, names pointing into it); it is never deleted or changed:
 * our summary then takes another name and the run says so.
 */
import { parseReference, type DefinedName } from "../read/markers";
import { quoteSheetName } from "../read/grid";
import {
  CRITERIA_SHEET_NAME,
  sameSheetName,
  sheetNameKey,
  SUMMARY_SHEET_NAME,
} from "../read/output-columns";
import type { SummarySheet } from "../score/summary";
import { padRows, type PlanCell, type SheetPlan } from "./sheet-plan";
import { COLORS } from "./write-plan";

// Sheet names compare in one place (read/output-columns.ts); importers of this module keep working.
export { sameSheetName } from "../read/output-columns";

/** The defined name that marks the summary sheet as the tools'. */
export const SUMMARY_MARKER_NAME = "_ParIndex_TongHop";

/** Excel's limit on a sheet name's length. */
const MAX_SHEET_NAME_LENGTH = 31;

export interface SummarySheetPlacement {
  /** The sheet to write the summary into. */
  name: string;
  /** True when `name` is our own summary from an earlier run: replace its content. */
  replaces: boolean;
  /** The marker to write (or rewrite) once the sheet is in place. */
  marker: DefinedName;
  /** Vietnamese notice for the report when the usual name was taken by the user's sheet. */
  notice: string | null;
}

/**
 * The name of the sheet our marker points at, when that sheet still exists; else null.
 *
 * @example ownSummarySheet(["Phụ lục", "Tổng hợp"], [{ name: "_ParIndex_TongHop", reference: "='Tổng hợp'!$A$1" }]) === "Tổng hợp"
 */
export function ownSummarySheet(sheetNames: string[], names: DefinedName[]): string | null {
  const marker = names.find((n) => n.name.toLowerCase() === SUMMARY_MARKER_NAME.toLowerCase());
  if (!marker) return null;
  const target = parseReference(marker.reference);
  if (!target) return null; // "#REF!": the sheet was deleted
  return sheetNames.find((name) => sameSheetName(name, target.sheet)) ?? null;
}

/**
 * Decides the summary sheet: ours from an earlier run if there is one, else "Tổng hợp"
 * when that name is free, else "Tổng hợp (tự động)", "Tổng hợp (tự động 2)"…
 *
 * @example planSummarySheet(["Phụ lục", "Tổng hợp"], []).name === "Tổng hợp (tự động)"
 */
export function planSummarySheet(
  sheetNames: string[],
  names: DefinedName[]
): SummarySheetPlacement {
  const own = ownSummarySheet(sheetNames, names);
  if (own !== null)
    return {
      name: own,
      replaces: true,
      marker: summaryMarker(own),
      notice: keptNotice(sheetNames, own),
    };
  const taken = new Set(sheetNames.map(sheetNameKey));
  const candidates = [SUMMARY_SHEET_NAME, `${SUMMARY_SHEET_NAME} (tự động)`];
  for (let n = 2; n < 100; n++) candidates.push(`${SUMMARY_SHEET_NAME} (tự động ${n})`);
  const name = candidates.find(
    (candidate) => candidate.length <= MAX_SHEET_NAME_LENGTH && !taken.has(sheetNameKey(candidate))
  )!;
  return {
    name,
    replaces: false,
    marker: summaryMarker(name),
    notice: keptNotice(sheetNames, name),
  };
}

/**
 * The notice that the office's own "Tổng hợp" was kept, whenever our summary goes elsewhere
 * because of it: on the run that placed it and on every re-run into the same sheet, so the
 * summary sheet and the report are the same each time.
 */
function keptNotice(sheetNames: string[], ours: string): string | null {
  if (sameSheetName(ours, SUMMARY_SHEET_NAME)) return null;
  const theirs = sheetNames.find((s) => sameSheetName(s, SUMMARY_SHEET_NAME));
  if (theirs === undefined) return null;
  return `Tệp đã có trang "${theirs}" của đơn vị: trang đó được giữ nguyên, kết quả tổng hợp ghi vào trang "${ours}".`;
}

function summaryMarker(sheet: string): DefinedName {
  return { name: SUMMARY_MARKER_NAME, reference: `=${quoteSheetName(sheet)}!$A$1` };
}

/**
 * True for the sheets a run reads but never scores as appendix tables: our own summary
 * (by its marker, not by its name) and the criteria sheet.
 */
export function isToolSheet(sheet: string, ownSummary: string | null): boolean {
  return (
    (ownSummary !== null && sameSheetName(sheet, ownSummary)) ||
    sameSheetName(sheet, CRITERIA_SHEET_NAME)
  );
}

/** Widths (characters) of the summary's columns B to E: names, points and maxima. */
const SUMMARY_WIDTHS = [50, 12, 18, 18];

/** The summary chart's title. */
export const SUMMARY_CHART_TITLE = "Điểm từng lĩnh vực so với điểm tối đa";

/**
 * The summary chart's place: column A, two rows under the sheet's last row. Beside the
 * table (column G) it made the printed width A:O, and a landscape page fitted to that
 * width printed the sheet at about 45% (the 14-point title came out 6 points high).
 */
const SUMMARY_CHART_COLUMN = 0;
const SUMMARY_CHART_GAP_ROWS = 2;

/** The summary sheet as every front end writes it, where the core placed it. */
export interface SummarySheetPlan extends SheetPlan {
  /** True when `name` is our own summary from an earlier run: replace its content. */
  replaces: boolean;
  /** The marker to write (or rewrite) once the sheet is in place. */
  marker: DefinedName;
  /** Vietnamese notices about where the summary went, for the front end's report. */
  notices: string[];
}

/**
 * The whole summary sheet: the content `buildSummarySheet` made, laid out (column A as
 * wide as its labels, up to a limit past which a label wraps; one page wide, landscape;
 * the chart of the area table under it), under the name `placement` chose.
 *
 * @example summarySheetPlan({ values: [["Tiêu đề"]], headerRows: [], chartRows: null, firstColumnWidth: 14 }, planSummarySheet(["Phụ lục"], [])).widths // [14, 50, 12, 18, 18]
 */
export function summarySheetPlan(
  content: SummarySheet,
  placement: SummarySheetPlacement
): SummarySheetPlan {
  const widths = [content.firstColumnWidth, ...SUMMARY_WIDTHS];
  const headers = new Set(content.headerRows);
  const wrappedCells: PlanCell[] = [];
  content.values.forEach((row, r) => {
    // Table rows only: a title or a notice alone on its row overflows into the empty cells
    // (buildSummarySheet keeps those shorter than the table's width).
    if (r === 0 || headers.has(r) || row.length < 2) return;
    // Any cell, not only column A: a long text (the overdue rows' list in D) would spill
    // past column E, and a page fitted to width would then print everything small.
    row.forEach((value, c) => {
      if (typeof value === "string" && value.length > (widths[c] ?? 0) - 2)
        wrappedCells.push({ row: r, column: c });
    });
  });
  const values = padRows(content.values);
  const chartRows = content.chartRows;
  return {
    name: placement.name,
    replaces: placement.replaces,
    marker: placement.marker,
    notices: placement.notice ? [placement.notice] : [],
    values,
    numberFormats: values.map((row) => row.map(() => "General")),
    titleSize: 14,
    headerRows: content.headerRows,
    summaryRows: [],
    highlightedCells: [],
    wrappedCells,
    // The summary has no summary rows or highlighted cells: their fills are never used.
    fills: {
      header: COLORS.outputHeaderFill,
      summary: COLORS.outputHeaderFill,
      highlight: COLORS.outputHeaderFill,
    },
    frozenRows: 0,
    frozenColumns: 0,
    widths,
    // Landscape: the table (A:E, 112 characters and more) and the chart under it (A:I)
    // print at 85–100% on A4 landscape, at 60% on portrait.
    print: { landscape: true, fitToWidth: true },
    chart: chartRows
      ? {
          title: SUMMARY_CHART_TITLE,
          categoryColumn: 1,
          valueColumns: [2, 3],
          headerRow: chartRows.first - 1,
          firstRow: chartRows.first,
          lastRow: chartRows.last,
          anchor: { row: values.length + SUMMARY_CHART_GAP_ROWS - 1, column: SUMMARY_CHART_COLUMN },
        }
      : null,
  };
}

/**
 * Worksheet parts we write whole: the summary sheet, the roll-up's sheets and the criteria
 * sheet. They are new sheets (or, on a re-run, the summary sheet we marked as ours), so
 * nothing of the user's is in them. A sheet the core planned whole (`SheetPlan`) is
 * carried out by `planSheet` and `planChart`, deciding nothing.
 */
import type { CellValue } from "../core/parse/values";
import { wrappedLineCount } from "../core/parse/wrap";
import type { SheetPlan } from "../core/write/sheet-plan";
import { cellRef, valueCellXml } from "./cell-xml";
import type { BarChartData } from "./chart";
import type { CellLook, StylesPatch } from "./patch-styles";
import { escapeAttribute } from "./xml-splice";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface NewSheet {
  values: ReadonlyArray<ReadonlyArray<CellValue>>;
  /** Look of a cell (0-based row and column); undefined for the default. */
  lookAt: (row: number, column: number, value: CellValue) => CellLook | undefined;
  /** Column widths in characters, from column A. */
  widths: number[];
  /** Rows kept in view while scrolling (a frozen pane below them). */
  frozenRows?: number;
  /** Columns kept in view while scrolling (a frozen pane right of them). */
  frozenColumns?: number;
  /**
   * How it prints: landscape, scaled to one page wide (as many pages down as needed), and
   * rows (0-based, inclusive) repeated at the top of every page (written by the workbook,
   * as its print titles).
   */
  print?: {
    landscape: boolean;
    fitToWidth: boolean;
    titleRows?: { first: number; last: number } | null;
  };
  /** Relationship id of the sheet's drawing (our chart), if any. */
  drawingRelId?: string;
}

/**
 * The XML of a worksheet holding `sheet.values` (empty cells left out).
 *
 * @example newSheetXml({ values: [["A"]], lookAt: () => undefined, widths: [] }, styles).includes("<c r=\"A1\"")
 */
export function newSheetXml(sheet: NewSheet, styles: StylesPatch): string {
  const rows: string[] = [];
  let lastColumn = 0;
  sheet.values.forEach((values, r) => {
    let cells = "";
    let largest = 0;
    let lines = 1;
    values.forEach((value, c) => {
      if (value === "" || value === null || value === undefined) return;
      const look = sheet.lookAt(r, c, value);
      const style = look ? styles.cellStyle(look) : 0;
      cells += valueCellXml("", cellRef(r + 1, c), value, style);
      lastColumn = Math.max(lastColumn, c);
      largest = Math.max(largest, look?.size ?? 0);
      if (look?.wrap && typeof value === "string")
        lines = Math.max(lines, wrappedLines(value, sheet.widths[c] ?? DEFAULT_WIDTH));
    });
    // Heights are written because viewers keep the 15-point default: LibreOffice cut off the
    // stacked marks of Vietnamese capitals (Ế, Ỗ) in a 14-point title, and the second line
    // of a wrapped header.
    const points = Math.max(
      largest > 11 ? titleRowHeight(largest) : 0,
      lines > 1 ? lines * LINE_POINTS : 0
    );
    const height = points > 0 ? ` ht="${points}" customHeight="1"` : "";
    if (cells) rows.push(`<row r="${r + 1}"${height}>${cells}</row>`);
  });
  const lastRow = Math.max(1, sheet.values.length);
  const cols = sheet.widths
    .map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`)
    .join("");
  const frozen = `<sheetView workbookViewId="0">${frozenPane(sheet.frozenRows ?? 0, sheet.frozenColumns ?? 0)}</sheetView>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    (sheet.print?.fitToWidth ? `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` : "") +
    `<dimension ref="A1:${cellRef(lastRow, lastColumn)}"/>` +
    `<sheetViews>${frozen}</sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rows.join("")}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    (sheet.print ? pageSetupXml(sheet.print) : "") +
    (sheet.drawingRelId ? `<drawing r:id="${escapeAttribute(sheet.drawingRelId)}"/>` : "") +
    `</worksheet>`
  );
}

/**
 * The frozen pane of a sheet view, as Excel writes it: the split, the first cell of the
 * scrolling part, and the pane that has the focus.
 *
 * @example frozenPane(3, 0) // '<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>'
 */
export function frozenPane(rows: number, columns: number): string {
  if (rows <= 0 && columns <= 0) return "";
  const active = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const split = (columns > 0 ? ` xSplit="${columns}"` : "") + (rows > 0 ? ` ySplit="${rows}"` : "");
  return (
    `<pane${split} topLeftCell="${cellRef(rows + 1, columns)}" activePane="${active}" state="frozen"/>` +
    `<selection pane="${active}"/>`
  );
}

/**
 * Row height in points for a line of text in a `size`-point font, with room above for the
 * stacked diacritics of Vietnamese capitals.
 *
 * @example titleRowHeight(14) === 24
 */
export function titleRowHeight(size: number): number {
  return Math.ceil(size * 1.7);
}

/** Excel's default column width (characters) and the height of one line of 11-point text. */
const DEFAULT_WIDTH = 8.43;
const LINE_POINTS = 15;

/**
 * Lines a wrapped text takes in a column `width` characters wide, words kept whole as the
 * spreadsheet wraps them (at most 6: a header longer than that should be shortened, not
 * given a giant row).
 *
 * @example wrappedLines("Tổng điểm tính toán", 12) === 2
 */
export function wrappedLines(text: string, width: number): number {
  return Math.min(6, wrappedLineCount(text, width));
}

/**
 * The page setup of a sheet we write (A4).
 *
 * @example pageSetupXml({ landscape: true, fitToWidth: true }) // '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
 */
export function pageSetupXml(print: { landscape: boolean; fitToWidth: boolean }): string {
  const orientation = print.landscape ? "landscape" : "portrait";
  const fit = print.fitToWidth ? ` fitToWidth="1" fitToHeight="0"` : "";
  return `<pageSetup paperSize="9" orientation="${orientation}"${fit}/>`;
}

/**
 * A sheet plan as a sheet to write: its values, widths, frozen panes and print setup as
 * planned, and each cell's look from the plan's title, header and summary rows,
 * highlighted and wrapped cells and number formats.
 *
 * @example planSheet(buildRollupSheets(rollup)[0]).widths
 */
export function planSheet(plan: SheetPlan): Omit<NewSheet, "drawingRelId"> {
  const headers = new Set(plan.headerRows);
  const summaries = new Set(plan.summaryRows);
  const highlighted = new Set(plan.highlightedCells.map(({ row, column }) => `${row}:${column}`));
  const wrapped = new Set(plan.wrappedCells.map(({ row, column }) => `${row}:${column}`));
  return {
    values: plan.values,
    widths: plan.widths,
    frozenRows: plan.frozenRows,
    frozenColumns: plan.frozenColumns,
    print: plan.print,
    lookAt: (r, c) => {
      const look: CellLook = {};
      const format = plan.numberFormats[r]?.[c];
      if (format && format !== "General") look.numberFormat = format;
      if (r === 0 && c === 0 && plan.titleSize !== null)
        Object.assign(look, { bold: true, size: plan.titleSize });
      if (headers.has(r))
        Object.assign(look, {
          bold: true,
          fill: plan.fills.header,
          wrap: true,
          vertical: "center",
        });
      else if (summaries.has(r)) Object.assign(look, { bold: true, fill: plan.fills.summary });
      else if (wrapped.has(`${r}:${c}`)) Object.assign(look, { wrap: true, vertical: "top" });
      if (highlighted.has(`${r}:${c}`)) look.fill = plan.fills.highlight;
      return Object.keys(look).length > 0 ? look : undefined;
    },
  };
}

/**
 * The plan's bar chart, if it has one: categories and series read from its rows, placed
 * where the plan anchors it.
 *
 * @example planChart(buildRollupSheets(rollup)[0])?.anchorColumn
 */
export function planChart(plan: SheetPlan): BarChartData | undefined {
  const chart = plan.chart;
  if (!chart) return undefined;
  const rows = plan.values.slice(chart.firstRow, chart.lastRow + 1);
  const header = plan.values[chart.headerRow] ?? [];
  const number = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);
  return {
    sheet: plan.name,
    title: chart.title,
    headerRow: chart.headerRow + 1,
    categoryColumn: chart.categoryColumn,
    firstRow: chart.firstRow + 1,
    lastRow: chart.lastRow + 1,
    categories: rows.map((row) => String(row[chart.categoryColumn] ?? "")),
    series: chart.valueColumns.map((column) => ({
      name: String(header[column] ?? ""),
      column,
      values: rows.map((row) => number(row[column])),
    })),
    anchorColumn: chart.anchor.column,
    anchorRow: chart.anchor.row,
    size: chart.size,
    firstOnTop: chart.firstOnTop,
  };
}

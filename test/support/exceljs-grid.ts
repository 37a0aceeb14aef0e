/**
 * ExcelJS helpers for tests and fixture generators (an independent reader and
 * writer): worksheet → core grid, and the criteria sheet written with ExcelJS. The CLI
 * itself reads with src/xlsx/read-workbook.ts and writes with src/xlsx/patch-workbook.ts.
 */
import ExcelJS from "exceljs";
import { excelSerial } from "../../src/core/parse/dates";
import type { Grid } from "../../src/core/read/grid";
import { markersOnSheet, type DefinedName } from "../../src/core/read/markers";
import type { SheetContent } from "../../src/core/criteria/criteria-sheet";
import { CRITERIA_SHEET_NAME } from "../../src/core/read/output-columns";
import type { CellValue } from "../../src/core/parse/values";
import { COLORS } from "../../src/core/write/write-plan";

/** Converts one ExcelJS cell value to what Office.js `range.values` would give. */
export function toGridValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  if (value instanceof Date)
    return excelSerial(value.toISOString().slice(0, 10)) + fractionOfDay(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value)
    return toGridValue((value as ExcelJS.CellFormulaValue).result ?? "");
  if ("text" in value)
    return typeof value.text === "string"
      ? value.text
      : toGridValue(value.text as ExcelJS.CellValue);
  return "";
}

function fractionOfDay(date: Date): number {
  const ms =
    date.getUTCHours() * 3_600_000 + date.getUTCMinutes() * 60_000 + date.getUTCSeconds() * 1000;
  return ms / 86_400_000;
}

/** Reads a worksheet as a grid (a merged block keeps its value in its top-left cell only). */
export function worksheetToGrid(sheet: ExcelJS.Worksheet, names: DefinedName[] = []): Grid {
  const rowCount = sheet.rowCount;
  const columnCount = sheet.columnCount;
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const row = sheet.getRow(r);
    const rowValues: CellValue[] = [];
    const rowFormats: string[] = [];
    for (let c = 1; c <= columnCount; c++) {
      const cell = row.getCell(c);
      const isSlave = cell.isMerged && cell.master.address !== cell.address;
      rowValues.push(isSlave ? "" : toGridValue(cell.value));
      rowFormats.push(cell.numFmt ?? "General");
    }
    values.push(rowValues);
    numberFormats.push(rowFormats);
  }
  return {
    sheetName: sheet.name,
    values,
    numberFormats,
    firstRow: 1,
    firstColumn: 0,
    markers: markersOnSheet(names, sheet.name),
  };
}

const argb = (hex: string) => `FF${hex.replace("#", "")}`;

/** Bold, filled, wrapped: the look of every header row the tools write. */
function styleHeaderRow(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: argb(COLORS.outputHeaderFill) },
    };
    cell.alignment = { wrapText: true, vertical: "middle" };
  });
}

/** A new sheet replacing any of the same name, filled with values (empty cells left out). */
function freshSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  values: ReadonlyArray<ReadonlyArray<CellValue>>,
  widths: number[],
  options?: Partial<ExcelJS.AddWorksheetOptions>
): ExcelJS.Worksheet {
  const old = workbook.getWorksheet(name);
  if (old) workbook.removeWorksheet(old.id);
  const sheet = workbook.addWorksheet(name, options);
  values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value !== "" && value !== null) sheet.getCell(r + 1, c + 1).value = value;
    });
  });
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  return sheet;
}

/** Adds (or replaces) the "Bộ tiêu chí" sheet with a criteria set. */
export function writeCriteriaSheet(
  workbook: ExcelJS.Workbook,
  content: SheetContent
): ExcelJS.Worksheet {
  const widths = [10, 10, 60, 10, 22, 12, 12, 12, 14, 10, 10, 14, 22, 36, 14, 30, 14];
  const sheet = freshSheet(workbook, CRITERIA_SHEET_NAME, content.values, widths, {
    views: [{ state: "frozen", ySplit: content.headerRow + 1 }],
  });
  content.numberFormats.forEach((row, r) =>
    row.forEach((format, c) => {
      if (format !== "General") sheet.getCell(r + 1, c + 1).numFmt = format;
    })
  );
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  styleHeaderRow(sheet.getRow(content.headerRow + 1));
  return sheet;
}

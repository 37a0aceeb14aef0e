/**
 * .xlsx files through ExcelJS: worksheet → core grid, and a write plan → worksheet.
 * No business rule here: what to write is decided by the core (write-plan, summary).
 */
import ExcelJS from "exceljs";
import { excelSerial } from "../core/dates";
import type { Grid } from "../core/grid";
import { markersOnSheet, type DefinedName } from "../core/markers";
import type { SheetContent } from "../core/criteria-sheet";
import { CRITERIA_SHEET_NAME, SUMMARY_SHEET_NAME } from "../core/output-columns";
import type { SummarySheet } from "../core/summary";
import type { CellValue } from "../core/values";
import {
  COLORS,
  isStateCell,
  stateFormulaAt,
  isOwnConditionalFormula,
  type SheetWritePlan,
} from "../core/write-plan";

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

/** The workbook's defined names with their first reference. */
export function definedNames(workbook: ExcelJS.Workbook): DefinedName[] {
  const model = (
    workbook.definedNames as unknown as { model: Array<{ name: string; ranges: string[] }> }
  ).model;
  return model
    .filter((n) => n.ranges.length > 0)
    .map((n) => ({ name: n.name, reference: n.ranges[0] }));
}

/** Replaces this sheet's markers from an earlier run with the plan's. */
export function applyMarkers(workbook: ExcelJS.Workbook, plan: SheetWritePlan): void {
  const names = workbook.definedNames as unknown as {
    model: Array<{ name: string; ranges: string[] }>;
  };
  const stale = new Set([...plan.staleMarkers, ...plan.markers.map((m) => m.name)]);
  names.model = [
    ...names.model.filter((n) => !stale.has(n.name)),
    ...plan.markers.map((m) => ({ name: m.name, ranges: [m.reference.replace(/^=/, "")] })),
  ];
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

/** Carries out a sheet's write plan: owned cells, their formats and conditional rules. */
export function applySheetPlan(sheet: ExcelJS.Worksheet, plan: SheetWritePlan): void {
  for (const table of plan.tables) {
    const headerFill: ExcelJS.Fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: argb(COLORS.outputHeaderFill) },
    };
    const wrap: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: "top" };
    // The state formula is the same for every row but its row number: written once as a
    // shared formula, which keeps large files small.
    let master: { address: string; ref: string } | null = null;
    table.values.forEach((row, i) => {
      const isHeader = table.headerOffsets.includes(i);
      row.forEach((planned, k) => {
        const r = table.top + 1 + i;
        const c = table.left + 1 + k;
        if (planned === "") {
          // Only clear what a previous run left; never create empty styled cells.
          const old = sheet.findCell(r, c);
          if (old && old.value !== null) old.value = null;
          return;
        }
        const cell = sheet.getCell(r, c);
        if (isStateCell(planned)) {
          if (master) {
            cell.value = {
              sharedFormula: master.address,
              result: planned.value,
            } as ExcelJS.CellSharedFormulaValue;
          } else {
            const last = sheet.getCell(table.top + table.values.length, c).address;
            master = { address: cell.address, ref: `${cell.address}:${last}` };
            cell.value = {
              formula: stateFormulaAt(table, r),
              result: planned.value,
              shareType: "shared",
              ref: master.ref,
            } as ExcelJS.CellFormulaValue;
          }
        } else {
          cell.value = planned;
        }
        if (isHeader) {
          cell.fill = headerFill;
          cell.font = { bold: true };
          cell.alignment = wrap;
        } else if (table.numberFormats[k] !== "General" && table.numberFormats[k] !== "@") {
          cell.numFmt = table.numberFormats[k];
        } else if (typeof planned === "string") {
          cell.alignment = wrap;
        }
      });
    });
    table.widths.forEach((width, k) => {
      sheet.getColumn(table.left + 1 + k).width = width;
    });
    // Re-runs replace the rules they wrote before instead of stacking new copies.
    const existing =
      (sheet as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] })
        .conditionalFormattings ?? [];
    const kept = existing.filter(
      (cf) =>
        !cf.rules.some(
          (rule) =>
            "formulae" in rule &&
            isOwnConditionalFormula(String(rule.formulae?.[0] ?? ""), table.dueLetter)
        )
    );
    (
      sheet as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }
    ).conditionalFormattings = kept;
    for (const rule of table.conditionalRules) {
      sheet.addConditionalFormatting({
        ref: rule.range,
        rules: [
          {
            type: "expression",
            priority: rule.kind === "overdue" ? 1 : 2,
            formulae: [rule.formula],
            style: {
              fill: {
                type: "pattern",
                pattern: "solid",
                bgColor: {
                  argb: argb(rule.kind === "overdue" ? COLORS.overdueFill : COLORS.dueSoonFill),
                },
              },
            },
          },
        ],
      });
    }
  }
}

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

/** Replaces the "Tổng hợp" sheet with a fresh one (the tools own it entirely). */
export function writeSummarySheet(
  workbook: ExcelJS.Workbook,
  summary: SummarySheet
): ExcelJS.Worksheet {
  const sheet = freshSheet(workbook, SUMMARY_SHEET_NAME, summary.values, [14, 50, 12, 18, 18]);
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  for (const r of summary.headerRows) styleHeaderRow(sheet.getRow(r + 1));
  return sheet;
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

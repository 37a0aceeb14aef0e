/* global Excel */
/**
 * What the task pane and the ribbon command need from Excel, behind one interface so
 * that tests and the browser preview can run the same code against a fake workbook.
 */
import { toIso } from "../core/parse/dates";
import { findBuiltInSet } from "../core/criteria-sets";
import type { ScoringSettings } from "../core/settings";
import { deriveSetFromGrids } from "../core/assessment/derive-set";
import {
  officeSupports,
  readActiveSheetGrid,
  scoreActiveSheet,
  type ScoreOutcome,
  type SupportsExcelApi,
} from "./score-active-sheet";
import { insertCriteriaSheet, type InsertOutcome } from "./criteria-sheet";
import { describeOfficeError, type ErrorPlace } from "./office-errors";

/**
 * Splits "'Bộ tiêu chí'!D7" into the sheet name and the cell.
 *
 * @example splitAddress("'Bộ tiêu chí'!D7") // { sheet: "Bộ tiêu chí", cell: "D7" }
 */
export function splitAddress(address: string): { sheet: string; cell: string } {
  const bang = address.lastIndexOf("!");
  const rawSheet = address.slice(0, bang);
  const sheet = rawSheet.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  return { sheet, cell: address.slice(bang + 1) };
}

export type RunInExcel = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface WorkbookApi {
  score(settings: ScoringSettings): Promise<ScoreOutcome>;
  selectRow(sheet: string, row: number): Promise<void>;
  /** Selects a cell given as "'Bộ tiêu chí'!D7". */
  selectAddress(address: string): Promise<void>;
  /** Adds the chosen built-in set as the editable "Bộ tiêu chí" sheet. */
  insertCriteriaSheet(setId: string): Promise<InsertOutcome>;
  /**
   * Takes the criteria set the active sheet's self-assessment table carries (areas,
   * criteria, maxima, options, method) and adds it as the "Bộ tiêu chí" sheet.
   */
  insertCriteriaFromActiveSheet(): Promise<InsertOutcome>;
}

/**
 * A Vietnamese message for an error thrown by Office.js or the adapter (see
 * office-errors.ts): `place` says where it happened, and only a caller that knows nothing
 * was written yet (`nothingWritten`) may say so.
 */
export function describeError(
  error: unknown,
  options: { nothingWritten?: boolean; place?: ErrorPlace } = {}
): string {
  return describeOfficeError(error, options);
}

export function createWorkbookApi(
  run: RunInExcel,
  clock: () => Date = () => new Date(),
  supports: SupportsExcelApi = officeSupports
): WorkbookApi {
  return {
    async score(settings) {
      const criteria = settings.criteriaSetId
        ? (findBuiltInSet(settings.criteriaSetId) ?? null)
        : null;
      if (settings.criteriaSetId && !criteria) {
        return {
          ok: false,
          message: `Không tìm thấy bộ tiêu chí "${settings.criteriaSetId}" đã chọn: hãy chọn lại bộ tiêu chí trong ngăn Kết quả.`,
        };
      }
      try {
        return await run((context) =>
          scoreActiveSheet(
            context,
            { criteria, today: settings.today ?? toIso(clock()), soonDays: settings.soonDays },
            { supports }
          )
        );
      } catch (error) {
        // scoreActiveSheet reports write failures itself: what reaches here failed while reading.
        return { ok: false, message: describeError(error, { nothingWritten: true }) };
      }
    },
    async selectAddress(address) {
      const { sheet, cell } = splitAddress(address);
      await run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      });
    },
    async insertCriteriaSheet(setId) {
      const set = findBuiltInSet(setId);
      if (!set) return { ok: false, message: `Không có bộ tiêu chí "${setId}".` };
      try {
        return await run((context) => insertCriteriaSheet(context, set));
      } catch (error) {
        return { ok: false, message: describeError(error, { place: "criteria" }) };
      }
    },
    async insertCriteriaFromActiveSheet() {
      try {
        return await run(async (context) => {
          const read = await readActiveSheetGrid(context, { supports });
          if (!read.ok) return read;
          const derived = deriveSetFromGrids([read.grid]);
          if (!derived) {
            return {
              ok: false,
              message: `Trang "${read.grid.sheetName}" không có bảng tự đánh giá (cần các cột như "Lĩnh vực/Tiêu chí/Tiêu chí thành phần" và "Điểm tối đa"): hãy mở trang biểu tự chấm điểm rồi thử lại.`,
            };
          }
          return insertCriteriaSheet(context, derived.set);
        });
      } catch (error) {
        return { ok: false, message: describeError(error, { place: "criteria" }) };
      }
    },
    async selectRow(sheet, row) {
      await run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(`${row}:${row}`).select();
        await context.sync();
      });
    },
  };
}

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

/** Office error codes a user can meet, with what to do about them. */
const OFFICE_ERRORS: Record<string, string> = {
  InvalidOperationInCellEditMode:
    "Excel đang ở chế độ sửa ô: hãy nhấn Enter hoặc Esc để thoát khỏi ô đang sửa rồi bấm Chấm điểm lại.",
  AccessDenied:
    "Excel không cho phép ghi vào sổ làm việc này (có thể đang ở chế độ chỉ đọc hoặc bị bảo vệ): hãy mở bản có quyền sửa rồi chấm lại.",
  ItemNotFound:
    "Không tìm thấy trang hoặc dòng cần chọn: có thể trang đã bị đổi tên hoặc xoá; hãy chấm điểm lại.",
};

/**
 * A Vietnamese message for an error thrown by Office.js or the adapter. Only a caller
 * that knows nothing was written yet (`nothingWritten`) may say so: a batch is not
 * atomic, and an error at a sync can follow writes that were applied.
 */
export function describeError(error: unknown, { nothingWritten = false } = {}): string {
  const code = (error as { code?: string } | null)?.code;
  const unchanged = nothingWritten ? " Chưa có ô nào bị thay đổi." : "";
  if (code && OFFICE_ERRORS[code]) return `${OFFICE_ERRORS[code]}${unchanged}`;
  const detail = error instanceof Error ? error.message : String(error);
  return `Không thực hiện được do lỗi từ Excel (${code ?? "không rõ mã"}: ${detail}).${unchanged} Hãy thử lại; nếu vẫn lỗi, hãy gửi thông báo này cho bộ phận hỗ trợ.`;
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
        return { ok: false, message: describeError(error) };
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
        return { ok: false, message: describeError(error) };
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

/**
 * A workbook with a criteria set as its editable "Bộ tiêu chí" sheet, from bytes to bytes:
 * the command line's `criteria-sheet` and the page's "Lấy bộ tiêu chí từ bảng này" call it,
 * so both write the same bytes (fflate's deflate by default, as the scored copy).
 */
import { deriveSetFromGrids } from "../core/assessment/derive-set";
import { criteriaSetToSheet } from "../core/criteria/criteria-sheet";
import type { CriteriaSet } from "../core/criteria/schema";
import { CRITERIA_SHEET_NAME, sameSheetName } from "../core/read/output-columns";
import type { InflateRaw } from "../xlsx/package";
import { patchWorkbook } from "../xlsx/patch-workbook";
import type { ReadWorkbookResult } from "../xlsx/read-workbook";
import type { ZipOptions } from "../xlsx/zip-package";
import { AppError, readBook } from "./score-file";

/** The workbook already has a "Bộ tiêu chí" sheet and replacing it was not asked for. */
export class CriteriaSheetExistsError extends AppError {
  constructor(
    readonly file: string,
    readonly existing: string,
    readonly setName: string
  ) {
    super(
      `Tệp "${file}" đã có trang "${existing}": công cụ không ghi đè trang đó (có thể đơn vị đã sửa). Muốn thay bằng bộ tiêu chí "${setName}", chạy lại với --replace; muốn giữ, sửa trực tiếp trang đó trong Excel. Chưa ghi tệp nào.`
    );
    this.name = "CriteriaSheetExistsError";
  }
}

/** The criteria set of the first self-assessment table in a workbook; an AppError without one. */
export function tableSetOf(book: ReadWorkbookResult, name: string): CriteriaSet {
  const derived = deriveSetFromGrids(book.sheets.map((sheet) => sheet.grid));
  if (!derived)
    throw new AppError(
      `Không tìm thấy bảng tự đánh giá trong "${name}": cần một dòng tiêu đề có cột tiêu chí (ví dụ "Lĩnh vực/Tiêu chí/Tiêu chí thành phần") và cột "Điểm tối đa" cùng "Điểm tự chấm" (hoặc "Điểm thẩm định").`
    );
  return derived.set;
}

export interface CriteriaSheetResult {
  copy: Uint8Array;
  set: CriteriaSet;
  /** The sheet's name in the copy. */
  sheetName: string;
  /** True when a sheet the workbook had was replaced. */
  replaced: boolean;
}

export interface WithCriteriaSheetOptions {
  /** The file's name as the messages show it. */
  name: string;
  /** Replace a "Bộ tiêu chí" sheet the workbook already has (never without being asked). */
  replace?: boolean;
  compressor?: ZipOptions["compressor"];
}

/** The workbook's bytes with `set` as its "Bộ tiêu chí" sheet (the rest of the package kept). */
export function withCriteriaSheet(
  bytes: Uint8Array,
  book: ReadWorkbookResult,
  set: CriteriaSet,
  options: WithCriteriaSheetOptions
): CriteriaSheetResult {
  const existing = book.package.sheets.find((s) => sameSheetName(s.name, CRITERIA_SHEET_NAME));
  if (existing && !options.replace)
    throw new CriteriaSheetExistsError(options.name, existing.name, set.name);
  const sheetName = existing?.name ?? CRITERIA_SHEET_NAME;
  const copy = patchWorkbook(
    bytes,
    {
      plans: [],
      criteriaSheet: {
        content: criteriaSetToSheet(set),
        name: sheetName,
        replace: existing !== undefined,
      },
    },
    options.compressor ? { compressor: options.compressor } : {},
    book
  );
  return { copy, set, sheetName, replaced: existing !== undefined };
}

/**
 * "Lấy bộ tiêu chí từ bảng này": the workbook with the set its self-assessment table carries
 * as its "Bộ tiêu chí" sheet (`criteria-sheet --from <table.xlsx> --out <new.xlsx>`).
 */
export function criteriaSheetFromTable(
  bytes: Uint8Array,
  options: WithCriteriaSheetOptions & { inflateRaw?: InflateRaw }
): CriteriaSheetResult {
  const book = readBook(bytes, options.name, { inflateRaw: options.inflateRaw });
  return withCriteriaSheet(bytes, book, tableSetOf(book, options.name), options);
}

/** "bang.xlsx" → "bang.bo-tieu-chi.xlsx" (the name the command line writes by default). */
export function criteriaSheetName(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0
    ? `${name.slice(0, dot)}.bo-tieu-chi${name.slice(dot)}`
    : `${name}.bo-tieu-chi.xlsx`;
}

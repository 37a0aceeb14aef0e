/**
 * One workbook scored, from its bytes to the scored copy's bytes: the whole job of the
 * score command, the same for the command line and the page (no file system, no DOM).
 */
import { toIso } from "../core/parse/dates";
import { protectedSheetMessage } from "../core/read/grid";
import { scoreWorkbook } from "../core/run";
import type { CriteriaSet } from "../core/criteria/schema";
import { normalizeVi } from "../core/parse/text";
import { isCriteriaSheet, readCriteriaSheet } from "../core/criteria/criteria-sheet";
import { findBuiltInSet } from "../core/criteria-sets";
import { byteKind, unreadableKind } from "../xlsx/file-kind";
import { isPackageError } from "../xlsx/package-error";
import { DEFAULT_LIMITS, inputTooLarge } from "../xlsx/limits";
import type { InflateRaw } from "../xlsx/package";
import type { ZipOptions } from "../xlsx/zip-package";
import { patchWorkbook } from "../xlsx/patch-workbook";
import { readWorkbook, type ReadWorkbookResult } from "../xlsx/read-workbook";
import { RunOptionsSchema, TABLE_OWN_SET, type RunOptions } from "./options";

/** A refusal with the Vietnamese message every front end shows as is; 2: wrong usage. */
export class AppError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1
  ) {
    super(message);
    this.name = "AppError";
  }
}

export interface ScoreFileOptions extends RunOptions {
  /** The file's name as the messages show it. */
  name: string;
  /** A set given by the user (a JSON file); wins over criteriaSetId and the workbook's own. */
  criteria?: CriteriaSet | null;
  /** Only this sheet (name compared without case and diacritics). */
  sheet?: string;
  /** The platform's inflate and deflate (Node's zlib); default: fflate, the same everywhere. */
  inflateRaw?: InflateRaw;
  compressor?: ZipOptions["compressor"];
}

export type WorkbookRun = ReturnType<typeof scoreWorkbook>;

export interface ScoredFile {
  run: WorkbookRun;
  /** The scored copy: the input package with our cells, names and summary sheet. */
  copy: Uint8Array;
  /** The set the run was given (chosen, or the workbook's "Bộ tiêu chí" sheet), or null. */
  criteria: CriteriaSet | null;
  /** The run's notices, in Vietnamese, as every front end shows them. */
  messages: string[];
}

/** The reader's refusal (PackageError) as a message that names the file, else null. */
export function packageErrorMessage(name: string, error: unknown): string | null {
  return isPackageError(error) ? `Không đọc được "${name}": ${error.message}` : null;
}

/**
 * The refusal for bytes that are not an .xlsx package (empty, too large, .xls, .ods, CSV,
 * a password-protected file), naming the file and what to do; null for a zip.
 */
export function wrongKindMessage(name: string, bytes: Uint8Array): string | null {
  if (bytes.length === 0) return `Không đọc được "${name}": ${unreadableKind("empty").message}`;
  if (bytes.length > DEFAULT_LIMITS.maxInputBytes)
    return `Không đọc được "${name}": ${inputTooLarge(bytes.length, DEFAULT_LIMITS).message}`;
  const kind = byteKind(bytes);
  if (kind === "zip") return null;
  const refusal = kind === "cfb" ? unreadableKind("xls") : unreadableKind(kind);
  return `Không đọc được "${name}": ${refusal.message}`;
}

/** Reads a workbook package; a refusal is an AppError naming the file. */
export function readBook(
  bytes: Uint8Array,
  name: string,
  options: { keepLayouts?: boolean; inflateRaw?: InflateRaw } = {}
): ReadWorkbookResult {
  const wrong = wrongKindMessage(name, bytes);
  if (wrong) throw new AppError(wrong);
  try {
    return readWorkbook(bytes, undefined, {
      keepLayouts: options.keepLayouts ?? false,
      ...(options.inflateRaw ? { inflateRaw: options.inflateRaw } : {}),
    });
  } catch (error) {
    const refusal = packageErrorMessage(name, error);
    if (refusal) throw new AppError(refusal);
    throw error;
  }
}

/** The set in the workbook's "Bộ tiêu chí" sheet, null without one; an AppError when invalid. */
export function criteriaOfBook(book: ReadWorkbookResult): CriteriaSet | null {
  const sheet = book.sheets.find((ws) => isCriteriaSheet({ sheetName: ws.name, values: [] }));
  if (!sheet) return null;
  const result = readCriteriaSheet(sheet.grid);
  if (result.ok) return result.value;
  throw new AppError(
    `Trang "${sheet.name}" có lỗi, chưa chấm điểm:\n${result.problems.map((p) => `  - ${p.message}`).join("\n")}`
  );
}

/** The options checked by the one schema; a wrong one is an AppError (wrong usage). */
export function checkedOptions(options: RunOptions): RunOptions {
  const parsed = RunOptionsSchema.safeParse({
    today: options.today,
    soonDays: options.soonDays,
    planYear: options.planYear,
    criteriaSetId: options.criteriaSetId,
  });
  if (!parsed.success) throw new AppError(parsed.error.issues[0].message, 2);
  return parsed.data;
}

/**
 * Scores a workbook's bytes and writes the scored copy's bytes. The criteria: the set given,
 * else the built-in set chosen, else the workbook's own "Bộ tiêu chí" sheet, else the one the
 * table carries (only that one with TABLE_OWN_SET). Throws an AppError with the message to show when nothing can be written.
 */
export function scoreFile(bytes: Uint8Array, options: ScoreFileOptions): ScoredFile {
  const { name } = options;
  const checked = checkedOptions(options);
  const book = readBook(bytes, name, { keepLayouts: true, inflateRaw: options.inflateRaw });
  const tableOwn = checked.criteriaSetId === TABLE_OWN_SET;
  const chosen =
    checked.criteriaSetId && !tableOwn ? (findBuiltInSet(checked.criteriaSetId) ?? null) : null;
  if (checked.criteriaSetId && !tableOwn && !chosen)
    throw new AppError(`Không có bộ tiêu chí "${checked.criteriaSetId}".`, 2);
  // The set choice (src/app/options.ts): given or built-in over the workbook's sheet, as the
  // command line's --criteria; the table's own (null: the core derives it) leaves the sheet aside.
  const criteria = options.criteria ?? chosen ?? (tableOwn ? null : criteriaOfBook(book));
  const sheets = book.sheets.filter(
    (ws) => !options.sheet || normalizeVi(ws.name) === normalizeVi(options.sheet)
  );
  if (options.sheet && sheets.length === 0) {
    throw new AppError(
      `Không có trang "${options.sheet}" trong tệp. Các trang: ${book.sheets.map((ws) => ws.name).join(", ")}.`,
      2
    );
  }
  const run = scoreWorkbook(
    sheets.map((ws) => ws.grid),
    {
      criteria,
      today: checked.today ?? toIso(new Date()),
      soonDays: checked.soonDays,
      planYear: checked.planYear,
      // Every sheet (chart sheets too): our summary never takes a name already in use.
      workbook: { sheetNames: book.package.sheets.map((s) => s.name), names: book.names },
    }
  );
  if (run.blocked) throw new AppError(run.blocked);
  // As the add-in: a protected sheet we would write on is refused before anything is written.
  const written = new Set(run.plans.filter((p) => p.tables.length > 0).map((p) => p.sheet));
  const locked = sheets.find((ws) => ws.grid.protected && written.has(ws.grid.sheetName));
  if (locked) throw new AppError(protectedSheetMessage(locked.name));
  if (run.results.every((sheet) => sheet.tables.length === 0)) {
    throw new AppError(
      `Không tìm thấy bảng phụ lục nào trong "${name}", chưa ghi tệp nào:\n${run.summary.notices.map((n) => `  - ${n}`).join("\n")}`
    );
  }
  let copy: Uint8Array;
  try {
    copy = patchWorkbook(
      bytes,
      { plans: run.plans, summary: run.summarySheet },
      options.compressor ? { compressor: options.compressor } : {},
      book
    );
  } catch (error) {
    const refusal = packageErrorMessage(name, error);
    if (refusal) throw new AppError(refusal);
    throw error;
  }
  return { run, copy, criteria, messages: run.summary.notices };
}

/** "phu-luc.xlsx" → "phu-luc.scored.xlsx" (the name the command line writes by default). */
export function scoredName(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? `${name.slice(0, dot)}.scored${name.slice(dot)}` : `${name}.scored.xlsx`;
}

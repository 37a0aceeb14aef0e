/**
 * criteria-sheet: put a criteria set into a workbook as the editable "Bộ tiêu chí" sheet,
 * or print a workbook's sheet back as JSON.
 *   npm run score -- criteria-sheet <set.json> --into <workbook.xlsx> --out <new.xlsx> [--replace]
 *   npm run score -- criteria-sheet --export <workbook.xlsx>
 */
import type { CriteriaSet } from "../core/criteria/schema";
import { CRITERIA_SHEET_NAME } from "../core/read/output-columns";
import { AppError } from "../app/score-file";
import { tableSetOf, withCriteriaSheet } from "../app/criteria-sheet-file";
import { CliError, criteriaFromWorkbook, loadCriteriaSet, loadWorkbook } from "./score-command";
import { chooseOutput, resolveUserPath, shownPath, writeFileAtomic } from "./files";

/** The application layer's refusal as the command's (same message, same exit code). */
function asCliError(error: unknown): unknown {
  return error instanceof AppError ? new CliError(error.message, error.exitCode) : error;
}

export interface CriteriaSheetOptions {
  into?: string;
  out?: string;
  export?: string;
  /** A self-assessment table whose own criteria set is printed or written. */
  from?: string;
  /** Replace a "Bộ tiêu chí" sheet the workbook already has (never without being asked). */
  replace?: boolean;
}

/** The criteria set of the first self-assessment table in a workbook; exit 1 without one. */
async function setFromTable(
  file: string,
  setFile: string | undefined,
  exportFile: string | undefined
): Promise<CriteriaSet> {
  if (setFile || exportFile)
    throw new CliError(
      "Dùng --from riêng: criteria-sheet --from <bảng-tự-đánh-giá.xlsx> [--into <tệp.xlsx>] [--out <tệp-mới.xlsx>]",
      2
    );
  const { book } = await loadWorkbook(file);
  try {
    return tableSetOf(book, file);
  } catch (error) {
    throw asCliError(error);
  }
}

export async function runCriteriaSheet(
  setFile: string | undefined,
  options: CriteriaSheetOptions,
  io: { out: (text: string) => void }
): Promise<void> {
  // --from: the set a self-assessment table carries, as JSON or (--into/--out) as the sheet.
  const fromSet = options.from ? await setFromTable(options.from, setFile, options.export) : null;
  if (fromSet && !options.into && !options.out) {
    io.out(`${JSON.stringify(fromSet, null, 2)}\n`);
    return;
  }
  if (options.export) {
    if (setFile || options.into)
      throw new CliError("Dùng --export riêng: criteria-sheet --export <tệp.xlsx>", 2);
    const set = criteriaFromWorkbook(await loadWorkbook(options.export));
    if (!set)
      throw new CliError(`Tệp "${options.export}" không có trang "${CRITERIA_SHEET_NAME}".`);
    io.out(`${JSON.stringify(set, null, 2)}\n`);
    return;
  }
  const into = options.into ?? options.from;
  if ((!setFile && !fromSet) || !into) {
    throw new CliError(
      "Cần tệp bộ tiêu chí và --into: criteria-sheet <bo-tieu-chi.json> --into <tệp.xlsx> [--out <tệp-mới.xlsx>]",
      2
    );
  }
  const output = await chooseOutput(
    resolveUserPath(into),
    options.out === undefined ? undefined : resolveUserPath(options.out),
    ".bo-tieu-chi"
  );
  const out = shownPath(output.path);
  const set = fromSet ?? (await loadCriteriaSet(setFile!));
  const workbook = await loadWorkbook(into);
  // The application layer writes it (src/app), the same bytes as the page's download.
  let written;
  try {
    written = withCriteriaSheet(workbook.bytes, workbook.book, set, {
      name: shownPath(resolveUserPath(into)),
      replace: options.replace,
    });
  } catch (error) {
    throw asCliError(error);
  }
  const { copy, sheetName, replaced } = written;
  await writeFileAtomic(output.path, copy);
  if (output.keptExisting)
    io.out(`Đã có "${shownPath(output.keptExisting)}" nên không ghi đè: ghi ra tệp mới.\n`);
  io.out(`Đã ${replaced ? "thay" : "thêm"} trang "${sheetName}" (${set.name}) vào ${out}\n`);
}

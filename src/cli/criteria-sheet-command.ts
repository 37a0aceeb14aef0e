/**
 * criteria-sheet: put a criteria set into a workbook as the editable "Bộ tiêu chí" sheet,
 * or print a workbook's sheet back as JSON.
 *   npm run score -- criteria-sheet <set.json> --into <workbook.xlsx> --out <new.xlsx>
 *   npm run score -- criteria-sheet --export <workbook.xlsx>
 */
import { criteriaSetToSheet } from "../core/criteria-sheet";
import { CRITERIA_SHEET_NAME } from "../core/output-columns";
import { CliError, criteriaFromWorkbook, loadCriteriaSet, loadWorkbook } from "./score-command";
import { writeCriteriaSheet } from "./xlsx";
import { chooseOutput, resolveUserPath, shownPath, writeFileAtomic } from "./files";

export interface CriteriaSheetOptions {
  into?: string;
  out?: string;
  export?: string;
}

export async function runCriteriaSheet(
  setFile: string | undefined,
  options: CriteriaSheetOptions,
  io: { out: (text: string) => void }
): Promise<void> {
  if (options.export) {
    if (setFile || options.into)
      throw new CliError("Dùng --export riêng: criteria-sheet --export <tệp.xlsx>", 2);
    const set = criteriaFromWorkbook(await loadWorkbook(options.export));
    if (!set)
      throw new CliError(`Tệp "${options.export}" không có trang "${CRITERIA_SHEET_NAME}".`);
    io.out(`${JSON.stringify(set, null, 2)}\n`);
    return;
  }
  if (!setFile || !options.into) {
    throw new CliError(
      "Cần tệp bộ tiêu chí và --into: criteria-sheet <bo-tieu-chi.json> --into <tệp.xlsx> [--out <tệp-mới.xlsx>]",
      2
    );
  }
  const output = await chooseOutput(
    resolveUserPath(options.into),
    options.out === undefined ? undefined : resolveUserPath(options.out),
    ".bo-tieu-chi"
  );
  const out = shownPath(output.path);
  const set = await loadCriteriaSet(setFile);
  const workbook = await loadWorkbook(options.into);
  writeCriteriaSheet(workbook, criteriaSetToSheet(set));
  await writeFileAtomic(output.path, new Uint8Array(await workbook.xlsx.writeBuffer()));
  if (output.keptExisting)
    io.out(`Đã có "${shownPath(output.keptExisting)}" nên không ghi đè: ghi ra tệp mới.\n`);
  io.out(`Đã thêm trang "${CRITERIA_SHEET_NAME}" (${set.name}) vào ${out}\n`);
}

/**
 * An .xlsx/.xlsm file's bytes → what the core reads: every worksheet as a Grid (with its
 * markers), the workbook's defined names and its date system. Platform-neutral; no
 * business rule. Chart sheets and other non-grid sheets are left out.
 */
import type { Grid } from "../core/read/grid";
import { markersOnSheet, stateColumnsOf, type DefinedName } from "../core/read/markers";
import type { ReadLimits } from "./limits";
import {
  openPackage,
  type OpenOptions,
  type PackageDefinedName,
  type SheetState,
  type XlsxPackage,
} from "./package";
import { PackageError } from "./package-error";
import { readSharedStrings } from "./read-shared-strings";
import { readSheet } from "./read-sheet";
import { readCellStyles } from "./read-styles";
import { layoutRecorder, type SheetLayout } from "./sheet-layout";

export interface WorkbookSheet {
  name: string;
  state: SheetState;
  partPath: string;
  grid: Grid;
}

export interface ReadWorkbookResult {
  kind: "xlsx" | "xlsm";
  /** The file uses the 1904 date system; date serials in the grids are already 1900-based. */
  date1904: boolean;
  /** Defined names (reference without "="). A sheet-scoped name appears once per sheet scope. */
  names: DefinedName[];
  sheets: WorkbookSheet[];
  /** The opened package, for a writer that patches it. */
  package: XlsxPackage;
  /**
   * Each worksheet's layout by part path (`keepLayouts`), recorded in the same pass that
   * read it: the patcher then needs no second pass over the sheets. Empty otherwise.
   */
  layouts: Map<string, SheetLayout>;
}

export interface ReadWorkbookOptions extends OpenOptions {
  /** Record each worksheet's layout while reading it, for a copy to be patched. */
  keepLayouts?: boolean;
}

/** The names a sheet sees: workbook-wide ones and those scoped to that sheet. */
function namesVisibleTo(names: PackageDefinedName[], sheetIndex: number): DefinedName[] {
  return names
    .filter((n) => n.localSheetId === undefined || n.localSheetId === sheetIndex)
    .map((n) => ({ name: n.name, reference: n.reference }));
}

function missingSheetPart(sheetName: string): PackageError {
  return new PackageError(
    "corrupt",
    `Tệp bị hỏng: thiếu nội dung của trang "${sheetName}". Mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi chạy lại.`
  );
}

/** Reads a workbook. Throws PackageError (Vietnamese message) for what it will not read. */
export function readWorkbook(
  bytes: Uint8Array,
  limits?: Partial<ReadLimits>,
  options: ReadWorkbookOptions = {}
): ReadWorkbookResult {
  const pkg = openPackage(bytes, limits, options);
  const stylesBytes = pkg.stylesPath ? pkg.parts.get(pkg.stylesPath) : undefined;
  const styles = readCellStyles(stylesBytes, pkg.stylesPath ?? "");
  const sharedStringsBytes = pkg.sharedStringsPath
    ? pkg.parts.get(pkg.sharedStringsPath)
    : undefined;
  const sharedStrings = readSharedStrings(sharedStringsBytes, pkg.sharedStringsPath ?? "");

  const sheets: WorkbookSheet[] = [];
  const layouts = new Map<string, SheetLayout>();
  pkg.sheets.forEach((entry, index) => {
    if (entry.kind !== "worksheet") return;
    const part = pkg.parts.get(entry.partPath);
    if (!part) throw missingSheetPart(entry.name);
    const recorder = options.keepLayouts ? layoutRecorder() : undefined;
    const markers = markersOnSheet(namesVisibleTo(pkg.definedNames, index), entry.name);
    const grid = readSheet(
      part,
      {
        sheetName: entry.name,
        partPath: entry.partPath,
        sharedStrings,
        styles,
        date1904: pkg.date1904,
        limits: pkg.limits,
        stateColumns: stateColumnsOf(markers),
      },
      recorder?.handlers
    );
    if (recorder) layouts.set(entry.partPath, recorder.finish());
    grid.markers = markers;
    sheets.push({ name: entry.name, state: entry.state, partPath: entry.partPath, grid });
  });

  return {
    kind: pkg.isMacroEnabled ? "xlsm" : "xlsx",
    date1904: pkg.date1904,
    names: pkg.definedNames.map((n) => ({ name: n.name, reference: n.reference })),
    sheets,
    package: pkg,
    layouts,
  };
}

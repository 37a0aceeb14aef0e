/**
 * Where the summary sheet goes, decided once for every front end.
 *
 * A sheet is ours only when we marked it when we made it: a workbook-level defined name
 * (`SUMMARY_MARKER_NAME`) refers to its A1. Offices often have a sheet of their own called
 * "Tổng hợp" (formulas, notes, names pointing into it); it is never deleted or changed:
 * our summary then takes another name and the run says so.
 */
import { parseReference, type DefinedName } from "../read/markers";
import { quoteSheetName } from "../read/grid";
import {
  CRITERIA_SHEET_NAME,
  sameSheetName,
  sheetNameKey,
  SUMMARY_SHEET_NAME,
} from "../read/output-columns";

// Sheet names compare in one place (read/output-columns.ts); importers of this module keep working.
export { sameSheetName } from "../read/output-columns";

/** The defined name that marks the summary sheet as the tools'. */
export const SUMMARY_MARKER_NAME = "_ParIndex_TongHop";

/** Excel's limit on a sheet name's length. */
const MAX_SHEET_NAME_LENGTH = 31;

export interface SummarySheetPlacement {
  /** The sheet to write the summary into. */
  name: string;
  /** True when `name` is our own summary from an earlier run: replace its content. */
  replaces: boolean;
  /** The marker to write (or rewrite) once the sheet is in place. */
  marker: DefinedName;
  /** Vietnamese notice for the report when the usual name was taken by the user's sheet. */
  notice: string | null;
}

/**
 * The name of the sheet our marker points at, when that sheet still exists; else null.
 *
 * @example ownSummarySheet(["Phụ lục", "Tổng hợp"], [{ name: "_ParIndex_TongHop", reference: "='Tổng hợp'!$A$1" }]) === "Tổng hợp"
 */
export function ownSummarySheet(sheetNames: string[], names: DefinedName[]): string | null {
  const marker = names.find((n) => n.name.toLowerCase() === SUMMARY_MARKER_NAME.toLowerCase());
  if (!marker) return null;
  const target = parseReference(marker.reference);
  if (!target) return null; // "#REF!": the sheet was deleted
  return sheetNames.find((name) => sameSheetName(name, target.sheet)) ?? null;
}

/**
 * Decides the summary sheet: ours from an earlier run if there is one, else "Tổng hợp"
 * when that name is free, else "Tổng hợp (tự động)", "Tổng hợp (tự động 2)"…
 *
 * @example planSummarySheet(["Phụ lục", "Tổng hợp"], []).name === "Tổng hợp (tự động)"
 */
export function planSummarySheet(
  sheetNames: string[],
  names: DefinedName[]
): SummarySheetPlacement {
  const own = ownSummarySheet(sheetNames, names);
  if (own !== null)
    return {
      name: own,
      replaces: true,
      marker: summaryMarker(own),
      notice: keptNotice(sheetNames, own),
    };
  const taken = new Set(sheetNames.map(sheetNameKey));
  const candidates = [SUMMARY_SHEET_NAME, `${SUMMARY_SHEET_NAME} (tự động)`];
  for (let n = 2; n < 100; n++) candidates.push(`${SUMMARY_SHEET_NAME} (tự động ${n})`);
  const name = candidates.find(
    (candidate) => candidate.length <= MAX_SHEET_NAME_LENGTH && !taken.has(sheetNameKey(candidate))
  )!;
  return {
    name,
    replaces: false,
    marker: summaryMarker(name),
    notice: keptNotice(sheetNames, name),
  };
}

/**
 * The notice that the office's own "Tổng hợp" was kept, whenever our summary goes elsewhere
 * because of it: on the run that placed it and on every re-run into the same sheet, so the
 * summary sheet and the report are the same each time.
 */
function keptNotice(sheetNames: string[], ours: string): string | null {
  if (sameSheetName(ours, SUMMARY_SHEET_NAME)) return null;
  const theirs = sheetNames.find((s) => sameSheetName(s, SUMMARY_SHEET_NAME));
  if (theirs === undefined) return null;
  return `Tệp đã có trang "${theirs}" của đơn vị: trang đó được giữ nguyên, kết quả tổng hợp ghi vào trang "${ours}".`;
}

function summaryMarker(sheet: string): DefinedName {
  return { name: SUMMARY_MARKER_NAME, reference: `=${quoteSheetName(sheet)}!$A$1` };
}

/**
 * True for the sheets a run reads but never scores as appendix tables: our own summary
 * (by its marker, not by its name) and the criteria sheet.
 */
export function isToolSheet(sheet: string, ownSummary: string | null): boolean {
  return (
    (ownSummary !== null && sameSheetName(sheet, ownSummary)) ||
    sameSheetName(sheet, CRITERIA_SHEET_NAME)
  );
}

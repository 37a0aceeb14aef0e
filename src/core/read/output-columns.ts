/**
 * The columns the add-in and the command line own: appended to the right of each table,
 * recognised by their header text on a re-run so that they are reused, never duplicated,
 * and never read as input.
 */
import { normalizeVi } from "../parse/text";

/**
 * Each column's header, width (characters) and number format: points with two decimals,
 * warnings as text ("@"), the deadline as a date; the rest General.
 */
export const OUTPUT_COLUMNS = [
  { key: "points", header: "Điểm tính toán (tự động)", width: 14, numberFormat: "0.00" },
  {
    key: "maxPoints",
    header: "Điểm tối đa theo bộ tiêu chí (tự động)",
    width: 14,
    numberFormat: "0.00",
  },
  { key: "warnings", header: "Cảnh báo (tự động)", width: 48, numberFormat: "@" },
  // Wide enough for the longest label it holds: "Định kỳ: trước ngày 10 tháng cuối quý".
  { key: "due", header: "Hạn chót (tự động)", width: 38, numberFormat: "dd/mm/yyyy" },
  { key: "dueState", header: "Tình trạng hạn (tự động)", width: 26, numberFormat: "General" },
] as const;

export type OutputColumnKey = (typeof OUTPUT_COLUMNS)[number]["key"];

/** Every column of a block: a table with a deadline column gets all five. */
export const ALL_OUTPUT_KEYS: readonly OutputColumnKey[] = OUTPUT_COLUMNS.map((c) => c.key);

/**
 * The block of a table without a deadline column (a self-assessment table, a plan
 * appendix that names no "Thời hạn"): the due date and its state could never say
 * anything there, so the block stops after the warnings. The due pair always comes last,
 * so a block's width tells its columns (3 or 5).
 */
export const NO_DEADLINE_KEYS: readonly OutputColumnKey[] = ["points", "maxPoints", "warnings"];

/** The column definition of a key. */
export function outputColumn(key: OutputColumnKey): (typeof OUTPUT_COLUMNS)[number] {
  return OUTPUT_COLUMNS[outputColumnIndex(key)];
}

const OWNED_HEADERS = new Set(OUTPUT_COLUMNS.map((c) => normalizeVi(c.header)));

/** True when a header cell is one the add-in wrote. */
export function isOwnedHeader(value: unknown): boolean {
  // Asked of every cell of every row the readers scan; every owned header ends with
  // "(tự động)", so a text without ")" is not one, and needs no normalising (issue 21's
  // bench: the lookups cost more than the roll-up's scoring).
  return typeof value === "string" && value.includes(")") && OWNED_HEADERS.has(normalizeVi(value));
}

/** Index of an output column within a full (five-column) block; see the plan's `columns` for a table's own block. */
export function outputColumnIndex(key: OutputColumnKey): number {
  return OUTPUT_COLUMNS.findIndex((c) => c.key === key);
}

/** Names of the sheets the tools own or read as settings, never as appendix tables. */
export const SUMMARY_SHEET_NAME = "Tổng hợp";
export const CRITERIA_SHEET_NAME = "Bộ tiêu chí";

/**
 * True when two sheet names are the same name to Excel, which ignores case: a workbook
 * cannot hold both "TỔNG HỢP" and "Tổng hợp", so looking a sheet up by exact name would
 * miss it and adding one would fail.
 *
 * @example sameSheetName("TỔNG HỢP", "Tổng hợp") === true
 */
export function sameSheetName(a: string, b: string): boolean {
  return sheetNameKey(a) === sheetNameKey(b);
}

/**
 * The key Excel compares sheet names by: the name in lower case (NFC, so byte forms agree;
 * the Vietnamese locale's lower case).
 *
 * @example sheetNameKey("TỔNG HỢP") === sheetNameKey("Tổng hợp".normalize("NFD"))
 */
export function sheetNameKey(name: string): string {
  return name.normalize("NFC").toLocaleLowerCase("vi");
}

export function isReservedSheet(name: string): boolean {
  const key = normalizeVi(name);
  return key === normalizeVi(SUMMARY_SHEET_NAME) || key === normalizeVi(CRITERIA_SHEET_NAME);
}

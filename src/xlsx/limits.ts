/**
 * Bounds on what one read may cost (issue 10, "Time and memory"). Each is checked before
 * the work that would exceed it: zip sizes and entry counts from the central directory
 * before anything is inflated, the sheet count before any sheet is read, rows, columns,
 * cells and text lengths while a sheet streams, before the grid is allocated.
 * The defaults let a legitimate 100,000-row appendix through with room to spare.
 */
import { columnLetter } from "../core/read/grid";
import { PackageError } from "./package-error";

export interface ReadLimits {
  /** Size of the file itself (compressed package). */
  maxInputBytes: number;
  /** Sum of the uncompressed sizes of all parts. */
  maxTotalUncompressedBytes: number;
  /** Uncompressed size of any one part (a sheet's XML, the shared strings…). */
  maxPartUncompressedBytes: number;
  /** Number of entries in the zip. */
  maxEntries: number;
  /** Number of sheets in the workbook. */
  maxSheets: number;
  /** Rows from row 1 to the last row holding a value, per sheet. */
  maxRows: number;
  /** Columns from A to the last column holding a value, per sheet. */
  maxColumns: number;
  /** Cells of a sheet's grid (each row from column A to its last value), per sheet. */
  maxCells: number;
  /** Characters in one cell's text (Excel's own limit). */
  maxCellTextLength: number;
  /** Merged areas on one sheet. */
  maxMerges: number;
}

export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxInputBytes: 100 * 1024 * 1024,
  maxTotalUncompressedBytes: 500 * 1024 * 1024,
  maxPartUncompressedBytes: 200 * 1024 * 1024,
  maxEntries: 20_000,
  maxSheets: 1_000,
  maxRows: 200_000,
  maxColumns: 1_000,
  maxCells: 5_000_000,
  maxCellTextLength: 32_767,
  maxMerges: 100_000,
});

/** The defaults with some limits replaced. */
export function withLimits(overrides?: Partial<ReadLimits>): ReadLimits {
  return { ...DEFAULT_LIMITS, ...(overrides ?? {}) };
}

/** A count in Vietnamese notation (1.000, 200.000). */
function count(n: number): string {
  return Math.round(n).toLocaleString("vi-VN");
}

/** A size in MB, Vietnamese notation. */
function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB`;
}

const SPLIT_ADVICE = "tách bảng ra một tệp nhỏ hơn (chỉ giữ trang cần chấm) rồi chạy lại";

export function inputTooLarge(bytes: number, limits: ReadLimits): PackageError {
  return new PackageError(
    "limit",
    `Tệp quá lớn (${megabytes(bytes)}, giới hạn ${megabytes(limits.maxInputBytes)}): ${SPLIT_ADVICE}.`
  );
}

export function partTooLarge(part: string, bytes: number, limits: ReadLimits): PackageError {
  return new PackageError(
    "limit",
    `Phần "${part}" trong tệp khi giải nén lớn ${megabytes(bytes)}, vượt giới hạn ${megabytes(limits.maxPartUncompressedBytes)} cho một phần: ${SPLIT_ADVICE}.`
  );
}

export function totalTooLarge(bytes: number, limits: ReadLimits): PackageError {
  return new PackageError(
    "limit",
    `Nội dung tệp khi giải nén lớn ít nhất ${megabytes(bytes)}, vượt giới hạn ${megabytes(limits.maxTotalUncompressedBytes)}: ${SPLIT_ADVICE}.`
  );
}

export function tooManyEntries(entries: number, limits: ReadLimits): PackageError {
  return new PackageError(
    "limit",
    `Tệp chứa ${count(entries)} phần, vượt giới hạn ${count(limits.maxEntries)} phần: ${SPLIT_ADVICE}.`
  );
}

export function tooManySheets(sheets: number, limits: ReadLimits): PackageError {
  return new PackageError(
    "limit",
    `Sổ làm việc có ${count(sheets)} trang tính, vượt giới hạn ${count(limits.maxSheets)} trang: xóa các trang không cần hoặc chép trang cần chấm sang một tệp mới rồi chạy lại.`
  );
}

export function tooManyRows(sheet: string, row: number, limits: ReadLimits): PackageError {
  return new PackageError(
    "limit",
    `Trang "${sheet}" có dữ liệu ở dòng ${count(row)}, vượt giới hạn ${count(limits.maxRows)} dòng: xóa các ô thừa ở cuối trang (từ dòng ${count(limits.maxRows + 1)} trở xuống) hoặc ${SPLIT_ADVICE}.`
  );
}

export function tooManyColumns(sheet: string, column: number, limits: ReadLimits): PackageError {
  return new PackageError(
    "limit",
    `Trang "${sheet}" có dữ liệu ở cột ${columnLetter(column)}, vượt giới hạn ${count(limits.maxColumns)} cột (đến cột ${columnLetter(limits.maxColumns - 1)}): xóa các ô thừa bên phải bảng rồi chạy lại.`
  );
}

export function tooManyCells(sheet: string, cells: number, limits: ReadLimits): PackageError {
  return new PackageError(
    "limit",
    `Trang "${sheet}" có vùng dữ liệu ít nhất ${count(cells)} ô, vượt giới hạn ${count(limits.maxCells)} ô: xóa các ô thừa quanh bảng hoặc ${SPLIT_ADVICE}.`
  );
}

export function cellTextTooLong(address: string, length: number, limits: ReadLimits): PackageError {
  return new PackageError(
    "limit",
    `Ô ${address} chứa ${count(length)} ký tự, vượt giới hạn ${count(limits.maxCellTextLength)} ký tự của Excel cho một ô: rút ngắn nội dung ô này rồi chạy lại.`
  );
}

export function tooManyMerges(sheet: string, limits: ReadLimits): PackageError {
  return new PackageError(
    "limit",
    `Trang "${sheet}" có hơn ${count(limits.maxMerges)} vùng gộp ô: bỏ gộp các ô thừa (Trang đầu → Gộp và căn giữa) rồi chạy lại.`
  );
}

export function overlappingMerges(sheet: string): PackageError {
  return new PackageError(
    "corrupt",
    `Trang "${sheet}" có các vùng gộp ô chồng lên nhau (tệp bị hỏng): mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi chạy lại.`
  );
}

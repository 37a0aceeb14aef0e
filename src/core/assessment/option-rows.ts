/**
 * The marks a unit puts on the option rows under a criterion: the points (or an "x")
 * on the chosen option's row. Zeros on the other rows mean "not this one". Two marks,
 * or points that differ from the option's, are problems that name the cells.
 */
import { cellAddress, cellAt, type Grid } from "../read/grid";
import { formatNumberVi, parseDecimal } from "../parse/numbers";
import { cellText, collapseSpaces, isBlankCell, normalizeVi } from "../parse/text";
import type { ReadOption } from "./read-table";

export interface OptionMarks {
  /** Index of the chosen option, or null when none is marked (or the marks conflict). */
  chosen: number | null;
  /** What is wrong with the marks, worded for the user; null when nothing is. */
  problem: string | null;
}

const FLAG = new Set(["x", "✓", "✔", "v", "có", "chọn", "đạt", "■", "☒"]);

/** A mark: a flag ("x"), points, or null for an empty or unreadable cell. */
function markValue(value: unknown): { flag: true } | { points: number } | null {
  if (typeof value === "number") return Number.isFinite(value) ? { points: value } : null;
  if (typeof value === "boolean") return value ? { flag: true } : null;
  const text = collapseSpaces(cellText(value));
  if (text === "") return null;
  if (FLAG.has(normalizeVi(text))) return { flag: true };
  const points = parseDecimal(text.replace(/\s*(?:điểm|đ)$/, ""));
  return points === null ? null : { points };
}

/**
 * Reads the marks in one column over the option rows.
 *
 * @example readOptionMarks(grid, options, 3) // { chosen: 1, problem: null }
 */
export function readOptionMarks(grid: Grid, options: ReadOption[], column: number): OptionMarks {
  const marked: Array<{ index: number; points: number | null; address: string }> = [];
  const zeros: number[] = [];
  const unreadable: string[] = [];
  options.forEach((option, index) => {
    const value = cellAt(grid, option.row, column);
    if (isBlankCell(value)) return;
    const mark = markValue(value);
    const address = cellAddress(grid, option.row, column);
    if (mark === null) unreadable.push(`${address} ("${collapseSpaces(cellText(value))}")`);
    else if ("flag" in mark) marked.push({ index, points: null, address });
    else if (mark.points === 0) zeros.push(index);
    else marked.push({ index, points: mark.points, address });
  });
  if (unreadable.length > 0) {
    return {
      chosen: null,
      problem: `Ô ${unreadable.join(", ")}: không đọc được dấu chọn mức; ghi "x" hoặc số điểm của mức được chọn`,
    };
  }
  if (marked.length > 1) {
    return {
      chosen: null,
      problem: `Có ${marked.length} mức được đánh dấu (${marked.map((m) => m.address).join(", ")}): mỗi tiêu chí chỉ chọn một mức, xoá dấu ở các mức không đúng`,
    };
  }
  if (marked.length === 1) {
    const { index, points, address } = marked[0];
    const option = options[index];
    if (points !== null && Math.abs(points - option.points) > 0.0005) {
      return {
        chosen: index,
        problem: `Ô ${address}: ghi ${formatNumberVi(points)} điểm ở mức "${option.label}" nhưng mức này được ${formatNumberVi(option.points)} điểm; đã tính theo điểm của mức`,
      };
    }
    return { chosen: index, problem: null };
  }
  // Only zeros: they choose the option worth nothing, when exactly one such option is marked.
  const zeroOptions = zeros.filter((i) => options[i].points === 0);
  if (zeroOptions.length === 1 && zeros.length === 1)
    return { chosen: zeroOptions[0], problem: null };
  return { chosen: null, problem: null };
}

/**
 * Task numbering versus criterion codes. A framework table (seed 004) numbers its tasks
 * "1.1.", "2.2." inside each area; only a table that has a criteria column (a code, a
 * result, a maximum or a self-assessed score) makes those numbers claims about criteria.
 */
import type { ColumnRole } from "./columns";

const CRITERIA_ROLES: readonly ColumnRole[] = ["code", "result", "maxPoints", "selfScore"];

/**
 * True when a table has a column that only a criteria table has.
 *
 * @example hasCriteriaColumns({ content: 1, deadline: 3 }) === false
 * @example hasCriteriaColumns({ content: 1, result: 4 }) === true
 */
export function hasCriteriaColumns(columns: Partial<Record<ColumnRole, number>>): boolean {
  return CRITERIA_ROLES.some((role) => columns[role] !== undefined);
}

/**
 * The one notice for a task table whose numbering looks like criterion codes while a
 * criteria set is chosen: which table, how its numbers are read, and what to do.
 *
 * @example taskNumberingNotice("Khung nhiệm vụ", 3, ["1.1", "2.2"]) // 'Bảng ở trang "Khung nhiệm vụ" (tiêu đề ở dòng 3) …'
 */
export function taskNumberingNotice(sheet: string, headerRow: number, numbers: string[]): string {
  const shown = numbers
    .slice(0, 3)
    .map((n) => `"${n}"`)
    .join(", ");
  return (
    `Bảng ở trang "${sheet}" (tiêu đề ở dòng ${headerRow}) không có cột mã tiêu chí, kết quả hay điểm: ` +
    `các số ${shown}${numbers.length > 3 ? "…" : ""} đầu nội dung được hiểu là số thứ tự nhiệm vụ, không phải mã tiêu chí, ` +
    `nên bảng chỉ được theo dõi thời hạn. Nếu đây là bảng chấm điểm, hãy thêm cột "Mã tiêu chí" và cột "Kết quả".`
  );
}

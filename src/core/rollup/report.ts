/**
 * The one-screen Vietnamese summary of a roll-up, for the terminal and the task pane.
 */
import { formatDateVi } from "../parse/dates";
import type { Rollup } from "./rollup";
import { pointsText } from "./sheets";

/** Units shown by name in the summary; the workbook lists every one. */
const LISTED_UNITS = 10;

/**
 * @example rollupReport(rollUp(units, [], "2025-11-20"), "tong-hop.xlsx").split("\n")[0]
 */
export function rollupReport(rollup: Rollup, output: string | null): string {
  const lines: string[] = [];
  const ranked = rollup.ranking.filter((r) => r.group === 0 && r.rank !== null);
  lines.push(
    `Tổng hợp ${rollup.ranking.length} đơn vị (tính đến ${formatDateVi(rollup.today)})` +
      (rollup.failures.length > 0 ? `, ${rollup.failures.length} tệp không đọc được` : "") +
      (rollup.duplicates.length > 0
        ? `, ${rollup.duplicates.length} tệp trùng đơn vị không tính`
        : "") +
      "."
  );
  if (ranked.length > 0) {
    lines.push(`Xếp hạng (nhóm bộ tiêu chí “${rollup.groups[0].set?.name ?? ""}”):`);
    for (const r of ranked.slice(0, LISTED_UNITS)) {
      const u = r.unit;
      lines.push(
        `  ${String(r.rank).padStart(3)}. ${u.name}: ${pointsText(u.points, u.maxPoints)} điểm · ${u.warnings.filter((w) => w.code !== "notice").length} cảnh báo · ${u.overdue.length} việc quá hạn`
      );
    }
    if (ranked.length > LISTED_UNITS)
      lines.push(`  … và ${ranked.length - LISTED_UNITS} đơn vị khác (xem trang “Xếp hạng”).`);
  }
  for (const group of rollup.groups.slice(1)) {
    const names = group.units.map((u) => u.name).join(", ");
    lines.push(
      group.set
        ? `⚠ Chấm theo bộ tiêu chí khác (${group.difference}), xếp hạng riêng: ${names}.`
        : `⚠ Không xếp hạng (${group.difference}): ${names}.`
    );
  }
  if (rollup.failures.length > 0) {
    lines.push("Tệp không đọc được (các tệp khác vẫn được tổng hợp):");
    for (const f of rollup.failures) lines.push(`  - ${f.file}: ${f.reason}`);
  }
  if (rollup.duplicates.length > 0) {
    lines.push("Tệp trùng đơn vị, không tính (mỗi đơn vị chỉ tính một tệp):");
    for (const f of rollup.duplicates) lines.push(`  - ${f.file}: ${f.reason}`);
  }
  const warnings = rollup.ranking.reduce(
    (total, r) => total + r.unit.warnings.filter((w) => w.code !== "notice").length,
    0
  );
  const overdue = rollup.ranking.reduce((total, r) => total + r.unit.overdue.length, 0);
  lines.push(
    `Tổng cộng ${warnings} cảnh báo và ${overdue} việc quá hạn (trang “Cảnh báo”, “Việc quá hạn”).`
  );
  if (output) lines.push(`Đã ghi tệp tổng hợp: ${output}`);
  return lines.join("\n");
}

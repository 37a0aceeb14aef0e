/**
 * The readable Vietnamese report the command line prints (plain text, one item a line).
 */
import { formatDateVi } from "../parse/dates";
import { formatNumberVi } from "../parse/numbers";
import type { SheetResult } from "./score";
import { headline, type Summary } from "./summary";
import { LISTED_DIFFERENCES, type SummaryAppraisal } from "../assessment/appraisal";
import { appendAll } from "../arrays";

/** A terminal report lists at most this many warnings; the workbook and --json have them all. */
const MAX_LISTED = 200;

/**
 * Formats a run for a terminal.
 *
 * @example formatReport(summary, results, "samples/a.scored.xlsx")
 */
export function formatReport(
  summary: Summary,
  results: SheetResult[],
  written: string | null
): string {
  const lines: string[] = [];
  lines.push(`Bộ tiêu chí: ${summary.criteriaSet?.name ?? "(không có)"}`);
  lines.push(headline(summary));
  if (summary.areas.length > 0) {
    lines.push("", "Điểm theo lĩnh vực:");
    for (const area of summary.areas) {
      lines.push(
        `  ${area.code.padEnd(5)} ${formatNumberVi(area.points).padStart(6)} / ${formatNumberVi(area.maxPoints).padEnd(6)} ${area.name}`
      );
    }
  }
  if (summary.appraisal) appendAll(lines, ["", ...appraisalLines(summary.appraisal)]);
  const warned = results.flatMap((sheet) =>
    sheet.tables.flatMap((table) =>
      table.rows.flatMap((row) =>
        row.warnings.map(
          (w) =>
            `  ${table.sheet}!${row.row}${row.criterion ? ` [${row.criterion}]` : ""}: ${w.message}`
        )
      )
    )
  );
  if (warned.length > 0) {
    appendAll(lines, ["", `Cảnh báo (${warned.length}):`, ...warned.slice(0, MAX_LISTED)]);
    if (warned.length > MAX_LISTED) {
      lines.push(
        `  … và ${warned.length - MAX_LISTED} cảnh báo khác: xem cột "Cảnh báo (tự động)" trong tệp kết quả, hoặc dùng --json.`
      );
    }
  }
  if (summary.overdueByOwner.length > 0) {
    lines.push("", "Việc quá hạn theo đơn vị chủ trì:");
    for (const group of summary.overdueByOwner) {
      lines.push(`  ${group.owner} (${group.items.length}):`);
      for (const item of group.items) {
        lines.push(
          `    ${item.sheet}!${item.row} – quá hạn ${item.daysLate} ngày (hạn ${item.due ? formatDateVi(item.due) : "?"}) – ${shorten(item.content)}`
        );
      }
    }
  }
  if (summary.dueSoonByOwner.length > 0) {
    lines.push("", "Việc sắp đến hạn:");
    for (const group of summary.dueSoonByOwner) {
      for (const item of group.items) {
        lines.push(
          `  ${group.owner}: ${item.sheet}!${item.row} – hạn ${item.due ? formatDateVi(item.due) : "?"} – ${shorten(item.content)}`
        );
      }
    }
  }
  if (summary.notices.length > 0)
    appendAll(lines, ["", "Ghi chú:", ...summary.notices.map((n) => `  ${n}`)]);
  if (written) lines.push("", `Đã ghi tệp kết quả: ${written}`);
  return lines.join("\n");
}

/** Self-score, computed and appraised totals, then the criteria where they differ. */
function appraisalLines(appraisal: SummaryAppraisal): string[] {
  const shown = (v: number | null) => (v === null ? "–" : formatNumberVi(v));
  const lines = [
    `Đối chiếu điểm: tự chấm ${shown(appraisal.self)} · tính toán ${shown(appraisal.computed)} · thẩm định ${shown(appraisal.appraised)}`,
  ];
  if (appraisal.differences.length > 0) {
    lines.push(`Các tiêu chí có chênh lệch (${appraisal.differences.length}, lớn nhất trước):`);
    for (const d of appraisal.differences.slice(0, LISTED_DIFFERENCES))
      lines.push(
        `  ${d.sheet}!${d.row} [${d.code}] tự chấm ${shown(d.self)} · tính toán ${shown(d.computed)} · thẩm định ${shown(d.appraised)} – ${shorten(d.name, 60)}`
      );
  }
  return lines;
}

function shorten(text: string, max = 70): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

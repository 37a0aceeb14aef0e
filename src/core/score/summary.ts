/**
 * The summary of a scoring run, shared by the CLI text, the "Tổng hợp" sheet, the
 * ribbon dialog and the task pane.
 */
import { formatDateVi, type IsoDate } from "../parse/dates";
import { formatNumberVi, roundHalfAwayFromZero } from "../parse/numbers";
import type { CriteriaSet } from "../criteria/schema";
import type { SheetResult, TableResult } from "./score";
import { countEachCriterionOnce, type TableCounting } from "./counted-once";
import { normalizeVi } from "../parse/text";
import { WARNING_CODES, WARNING_LABELS, type WarningCode } from "../parse/warnings";
import {
  appraisalSheetRows,
  summarizeAppraisal,
  type SummaryAppraisal,
} from "../assessment/appraisal";
import { appendAll } from "../arrays";

export interface SummaryArea {
  code: string;
  name: string;
  points: number;
  maxPoints: number;
  areaMaxPoints: number;
}

export interface OverdueItem {
  sheet: string;
  row: number;
  content: string;
  daysLate: number;
  due: IsoDate | null;
}

export interface FocusItem {
  sheet: string;
  row: number;
  criterion: string;
  name: string;
  points: number;
  maxPoints: number;
  atStake: number;
  reason: string;
}

export interface Summary {
  today: IsoDate;
  criteriaSet: { id: string; name: string } | null;
  points: number;
  maxPoints: number;
  areas: SummaryArea[];
  warningCounts: Array<{ code: WarningCode; label: string; count: number }>;
  warningTotal: number;
  overdueTotal: number;
  dueSoonTotal: number;
  /** Overdue rows per owner, the owner with the most overdue work first; rows most overdue first. */
  overdueByOwner: Array<{ owner: string; items: OverdueItem[] }>;
  dueSoonByOwner: Array<{ owner: string; items: OverdueItem[] }>;
  /** Scored criteria that lost points, most points at stake first (where to focus). */
  focus: FocusItem[];
  /** Vietnamese notices: no criteria set, partial set, missing criteria, sheet notices. */
  notices: string[];
  tableCount: number;
  /** Self-assessment tables: self-score, computed and appraised side by side, differences largest first. */
  appraisal?: SummaryAppraisal | null;
}

const NO_OWNER = "(Chưa ghi đơn vị)";
const NO_OWNER_KEY = normalizeVi(NO_OWNER);

function addTo<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/**
 * Adds up the results of every scored sheet.
 *
 * @example summarize([scoreSheet(grid, options)], set).points
 */
export function summarize(
  results: SheetResult[],
  criteria: CriteriaSet | null,
  today: IsoDate
): Summary {
  const areas = new Map<string, SummaryArea>();
  const counts = new Map<WarningCode, number>();
  const overdue = new Map<string, OverdueItem[]>();
  const soon = new Map<string, OverdueItem[]>();
  const focus: FocusItem[] = [];
  const notices: string[] = [];
  const ownerNames = new Map<string, string>();
  let points = 0;
  let maxPoints = 0;
  let tableCount = 0;
  // A criterion scored by two tables (a copied sheet…) adds its points once.
  const counting = countEachCriterionOnce(
    results.flatMap((sheet) => sheet.tables),
    criteria
  );
  for (const sheet of results) {
    appendAll(notices, sheet.notices);
    for (const table of sheet.tables) {
      const { adds, repeated } = counting[tableCount];
      tableCount++;
      points += adds.points;
      maxPoints += adds.maxPoints;
      for (const area of adds.areas) {
        const sum = areas.get(area.code) ?? {
          code: area.code,
          name: area.name,
          points: 0,
          maxPoints: 0,
          areaMaxPoints: area.areaMaxPoints,
        };
        sum.points += area.points;
        sum.maxPoints += area.maxPoints;
        areas.set(area.code, sum);
      }
      if (criteria && table.missingCriteria.length > 0) {
        notices.push(
          `Bảng ở trang "${table.sheet}" (tiêu đề dòng ${table.headerRow}) chưa có các tiêu chí: ${table.missingCriteria.join(", ")}`
        );
      }
      if (repeated.length > 0) notices.push(repeatedNotice(table, counting[tableCount - 1]));
      for (const row of table.rows) {
        for (const w of row.warnings) counts.set(w.code, (counts.get(w.code) ?? 0) + 1);
        // Group "Văn hoá" with "Văn hóa" and NFD with NFC; show the first spelling met
        // (met on any row, not only on overdue ones).
        let owner = NO_OWNER;
        if (row.owner) {
          const key = normalizeVi(row.owner);
          const met = ownerNames.get(key);
          if (met === undefined) {
            owner = row.owner.normalize("NFC");
            ownerNames.set(key, owner);
          } else owner = met;
        } else ownerNames.set(NO_OWNER_KEY, NO_OWNER);
        if (row.overdue || row.dueSoon) {
          const item: OverdueItem = {
            sheet: table.sheet,
            row: row.row,
            content: row.content,
            daysLate: row.daysLate,
            due: row.due,
          };
          if (row.overdue) addTo(overdue, owner, item);
          if (row.dueSoon) addTo(soon, owner, item);
        }
        if (
          row.criterion &&
          row.points !== null &&
          row.maxPoints !== null &&
          row.pointsAtStake !== null &&
          row.pointsAtStake > 0
        ) {
          focus.push({
            sheet: table.sheet,
            row: row.row,
            criterion: row.criterion,
            name: row.criterionName ?? row.content,
            points: row.points,
            maxPoints: row.maxPoints,
            atStake: row.pointsAtStake,
            reason: row.warnings.find((w) => w.code === "below_threshold")?.message ?? "",
          });
        }
      }
    }
  }
  if (!criteria) {
    notices.unshift(
      "Chưa chọn bộ tiêu chí: chỉ theo dõi thời hạn, bỏ qua phần chấm điểm và đối chiếu tiêu chí."
    );
  } else {
    const partial = criteria.areas
      .filter((area) => area.partial)
      .map((area) => {
        const listed = area.criteria.reduce((total, c) => total + c.maxPoints, 0);
        return listed < area.maxPoints - 0.001
          ? `${area.code} mới có ${formatNumberVi(listed)}/${formatNumberVi(area.maxPoints)} điểm`
          : `${area.code} chỉ gồm các tiêu chí nguồn đã nêu (${formatNumberVi(listed)} điểm)`;
      });
    if (partial.length > 0)
      notices.push(`Bộ tiêu chí chưa đầy đủ: lĩnh vực ${partial.join("; lĩnh vực ")}.`);
  }
  const orderedAreas = criteria
    ? criteria.areas.map((a) => areas.get(a.code)).filter((a): a is SummaryArea => a !== undefined)
    : [...areas.values()];
  for (const area of orderedAreas) {
    area.points = roundHalfAwayFromZero(area.points, 2);
    area.maxPoints = roundHalfAwayFromZero(area.maxPoints, 2);
  }
  const byOwner = (
    map: Map<string, OverdueItem[]>,
    sortItems: (a: OverdueItem, b: OverdueItem) => number
  ) =>
    [...map.entries()]
      .map(([owner, items]) => ({ owner, items: [...items].sort(sortItems) }))
      .sort(
        (a, b) =>
          b.items.length - a.items.length ||
          b.items[0].daysLate - a.items[0].daysLate ||
          a.owner.localeCompare(b.owner, "vi")
      );
  const warningCounts = WARNING_CODES.filter((code) => counts.has(code)).map((code) => ({
    code,
    label: WARNING_LABELS[code],
    count: counts.get(code)!,
  }));
  return {
    today,
    criteriaSet: criteria ? { id: criteria.id, name: criteria.name } : null,
    points: roundHalfAwayFromZero(points, 2),
    maxPoints: roundHalfAwayFromZero(maxPoints, 2),
    areas: orderedAreas,
    warningCounts,
    warningTotal: warningCounts.reduce((total, w) => total + w.count, 0),
    overdueTotal: [...overdue.values()].reduce((total, items) => total + items.length, 0),
    dueSoonTotal: [...soon.values()].reduce((total, items) => total + items.length, 0),
    overdueByOwner: byOwner(overdue, (a, b) => b.daysLate - a.daysLate),
    dueSoonByOwner: byOwner(soon, (a, b) => (a.due ?? "").localeCompare(b.due ?? "")),
    focus: focus.sort((a, b) => b.atStake - a.atStake),
    notices,
    tableCount,
    appraisal: summarizeAppraisal(results.flatMap((sheet) => sheet.tables)),
  };
}

/** At most this many codes are named in one notice. */
const LISTED_CODES = 10;

/**
 * What a table that repeats counted criteria adds, in Vietnamese.
 *
 * @example repeatedNotice(copy, counting) // 'Bảng ở trang "Phụ lục (2)" (tiêu đề dòng 4) chấm lại tiêu chí I.1 đã tính ở trang "Phụ lục": …'
 */
export function repeatedNotice(
  table: Pick<TableResult, "sheet" | "headerRow">,
  { repeated, countedIn, leftOut, adds }: Omit<TableCounting, "table">
): string {
  const codes =
    repeated.slice(0, LISTED_CODES).join(", ") +
    (repeated.length > LISTED_CODES ? ` và ${repeated.length - LISTED_CODES} tiêu chí khác` : "");
  const sheets = countedIn.map((sheet) => `"${sheet}"`).join(", ");
  const where = `Bảng ở trang "${table.sheet}" (tiêu đề dòng ${table.headerRow}) chấm lại tiêu chí ${codes} đã tính ở trang ${sheets}`;
  if (leftOut || (adds.counted ?? []).length === 0) {
    const kind = leftOut ? "bảng tự đánh giá này" : "bảng này";
    return `${where}: ${kind} không cộng thêm vào tổng (mỗi tiêu chí chỉ tính một lần). Nếu đây là bản sao, hãy xoá trang đó hoặc chỉ giữ một bảng.`;
  }
  return `${where}: các tiêu chí đó chỉ tính một lần, theo trang ${sheets}; các tiêu chí khác của bảng vẫn được cộng vào tổng.`;
}

/** One-paragraph Vietnamese result, for the ribbon dialog and the CLI's first line. */
export function headline(summary: Summary): string {
  const score = summary.criteriaSet
    ? `Tổng điểm ${formatNumberVi(summary.points)}/${formatNumberVi(summary.maxPoints)}`
    : "Chưa chấm điểm (không có bộ tiêu chí)";
  return `${score} · ${summary.warningTotal} cảnh báo · ${summary.overdueTotal} việc quá hạn · ${summary.dueSoonTotal} việc sắp đến hạn (tính đến ${formatDateVi(summary.today)})`;
}

/** At most this many rows are listed in one cell (an Excel cell holds 32,767 characters). */
const LISTED_ROWS = 30;

function listRows(items: OverdueItem[]): string {
  const shown = items
    .slice(0, LISTED_ROWS)
    .map((i) => `${i.sheet}!${i.row}`)
    .join(", ");
  return items.length > LISTED_ROWS ? `${shown} và ${items.length - LISTED_ROWS} dòng khác` : shown;
}

export interface SummarySheet {
  values: Array<Array<string | number>>;
  /** 0-based rows that are section headers (bold, filled). */
  headerRows: number[];
  /** 0-based rows of the area table (name, points, max) for the chart, if any. */
  chartRows: { first: number; last: number } | null;
  /**
   * Width (characters) of column A, wide enough for the unit names it lists, so that a
   * printed page does not cut them; single-cell rows (title, notices) are left to overflow.
   */
  firstColumnWidth: number;
}

const FIRST_COLUMN_MIN_WIDTH = 14;
const FIRST_COLUMN_MAX_WIDTH = 45;

/**
 * The width column A needs for the first cell of every table row (not one-cell rows).
 *
 * @example firstColumnWidth([["Tiêu đề dài…"], ["Bộ phận Tư pháp – Hộ tịch", 2]]) === 27
 */
export function firstColumnWidth(values: ReadonlyArray<ReadonlyArray<string | number>>): number {
  let longest = 0;
  for (const row of values) {
    if (row.length < 2) continue;
    longest = Math.max(longest, String(row[0]).length);
  }
  return Math.min(FIRST_COLUMN_MAX_WIDTH, Math.max(FIRST_COLUMN_MIN_WIDTH, longest + 2));
}

/**
 * Characters of a text row alone on the summary sheet: it overflows into the empty cells to
 * its right, and must stop before the table's right edge (columns A:E, at least 112
 * characters wide), or a page fitted to width prints the whole sheet small to hold it.
 */
export const SUMMARY_LINE_LENGTH = 100;

/**
 * A text cut at spaces into lines of at most `length` characters (a longer word stays
 * whole on its own line).
 *
 * @example textLines("Chưa chọn bộ tiêu chí: dùng bộ tiêu chí lấy từ chính bảng", 24) // ["Chưa chọn bộ tiêu chí:", "dùng bộ tiêu chí lấy từ", "chính bảng"]
 */
export function textLines(text: string, length: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > length) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
}

/**
 * The "Tổng hợp" sheet: readable by a colleague without the add-in.
 */
export function buildSummarySheet(summary: Summary): SummarySheet {
  const values: Array<Array<string | number>> = [];
  const headerRows: number[] = [];
  const push = (...row: Array<string | number>) => values.push(row);
  const header = (...row: string[]) => {
    headerRows.push(values.length);
    values.push(row);
  };
  push("TỔNG HỢP CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX)");
  push(`Tính đến ngày: ${formatDateVi(summary.today)}`);
  const pushText = (text: string) => {
    for (const line of textLines(text, SUMMARY_LINE_LENGTH)) push(line);
  };
  pushText(`Bộ tiêu chí: ${summary.criteriaSet?.name ?? "chưa chọn (chỉ theo dõi thời hạn)"}`);
  push("Trang này do công cụ chấm điểm tự tạo lại mỗi lần chấm; không nhập dữ liệu vào đây.");
  push("");
  let chartRows: SummarySheet["chartRows"] = null;
  if (summary.areas.length > 0) {
    header(
      "Lĩnh vực",
      "Tên lĩnh vực",
      "Điểm đạt",
      "Điểm tối đa (các tiêu chí đã chấm)",
      "Điểm tối đa của lĩnh vực"
    );
    const first = values.length;
    for (const area of summary.areas)
      push(area.code, area.name, area.points, area.maxPoints, area.areaMaxPoints);
    chartRows = { first, last: values.length - 1 };
    push("", "TỔNG CỘNG", summary.points, summary.maxPoints, "");
    push("");
  }
  header("Cảnh báo", "Số dòng");
  if (summary.warningCounts.length === 0) push("Không có cảnh báo", 0);
  for (const w of summary.warningCounts) push(w.label, w.count);
  push("");
  header("Đơn vị chủ trì", "Số việc quá hạn", "Quá hạn lâu nhất (ngày)", "Các dòng quá hạn");
  if (summary.overdueByOwner.length === 0) push("Không có việc quá hạn", 0, "", "");
  for (const group of summary.overdueByOwner) {
    push(group.owner, group.items.length, group.items[0].daysLate, listRows(group.items));
  }
  if (summary.appraisal) {
    push("");
    const [head, ...rest] = appraisalSheetRows(summary.appraisal);
    headerRows.push(values.length);
    values.push(head as string[]);
    appendAll(values, rest);
  }
  if (summary.notices.length > 0) {
    push("");
    header("Ghi chú");
    for (const notice of summary.notices) pushText(notice);
  }
  return { values, headerRows, chartRows, firstColumnWidth: firstColumnWidth(values) };
}

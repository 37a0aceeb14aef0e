/**
 * The roll-up sheets as plain content (values, formats, header rows, highlighted cells,
 * widths, frozen rows, chart ranges), written the same way by the CLI (src/xlsx/rollup-workbook.ts) and the
 * add-in (Office.js): "Xếp hạng", "Theo tiêu chí", "Cảnh báo", "Việc quá hạn".
 */
import { formatDateVi } from "../parse/dates";
import { formatNumberVi, roundHalfAwayFromZero } from "../parse/numbers";
import type { CellValue } from "../parse/values";
import { lostPoints, type Rollup } from "./rollup";
import { ROLLUP_TITLE, type UnitResult, type UnitWarning } from "./unit-result";
import { maxOf } from "../arrays";
import type { PlanCell, SheetChart, SheetPlan } from "../write/sheet-plan";

export const ROLLUP_SHEET_NAMES = {
  ranking: "Xếp hạng",
  criteria: "Theo tiêu chí",
  warnings: "Cảnh báo",
  overdue: "Việc quá hạn",
} as const;

export const ROLLUP_COLORS = {
  headerFill: "#DDEBF7",
  lostFill: "#F8CBAD",
  summaryFill: "#FFF2CC",
} as const;

/**
 * A roll-up sheet: a sheet plan (values, formats, header and summary rows, points lost
 * highlighted, widths, frozen panes, the ranking's chart and where it sits).
 */
export type RollupSheet = SheetPlan;

/** The roll-up's fills: headers, averages and counts, points lost. */
const ROLLUP_FILLS = {
  header: ROLLUP_COLORS.headerFill,
  summary: ROLLUP_COLORS.summaryFill,
  highlight: ROLLUP_COLORS.lostFill,
};

/** The ranking's chart, before the builder places it right of the table. */
type ChartSpec = Omit<SheetChart, "anchor">;

const POINTS_FORMAT = "0.00";

class SheetBuilder {
  readonly values: CellValue[][] = [];
  readonly headerRows: number[] = [];
  readonly summaryRows: number[] = [];
  readonly lostCells: PlanCell[] = [];
  private readonly pointColumns = new Set<string>();

  /** Adds a row (an array, never spread into a call: a sheet may hold 100,000 rows). */
  push(row: CellValue[]): number {
    this.values.push(row);
    return this.values.length - 1;
  }

  header(row: CellValue[]): number {
    const r = this.push(row);
    this.headerRows.push(r);
    return r;
  }

  /** Marks a cell as points (two decimals). */
  points(row: number, column: number): void {
    this.pointColumns.add(`${row},${column}`);
  }

  build(
    name: string,
    widths: number[],
    frozenRows: number,
    frozenColumns: number,
    chart: ChartSpec | null = null
  ): RollupSheet {
    const width = maxOf(
      this.values.map((row) => row.length),
      widths.length
    );
    const values = this.values.map((row) =>
      Array.from({ length: width }, (_, c) => (row[c] === undefined ? "" : row[c]))
    );
    const numberFormats = values.map((row, r) =>
      row.map((value, c) =>
        typeof value === "number" && this.pointColumns.has(`${r},${c}`) ? POINTS_FORMAT : "General"
      )
    );
    return {
      name,
      values,
      numberFormats,
      titleSize: 14,
      headerRows: this.headerRows,
      summaryRows: this.summaryRows,
      highlightedCells: this.lostCells,
      wrappedCells: [],
      fills: ROLLUP_FILLS,
      frozenRows,
      frozenColumns,
      widths: Array.from({ length: width }, (_, c) => widths[c] ?? 12),
      // Right of the table, one column apart, level with the first row that scrolls.
      chart: chart ? { ...chart, anchor: { row: frozenRows, column: width + 1 } } : null,
    };
  }
}

const nullable = (value: number | null): CellValue => (value === null ? "" : value);

function rankingSheet(rollup: Rollup): RollupSheet {
  const b = new SheetBuilder();
  const units = rollup.ranking.length;
  b.push([ROLLUP_TITLE]);
  b.push([
    `Tính đến ngày ${formatDateVi(rollup.today)} · ${units} đơn vị đã chấm` +
      (rollup.failures.length > 0
        ? ` · ${rollup.failures.length} tệp không đọc được (cuối trang)`
        : "") +
      (rollup.duplicates.length > 0
        ? ` · ${rollup.duplicates.length} tệp trùng đơn vị, không tính (cuối trang)`
        : "") +
      " · Xếp theo điểm tính toán; các đơn vị bằng điểm cùng hạng. Trang do công cụ tạo lại mỗi lần tổng hợp.",
  ]);
  // Areas of every group's set, main group first, each code once.
  const areas: Array<{ code: string; name: string }> = [];
  for (const group of rollup.groups)
    for (const e of group.set?.entries ?? [])
      if (e.isArea && !areas.some((a) => a.code === e.code))
        areas.push({ code: e.code, name: e.name });
  const header = b.header([
    "Hạng",
    "Đơn vị",
    "Tổng điểm tính toán",
    "Tổng điểm tự chấm",
    "Tổng điểm thẩm định",
    "Điểm tối đa",
    ...areas.map((a) => `${a.code}. ${a.name}`),
    "Số cảnh báo",
    "Số việc quá hạn",
    "Bộ tiêu chí",
    "Ghi chú",
    "Tệp",
  ]);
  let lastMain = header;
  for (const ranked of rollup.ranking) {
    const u = ranked.unit;
    const byCode = new Map(u.areas.map((a) => [a.code, a.points]));
    const r = b.push([
      ranked.rank ?? "",
      u.name,
      u.criteriaSet ? u.points : "",
      nullable(u.selfPoints),
      nullable(u.appraisedPoints),
      u.criteriaSet ? u.maxPoints : "",
      ...areas.map((a) => nullable(byCode.get(a.code) ?? null)),
      u.warnings.filter((w) => w.code !== "notice").length,
      u.overdue.length,
      u.criteriaSet?.name ?? "(chưa có)",
      ranked.note,
      u.file,
    ]);
    for (let c = 2; c < 6 + areas.length; c++) b.points(r, c);
    if (ranked.group === 0 && ranked.rank !== null) lastMain = r;
  }
  const chart =
    lastMain > header
      ? {
          title: "Tổng điểm tính toán theo đơn vị (nhóm bộ tiêu chí chính)",
          categoryColumn: 1,
          valueColumns: [2],
          headerRow: header,
          firstRow: header + 1,
          lastRow: lastMain,
        }
      : null;
  if (rollup.failures.length > 0) {
    b.push([""]);
    b.header(["Tệp không đọc được", "Lý do và cách khắc phục"]);
    for (const f of rollup.failures) b.push([f.file, f.reason]);
  }
  if (rollup.duplicates.length > 0) {
    b.push([""]);
    b.header(["Tệp trùng đơn vị (không tính)", "Lý do"]);
    for (const f of rollup.duplicates) b.push([f.file, f.reason]);
  }
  const widths = [7, 28, 12, 12, 12, 10, ...areas.map(() => 12), 10, 10, 30, 50, 40];
  return b.build(ROLLUP_SHEET_NAMES.ranking, widths, header + 1, 2, chart);
}

function criteriaSheet(rollup: Rollup): RollupSheet {
  const b = new SheetBuilder();
  b.push(["ĐIỂM THEO TIÊU CHÍ CỦA CÁC ĐƠN VỊ"]);
  b.push([
    "Ô tô màu cam: đơn vị mất điểm ở tiêu chí đó. Ô trống: bảng của đơn vị không có dòng chấm tiêu chí này. Mỗi nhóm bộ tiêu chí một bảng riêng.",
  ]);
  let frozen = 0;
  rollup.matrix.forEach((block, i) => {
    b.push([""]);
    const set = block.group.set!;
    b.push([
      `Nhóm ${i + 1}: ${set.name} (${block.rows.length} đơn vị)` +
        (block.group.difference ? ` · khác nhóm chính: ${block.group.difference}` : ""),
    ]);
    b.header(["Hạng", "Đơn vị", ...block.columns.map((c) => c.code)]);
    b.header(["", "Tên tiêu chí", ...block.columns.map((c) => c.name)]);
    const maxRow = b.push(["", "Điểm tối đa", ...block.columns.map((c) => c.maxPoints)]);
    block.columns.forEach((_, k) => b.points(maxRow, k + 2));
    if (i === 0) frozen = maxRow + 1;
    for (const row of block.rows) {
      const r = b.push([row.ranked.rank ?? "", row.ranked.unit.name, ...row.points.map(nullable)]);
      row.points.forEach((p, k) => {
        if (p === null) return;
        b.points(r, k + 2);
        if (lostPoints(p, block.columns[k].maxPoints)) b.lostCells.push({ row: r, column: k + 2 });
      });
    }
    const avg = b.push(["", "Trung bình", ...block.columns.map((c) => nullable(c.average))]);
    block.columns.forEach((_, k) => b.points(avg, k + 2));
    const full = b.push([
      "",
      "Số đơn vị đạt điểm tối đa",
      ...block.columns.map((c) => c.fullCount),
    ]);
    b.summaryRows.push(avg, full);
  });
  if (rollup.matrix.length === 0) {
    b.push([""]);
    b.push([
      "Chưa có đơn vị nào được chấm theo bộ tiêu chí: chọn bộ tiêu chí chung hoặc thêm trang “Bộ tiêu chí” vào các tệp.",
    ]);
  }
  const columns = maxOf(
    rollup.matrix.map((m) => m.columns.length),
    0
  );
  return b.build(
    ROLLUP_SHEET_NAMES.criteria,
    [7, 28, ...Array.from({ length: columns }, () => 14)],
    frozen,
    frozen > 0 ? 2 : 0
  );
}

/**
 * Detail rows per unit on the warnings sheet. A district of 1,000 wards whose every row is
 * warned has 300,000 warnings: nobody reads them in one sheet, and the unit's own scored
 * copy lists each on its row. Twenty per unit (those that cost the most first) keeps the
 * sheet at about 21 rows per unit.
 */
export const WARNING_DETAIL_ROWS_PER_UNIT = 20;

/** A unit's warnings as the summary part of the warnings sheet shows them. */
interface UnitWarningSummary {
  unit: UnitResult;
  /** Warnings proper (notices not included), as the ranking counts them. */
  count: number;
  /** Points the warned rows could still gain, each row once. */
  pointsAtStake: number;
  /** "Chưa có kết quả: 120 · Thiếu tài liệu kiểm chứng: 80", largest first. */
  byKind: string;
  /** Warnings (notices last), those with the most points at stake first. */
  ordered: UnitWarning[];
}

function summariseWarnings(unit: UnitResult): UnitWarningSummary {
  const kinds = new Map<string, number>();
  const rowsCounted = new Set<string>();
  let count = 0;
  let atStake = 0;
  for (const w of unit.warnings) {
    kinds.set(w.label, (kinds.get(w.label) ?? 0) + 1);
    if (w.code !== "notice") count++;
    const row = `${w.sheet}\u0000${w.row}`;
    if (w.pointsAtStake > 0 && !rowsCounted.has(row)) {
      rowsCounted.add(row);
      atStake += w.pointsAtStake;
    }
  }
  const byKind = [...kinds]
    .sort((a, b) => b[1] - a[1] || byText(a[0], b[0]))
    .map(([label, n]) => `${label}: ${n}`)
    .join(" · ");
  // Array.prototype.sort is stable: equal stakes keep the table's order.
  const ordered = unit.warnings
    .map((w, i) => ({ w, i }))
    .sort(
      (a, b) =>
        Number(a.w.code === "notice") - Number(b.w.code === "notice") ||
        b.w.pointsAtStake - a.w.pointsAtStake ||
        a.i - b.i
    )
    .map(({ w }) => w);
  return {
    unit,
    count,
    pointsAtStake: roundHalfAwayFromZero(atStake, 2),
    byKind,
    ordered,
  };
}

const byText = new Intl.Collator("vi", { numeric: true, sensitivity: "base" }).compare;

function warningsSheet(rollup: Rollup): RollupSheet {
  const b = new SheetBuilder();
  b.push(["CẢNH BÁO CỦA CÁC ĐƠN VỊ"]);
  b.push([
    "Phần 1: mỗi đơn vị một dòng, đơn vị có nhiều điểm có thể mất nhất ở đầu. " +
      `Phần 2: chi tiết, mỗi đơn vị tối đa ${WARNING_DETAIL_ROWS_PER_UNIT} cảnh báo (mất nhiều điểm nhất trước), ghi rõ trang và ô để sửa tại tệp của đơn vị; ` +
      "các cảnh báo còn lại nằm ở cột “Cảnh báo (tự động)” trong bản đã chấm của tệp đó.",
  ]);
  const summaries = rollup.ranking
    .map(({ unit }) => summariseWarnings(unit))
    .filter((s) => s.unit.warnings.length > 0)
    .sort(
      (a, b) =>
        b.pointsAtStake - a.pointsAtStake || b.count - a.count || byText(a.unit.name, b.unit.name)
    );
  const summaryHeader = b.header([
    "Đơn vị",
    "Điểm có thể mất ở các dòng có cảnh báo",
    "Số cảnh báo",
    "Số cảnh báo theo loại",
    "Tệp",
  ]);
  for (const s of summaries) {
    const r = b.push([s.unit.name, s.pointsAtStake, s.count, s.byKind, s.unit.file]);
    b.points(r, 1);
  }
  if (summaries.length === 0 && rollup.failures.length === 0) b.push(["Không có cảnh báo"]);
  if (summaries.length > 0 || rollup.failures.length > 0) {
    b.push([""]);
    b.push(["CHI TIẾT"]);
    b.header(["Đơn vị", "Điểm có thể mất", "Loại cảnh báo", "Nội dung", "Tệp", "Trang", "Ô"]);
    for (const f of rollup.failures) b.push(["", "", "Không đọc được tệp", f.reason, f.file]);
    for (const s of summaries) {
      const shown = s.ordered.slice(0, WARNING_DETAIL_ROWS_PER_UNIT);
      for (const w of shown) {
        const r = b.push([
          s.unit.name,
          w.pointsAtStake > 0 ? w.pointsAtStake : "",
          w.label,
          w.message,
          s.unit.file,
          w.sheet,
          w.cell,
        ]);
        b.points(r, 1);
      }
      const more = s.ordered.length - shown.length;
      if (more > 0)
        b.push([
          s.unit.name,
          "",
          "",
          `… và ${more} cảnh báo khác, xem tệp của đơn vị`,
          s.unit.file,
        ]);
    }
  }
  return b.build(ROLLUP_SHEET_NAMES.warnings, [30, 14, 26, 70, 36, 18, 8], summaryHeader + 1, 1);
}

function overdueSheet(rollup: Rollup): RollupSheet {
  const b = new SheetBuilder();
  b.push(["VIỆC QUÁ HẠN CỦA CÁC ĐƠN VỊ"]);
  b.push([
    `Tính đến ngày ${formatDateVi(rollup.today)}; trong mỗi đơn vị, việc quá hạn lâu nhất trước.`,
  ]);
  const header = b.header([
    "Đơn vị",
    "Trang",
    "Ô thời hạn",
    "Nội dung",
    "Bộ phận thực hiện",
    "Hạn chót",
    "Số ngày quá hạn",
    "Tệp",
  ]);
  for (const { unit } of rollup.ranking) {
    const items = [...unit.overdue].sort((a, b2) => b2.daysLate - a.daysLate);
    for (const o of items)
      b.push([
        unit.name,
        o.sheet,
        o.cell,
        o.content,
        o.owner,
        o.due ? formatDateVi(o.due) : "",
        o.daysLate,
        unit.file,
      ]);
  }
  if (b.values.length === header + 1) b.push(["Không có việc quá hạn"]);
  return b.build(ROLLUP_SHEET_NAMES.overdue, [28, 22, 10, 60, 26, 12, 12, 40], header + 1, 1);
}

/** The four roll-up sheets, in the order they are added to a workbook. */
export function buildRollupSheets(rollup: Rollup): RollupSheet[] {
  return [rankingSheet(rollup), criteriaSheet(rollup), warningsSheet(rollup), overdueSheet(rollup)];
}

/** "16,75/20" for the terminal summary and the pane. */
export function pointsText(points: number, maxPoints: number): string {
  return `${formatNumberVi(points)}/${formatNumberVi(maxPoints)}`;
}

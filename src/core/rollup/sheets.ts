/**
 * The roll-up sheets as plain content (values, formats, header rows, highlighted cells,
 * widths, frozen rows, chart ranges), written the same way by the CLI (src/xlsx/rollup-workbook.ts) and the
 * add-in (Office.js): "Xếp hạng", "Theo tiêu chí", "Cảnh báo", "Việc quá hạn".
 */
import { formatDateVi } from "../parse/dates";
import { formatNumberVi } from "../parse/numbers";
import type { CellValue } from "../parse/values";
import { lostPoints, type Rollup } from "./rollup";
import { ROLLUP_TITLE } from "./unit-result";

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

export interface RollupSheet {
  name: string;
  /** Rows of equal length. */
  values: CellValue[][];
  /** Aligned with `values`. */
  numberFormats: string[][];
  /** 0-based rows styled as headers (bold, filled, wrapped). */
  headerRows: number[];
  /** 0-based rows of averages and counts (bold, light fill). */
  summaryRows: number[];
  /** Rows (from the top) and columns (from the left) kept in view while scrolling. */
  frozenRows: number;
  frozenColumns: number;
  /** Column widths in characters. */
  widths: number[];
  /** 0-based cells of points lost, filled in `ROLLUP_COLORS.lostFill`. */
  lostCells: Array<{ row: number; column: number }>;
  /** A bar chart of the totals: 0-based, inclusive rows of the category and value columns. */
  chart: {
    title: string;
    categoryColumn: number;
    valueColumn: number;
    firstRow: number;
    lastRow: number;
  } | null;
}

const POINTS_FORMAT = "0.00";

class SheetBuilder {
  readonly values: CellValue[][] = [];
  readonly headerRows: number[] = [];
  readonly summaryRows: number[] = [];
  readonly lostCells: Array<{ row: number; column: number }> = [];
  private readonly pointColumns = new Set<string>();

  push(...row: CellValue[]): number {
    this.values.push(row);
    return this.values.length - 1;
  }

  header(...row: CellValue[]): number {
    const r = this.push(...row);
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
    chart: RollupSheet["chart"] = null
  ): RollupSheet {
    const width = Math.max(widths.length, ...this.values.map((row) => row.length));
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
      headerRows: this.headerRows,
      summaryRows: this.summaryRows,
      frozenRows,
      frozenColumns,
      widths: Array.from({ length: width }, (_, c) => widths[c] ?? 12),
      lostCells: this.lostCells,
      chart,
    };
  }
}

const nullable = (value: number | null): CellValue => (value === null ? "" : value);

function rankingSheet(rollup: Rollup): RollupSheet {
  const b = new SheetBuilder();
  const units = rollup.ranking.length;
  b.push(ROLLUP_TITLE);
  b.push(
    `Tính đến ngày ${formatDateVi(rollup.today)} · ${units} đơn vị đã chấm` +
      (rollup.failures.length > 0
        ? ` · ${rollup.failures.length} tệp không đọc được (cuối trang)`
        : "") +
      " · Xếp theo điểm tính toán; các đơn vị bằng điểm cùng hạng. Trang do công cụ tạo lại mỗi lần tổng hợp."
  );
  // Areas of every group's set, main group first, each code once.
  const areas: Array<{ code: string; name: string }> = [];
  for (const group of rollup.groups)
    for (const e of group.set?.entries ?? [])
      if (e.isArea && !areas.some((a) => a.code === e.code))
        areas.push({ code: e.code, name: e.name });
  const header = b.header(
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
    "Tệp"
  );
  let lastMain = header;
  for (const ranked of rollup.ranking) {
    const u = ranked.unit;
    const byCode = new Map(u.areas.map((a) => [a.code, a.points]));
    const r = b.push(
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
      u.file
    );
    for (let c = 2; c < 6 + areas.length; c++) b.points(r, c);
    if (ranked.group === 0 && ranked.rank !== null) lastMain = r;
  }
  const chart =
    lastMain > header
      ? {
          title: "Tổng điểm tính toán theo đơn vị (nhóm bộ tiêu chí chính)",
          categoryColumn: 1,
          valueColumn: 2,
          firstRow: header + 1,
          lastRow: lastMain,
        }
      : null;
  if (rollup.failures.length > 0) {
    b.push("");
    b.header("Tệp không đọc được", "Lý do và cách khắc phục");
    for (const f of rollup.failures) b.push(f.file, f.reason);
  }
  const widths = [7, 28, 12, 12, 12, 10, ...areas.map(() => 12), 10, 10, 30, 50, 40];
  return b.build(ROLLUP_SHEET_NAMES.ranking, widths, header + 1, 2, chart);
}

function criteriaSheet(rollup: Rollup): RollupSheet {
  const b = new SheetBuilder();
  b.push("ĐIỂM THEO TIÊU CHÍ CỦA CÁC ĐƠN VỊ");
  b.push(
    "Ô tô màu cam: đơn vị mất điểm ở tiêu chí đó. Ô trống: bảng của đơn vị không có dòng chấm tiêu chí này. Mỗi nhóm bộ tiêu chí một bảng riêng."
  );
  let frozen = 0;
  rollup.matrix.forEach((block, i) => {
    b.push("");
    const set = block.group.set!;
    b.push(
      `Nhóm ${i + 1}: ${set.name} (${block.rows.length} đơn vị)` +
        (block.group.difference ? ` · khác nhóm chính: ${block.group.difference}` : "")
    );
    b.header("Hạng", "Đơn vị", ...block.columns.map((c) => c.code));
    b.header("", "Tên tiêu chí", ...block.columns.map((c) => c.name));
    const maxRow = b.push("", "Điểm tối đa", ...block.columns.map((c) => c.maxPoints));
    block.columns.forEach((_, k) => b.points(maxRow, k + 2));
    if (i === 0) frozen = maxRow + 1;
    for (const row of block.rows) {
      const r = b.push(row.ranked.rank ?? "", row.ranked.unit.name, ...row.points.map(nullable));
      row.points.forEach((p, k) => {
        if (p === null) return;
        b.points(r, k + 2);
        if (lostPoints(p, block.columns[k].maxPoints)) b.lostCells.push({ row: r, column: k + 2 });
      });
    }
    const avg = b.push("", "Trung bình", ...block.columns.map((c) => nullable(c.average)));
    block.columns.forEach((_, k) => b.points(avg, k + 2));
    const full = b.push("", "Số đơn vị đạt điểm tối đa", ...block.columns.map((c) => c.fullCount));
    b.summaryRows.push(avg, full);
  });
  if (rollup.matrix.length === 0) {
    b.push("");
    b.push(
      "Chưa có đơn vị nào được chấm theo bộ tiêu chí: chọn bộ tiêu chí chung hoặc thêm trang “Bộ tiêu chí” vào các tệp."
    );
  }
  const columns = Math.max(0, ...rollup.matrix.map((m) => m.columns.length));
  return b.build(
    ROLLUP_SHEET_NAMES.criteria,
    [7, 28, ...Array.from({ length: columns }, () => 14)],
    frozen,
    frozen > 0 ? 2 : 0
  );
}

function warningsSheet(rollup: Rollup): RollupSheet {
  const b = new SheetBuilder();
  b.push("CẢNH BÁO CỦA CÁC ĐƠN VỊ");
  b.push("Mỗi dòng một cảnh báo, ghi rõ trang và ô trong tệp của đơn vị để sửa tại đó.");
  const header = b.header("Đơn vị", "Trang", "Ô", "Loại cảnh báo", "Nội dung", "Tệp");
  for (const f of rollup.failures) b.push("", "", "", "Không đọc được tệp", f.reason, f.file);
  for (const { unit } of rollup.ranking)
    for (const w of unit.warnings)
      b.push(unit.name, w.sheet, w.cell, w.label, w.message, unit.file);
  if (b.values.length === header + 1) b.push("Không có cảnh báo");
  return b.build(ROLLUP_SHEET_NAMES.warnings, [28, 22, 8, 28, 80, 40], header + 1, 1);
}

function overdueSheet(rollup: Rollup): RollupSheet {
  const b = new SheetBuilder();
  b.push("VIỆC QUÁ HẠN CỦA CÁC ĐƠN VỊ");
  b.push(
    `Tính đến ngày ${formatDateVi(rollup.today)}; trong mỗi đơn vị, việc quá hạn lâu nhất trước.`
  );
  const header = b.header(
    "Đơn vị",
    "Trang",
    "Ô thời hạn",
    "Nội dung",
    "Bộ phận thực hiện",
    "Hạn chót",
    "Số ngày quá hạn",
    "Tệp"
  );
  for (const { unit } of rollup.ranking) {
    const items = [...unit.overdue].sort((a, b2) => b2.daysLate - a.daysLate);
    for (const o of items)
      b.push(
        unit.name,
        o.sheet,
        o.cell,
        o.content,
        o.owner,
        o.due ? formatDateVi(o.due) : "",
        o.daysLate,
        unit.file
      );
  }
  if (b.values.length === header + 1) b.push("Không có việc quá hạn");
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

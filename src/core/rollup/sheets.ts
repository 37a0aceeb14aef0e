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
import { widthForLines, wrappedLineCount } from "../parse/wrap";
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
 * highlighted, wrapped notes, widths, frozen panes, print setup, the ranking's chart and
 * where it sits).
 */
export type RollupSheet = SheetPlan;

/** The roll-up's fills: headers, averages and counts, points lost. */
const ROLLUP_FILLS = {
  header: ROLLUP_COLORS.headerFill,
  summary: ROLLUP_COLORS.summaryFill,
  highlight: ROLLUP_COLORS.lostFill,
};

/** A sheet's chart; placed right of the table, level with the first row that scrolls, unless it says where. */
type ChartSpec = Omit<SheetChart, "anchor"> & { anchor?: PlanCell };

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
    {
      chart = null,
      wrapColumns = [],
      fitToWidth = widthsPrintReadably(widths),
      titleRow = null,
    }: {
      chart?: ChartSpec | null;
      /** Columns whose cells below the frozen rows wrap (long notes). */
      wrapColumns?: number[];
      fitToWidth?: boolean;
      /** A header row repeated at the top of every printed page. */
      titleRow?: number | null;
    } = {}
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
      wrappedCells: wrappedCellsOf(values, wrapColumns, frozenRows),
      fills: ROLLUP_FILLS,
      frozenRows,
      frozenColumns,
      widths: Array.from({ length: width }, (_, c) => widths[c] ?? 12),
      print: {
        landscape: true,
        fitToWidth,
        titleRows: titleRow === null ? null : { first: titleRow, last: titleRow },
      },
      // Right of the table, one column apart, level with the first row that scrolls.
      chart: chart
        ? { ...chart, anchor: chart.anchor ?? { row: frozenRows, column: width + 1 } }
        : null,
    };
  }
}

/** The text cells of `columns` below the frozen rows: the cells a writer wraps. */
function wrappedCellsOf(values: CellValue[][], columns: number[], fromRow: number): PlanCell[] {
  const cells: PlanCell[] = [];
  for (let row = fromRow; row < values.length; row++)
    for (const column of columns)
      if (typeof values[row][column] === "string" && values[row][column] !== "")
        cells.push({ row, column });
  return cells;
}

const nullable = (value: number | null): CellValue => (value === null ? "" : value);

/**
 * The printed page: A4 landscape inside the default margins (0.7" left and right, 0.75"
 * top and bottom), in points; rows of the default height (15 points).
 */
const PAGE_POINTS = { width: (11.69 - 1.4) * 72, height: (8.27 - 1.5) * 72 };
const ROW_POINTS = 15;
/** Excel's default column width, in characters (columns the chart stands on have it). */
const DEFAULT_COLUMN_WIDTH = 8.43;

/** Points of a column `chars` wide (Excel: 7 pixels a character plus 5 of padding, 96 dpi). */
const columnPoints = (chars: number) => Math.trunc(chars * 7 + 5) * 0.75;

/**
 * Column widths (characters, summed) that still print readably scaled to one landscape A4
 * page wide (about 55%). Sheets wider than that print at their own size, over several
 * pages across, except the ranking, which always prints one page wide.
 */
const MAX_FITTED_WIDTH = 220;

function widthsPrintReadably(widths: number[]): boolean {
  return widths.reduce((sum, width) => sum + width, 0) <= MAX_FITTED_WIDTH;
}

/** Lines a header may wrap to (the writer makes the header row as tall). */
const HEADER_LINES = 5;
/** Lines a note of the ranking wraps to, at most (the writer shows up to 6). */
const NOTE_LINES = 6;

/** Width of a column whose cells are one line each: its longest text and a little room. */
function textWidth(texts: Iterable<string>, min: number, max: number): number {
  const longest = maxOf(
    Array.from(texts, (t) => t.length),
    0
  );
  return Math.min(max, Math.max(min, longest + 2));
}

const wrappedHeaderLines = (label: string, width: number) =>
  Math.min(HEADER_LINES, wrappedLineCount(label, width));

/** The widest column of names and paths (characters): longer ones wrap. */
const MAX_TEXT_WIDTH = 60;

const tooWide = (texts: string[]) => texts.some((t) => t.length + 2 > MAX_TEXT_WIDTH);

/** The chart beside the ranking: a blank column, then this many default-width columns. */
const CHART_COLUMNS = 8;

/**
 * The chart's height in rows: a row per unit (so that every name shows on its axis), at
 * least 16, and no taller than what is left of the first page beside the ranking once the
 * page is scaled to its width: the chart prints on page 1, whatever the district's size.
 */
function chartRows(units: number, widths: number[], headerLines: number): number {
  const printed =
    widths.reduce((sum, w) => sum + columnPoints(w), 0) +
    (CHART_COLUMNS + 1) * columnPoints(DEFAULT_COLUMN_WIDTH);
  const scale = Math.min(1, PAGE_POINTS.width / printed);
  // Title (24 points), subtitle, header: the rows above the chart.
  const above = 24 + ROW_POINTS + headerLines * ROW_POINTS;
  const room = Math.floor((PAGE_POINTS.height / scale - above) / ROW_POINTS) - 1;
  return Math.max(16, Math.min(units + 8, room));
}

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
  const labels = [
    "Hạng",
    "Đơn vị",
    "Tổng điểm tính toán",
    "Tổng điểm tự chấm",
    "Tổng điểm thẩm định",
    "Điểm tối đa",
    ...areas.map((a) => `${a.code}. ${a.name}`),
    "Số cảnh báo",
    "Số việc quá hạn",
    "Nhóm bộ tiêu chí",
    "Ghi chú",
    "Tệp",
  ];
  const header = b.header(labels);
  // The set's name is long (70 characters and more) and the same on most rows: each row
  // names its group, as "Theo tiêu chí" does, and the groups are listed under the ranking.
  const groupLabel = (group: number) =>
    rollup.groups[group]?.set ? `Nhóm ${group + 1}` : "(chưa có bộ tiêu chí)";
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
      groupLabel(ranked.group),
      ranked.note,
      u.file,
    ]);
    for (let c = 2; c < 6 + areas.length; c++) b.points(r, c);
    if (ranked.group === 0 && ranked.rank !== null) lastMain = r;
  }
  const ranked = rollup.groups.filter((g) => g.set !== null);
  if (ranked.length > 0) {
    b.push([""]);
    b.header(["", "Nhóm bộ tiêu chí", "Bộ tiêu chí"]);
    for (const g of ranked)
      b.push(["", `Nhóm ${g.index + 1}`, `${g.set!.name} (${g.units.length} đơn vị)`]);
  }
  // File names go in column B, which is as wide as the longest of them: whole on paper.
  if (rollup.failures.length > 0) {
    b.push([""]);
    b.header(["", "Tệp không đọc được", "Lý do và cách khắc phục"]);
    for (const f of rollup.failures) b.push(["", f.file, f.reason]);
  }
  if (rollup.duplicates.length > 0) {
    b.push([""]);
    b.header(["", "Tệp trùng đơn vị (không tính)", "Lý do"]);
    for (const f of rollup.duplicates) b.push(["", f.file, f.reason]);
  }
  const notes = rollup.ranking.map((r) => r.note).filter((n) => n !== "");
  const names = [
    ...rollup.ranking.map((r) => r.unit.name),
    ...rollup.failures.map((f) => f.file),
    ...rollup.duplicates.map((f) => f.file),
    ...ranked.map((g) => `Nhóm ${g.index + 1}`),
  ];
  const files = rollup.ranking.map((r) => r.unit.file);
  const heading = (label: string, min: number, max: number) =>
    widthForLines(label, HEADER_LINES, min, max);
  const areaStart = 6;
  const widths = [
    heading("Hạng", 5, 8),
    textWidth(names, 14, MAX_TEXT_WIDTH),
    ...labels.slice(2, areaStart).map((label) => heading(label, 8, 14)),
    ...areas.map((_, k) => heading(labels[areaStart + k], 9, 18)),
    heading("Số cảnh báo", 7, 12),
    heading("Số việc quá hạn", 7, 12),
    Math.max(
      heading("Nhóm bộ tiêu chí", 7, 12),
      textWidth(
        rollup.ranking.map((r) => groupLabel(r.group)),
        7,
        24
      )
    ),
    // Notes are long and few: they wrap, in a column wide enough for each in a few lines.
    notes.length > 0
      ? maxOf(
          notes.map((note) => widthForLines(note, NOTE_LINES, 12, 60)),
          12
        )
      : heading("Ghi chú", 8, 12),
    textWidth(files, 8, MAX_TEXT_WIDTH),
  ];
  const noteColumn = labels.length - 2;
  // A name or a path longer than the widest column wraps rather than being cut.
  const wrapColumns = [
    ...(tooWide(names) ? [1] : []),
    ...(notes.length > 0 ? [noteColumn] : []),
    ...(tooWide(files) ? [labels.length - 1] : []),
  ];
  const chart =
    lastMain > header
      ? {
          title:
            "Tổng điểm tính toán theo đơn vị, nhóm 1" +
            (rollup.groups[0]?.set ? ` (${rollup.groups[0].set.name})` : ""),
          categoryColumn: 1,
          valueColumns: [2],
          headerRow: header,
          firstRow: header + 1,
          lastRow: lastMain,
          // Beside the first rows of the ranking, one blank column after it: the page,
          // scaled to one page wide, holds the table's first rows and the whole chart.
          anchor: { row: header + 1, column: widths.length + 1 },
          firstOnTop: true,
          size: {
            columns: CHART_COLUMNS,
            rows: chartRows(
              lastMain - header,
              widths,
              maxOf(
                labels.map((label, c) => wrappedHeaderLines(label, widths[c])),
                1
              )
            ),
          },
        }
      : null;
  return b.build(ROLLUP_SHEET_NAMES.ranking, widths, header + 1, 2, {
    chart,
    wrapColumns,
    fitToWidth: true,
    titleRow: header,
  });
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
  return b.build(ROLLUP_SHEET_NAMES.overdue, [28, 22, 10, 60, 26, 12, 12, 40], header + 1, 1, {
    titleRow: header,
  });
}

/** The four roll-up sheets, in the order they are added to a workbook. */
export function buildRollupSheets(rollup: Rollup): RollupSheet[] {
  return [rankingSheet(rollup), criteriaSheet(rollup), warningsSheet(rollup), overdueSheet(rollup)];
}

/** "16,75/20" for the terminal summary and the pane. */
export function pointsText(points: number, maxPoints: number): string {
  return `${formatNumberVi(points)}/${formatNumberVi(maxPoints)}`;
}

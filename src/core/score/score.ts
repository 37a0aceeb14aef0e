/**
 * Scores a sheet: reads its appendix tables, checks each row against the criteria set,
 * applies the rules, reads deadlines and statuses, and adds up the totals.
 * Pure: a grid and options in, plain JSON out.
 */
import { CriteriaIndex, type IndexedCriterion } from "../criteria/criteria-index";
import {
  parseDeadline,
  recurringLabel,
  type Deadline,
  type ScheduleKind,
} from "../parse/deadlines";
import type { IsoDate } from "../parse/dates";
import { cellAddress, type Grid } from "../read/grid";
import { formatNumberVi, roundHalfAwayFromZero, roundPointsWithin } from "../parse/numbers";
import { applyRule } from "./rules";
import type { CriteriaSet } from "../criteria/schema";
import { dueState, parseStatus, type TaskStatus } from "../parse/status";
import { pickResult } from "../read/header-rows";
import { ruleKind } from "../criteria/rules";
import type { AppendixTable, TableRow } from "../read/table-reader";
import type { AssessmentExtras } from "../assessment/extras";
import { cellText, collapseSpaces, isBlankCell } from "../parse/text";
import { excelErrorValue, parsePoints, type CellValue } from "../parse/values";
import { warning, type RowWarning } from "../parse/warnings";
import { appendAll } from "../arrays";

export interface ScoreOptions {
  criteria?: CriteriaSet | null;
  /** "Tính đến ngày" (ISO). */
  today: IsoDate;
  /** Days ahead that count as nearly due. Default 7. */
  soonDays?: number;
  /** Year for deadlines without one; inferred from the sheet when absent. */
  planYear?: number;
}

export interface RowResult {
  /** 1-based Excel row. */
  row: number;
  criterion: string | null;
  criterionName: string | null;
  /** Area code from the criteria set, else the table's section numeral. */
  area: string | null;
  points: number | null;
  maxPoints: number | null;
  /** maxPoints − points for rows scored by a rule (where to focus), else null. */
  pointsAtStake: number | null;
  warnings: RowWarning[];
  status: TaskStatus;
  schedule: ScheduleKind;
  due: IsoDate | null;
  overdue: boolean;
  dueSoon: boolean;
  daysLate: number;
  milestones: IsoDate[];
  dueLabel: string;
  content: string;
  owner: string;
}

export interface AreaTotal {
  code: string;
  name: string;
  points: number;
  /** Sum of the maxima of the criteria the table scores. */
  maxPoints: number;
  /** The area's maximum in the criteria set. */
  areaMaxPoints: number;
  partial: boolean;
}

/** A criterion a plan table adds to its totals: counted once, not under a counted ancestor. */
export interface CountedCriterion {
  code: string;
  /** Codes of its ancestors in the set, nearest first. */
  ancestors: string[];
  area: string;
  points: number;
  maxPoints: number;
}

export interface TableTotals {
  points: number;
  maxPoints: number;
  areas: AreaTotal[];
  /**
   * Plan tables: what each counted criterion adds, so that a workbook counts a criterion
   * once even when two tables score it (score/counted-once). Self-assessment tables form
   * their total as a whole (bonus and deduction sections) and leave it out.
   */
  counted?: CountedCriterion[];
}

export interface TableResult {
  sheet: string;
  /** 1-based Excel row of the header. */
  headerRow: number;
  rows: RowResult[];
  totals: TableTotals;
  /** Codes of the set's criteria that no row of the table covers. */
  missingCriteria: string[];
  /** Where the table sits in the grid, for the writers. */
  layout: TableLayout;
  /** Self-assessment tables only: set checks, appraisal side by side, how the total was formed. */
  assessment?: AssessmentExtras;
}

export interface TableLayout {
  /** 0-based grid row of the header. */
  headerRow: number;
  /** 0-based grid rows of the data rows, aligned with `rows`. */
  dataRows: number[];
  /** 0-based grid row of the table's last row. */
  lastRow: number;
  lastInputColumn: number;
  ownedColumn: number | null;
  ownedWidth: number | null;
  marker: string | null;
  /** 0-based grid column of the status and due-relevant input columns. */
  statusColumn: number | null;
  /**
   * 0-based grid column of the table's deadline column, null when it has none (every
   * self-assessment table): the block then has no due and state columns.
   */
  deadlineColumn: number | null;
}

export interface SheetResult {
  sheet: string;
  planYear: number;
  today: IsoDate;
  tables: TableResult[];
  /** Sheet-level notices in Vietnamese (no table found, no criteria set…). */
  notices: string[];
}

export interface TableContext {
  today: IsoDate;
  soonDays: number;
  planYear: number;
}

/** Scores one appendix (plan) table of a sheet; `scoreSheet` (sheet.ts) calls it per table. */
export function scoreTable(
  grid: Grid,
  table: AppendixTable,
  index: CriteriaIndex | null,
  ctx: TableContext
): TableResult {
  const firstRow = grid.firstRow ?? 1;
  const resolved = table.rows.map((row) => resolveCriterion(row, index));
  const rows = table.rows.map((row, i) =>
    scoreRow(grid, row, resolved[i], ctx, table.columns.deadline, table.columns.status)
  );
  const counted = countedRows(rows, resolved);
  fillParentRows(rows, resolved, counted);
  for (let i = 0; i < rows.length; i++) addRowChecks(grid, table, table.rows[i], rows[i]);
  const totals = addTotals(rows, resolved, index, counted);
  return {
    sheet: grid.sheetName,
    headerRow: table.headerRow + firstRow,
    rows,
    totals,
    missingCriteria:
      index && resolved.some((r) => r !== null && "entry" in r)
        ? missingCriteria(index, resolved)
        : [],
    layout: {
      headerRow: table.headerRow,
      dataRows: table.rows.map((row) => row.index),
      lastRow: table.lastRow,
      lastInputColumn: table.lastInputColumn,
      ownedColumn: table.ownedColumn,
      ownedWidth: table.ownedWidth,
      marker: table.marker,
      statusColumn: table.columns.status ?? null,
      deadlineColumn: table.columns.deadline ?? null,
    },
  };
}

type Resolution = { entry: IndexedCriterion } | { unknown: string } | null;

function resolveCriterion(row: TableRow, index: CriteriaIndex | null): Resolution {
  if (!index) return null;
  const entry = index.resolve(row.code, row.section, cellText(row.cells.content ?? ""));
  if (entry) return { entry };
  // A single number leading the content ("1. Báo cáo…") is often list numbering, not a
  // criterion code; only dotted codes and the code column are claims worth a warning.
  if (row.code !== null && (row.codeFromColumn || row.code.includes(".")))
    return { unknown: row.code };
  return null;
}

function scoreRow(
  grid: Grid,
  row: TableRow,
  resolution: Resolution,
  ctx: TableContext,
  deadlineColumn: number | undefined,
  statusColumn?: number
): RowResult {
  const warnings: RowWarning[] = [];
  // A number in the deadline cell may be no date at all (20251215 typed as yyyymmdd): the
  // warning then names the cell. Text deadlines quote themselves.
  const deadlineCtx =
    typeof row.cells.deadline === "number" && deadlineColumn !== undefined
      ? { ...ctx, cell: cellAddress(grid, row.index, deadlineColumn) }
      : ctx;
  const deadline: Deadline = parseDeadline(
    row.cells.deadline ?? "",
    row.formats.deadline,
    deadlineCtx
  );
  appendAll(warnings, deadline.warnings);
  const status = parseStatus(row.cells.status ?? "", row.formats.status);
  if (status === "unknown" && statusColumn !== undefined) {
    // Never silently "not done": the person learns which cell the tool did not understand.
    const quoted = cellText(row.cells.status ?? "").trim();
    warnings.push(
      warning(
        "unknown_status",
        `Ô ${cellAddress(grid, row.index, statusColumn)}: không hiểu tình trạng "${quoted.length > 40 ? `${quoted.slice(0, 40)}…` : quoted}" nên tạm coi là chưa hoàn thành; ghi "Đã hoàn thành", "Đang thực hiện" hoặc "Chưa thực hiện"`
      )
    );
  }
  const state = dueState(deadline, status, ctx.today, ctx.soonDays);
  // A recurring label names the pattern, not one date, so the written cell never goes stale.
  if (deadline.schedule === "recurring" && deadline.recurrence)
    state.label = recurringLabel(deadline.recurrence);
  appendAll(warnings, state.warnings);

  let criterion: string | null = null;
  let criterionName: string | null = null;
  let area: string | null = row.section;
  let points: number | null = null;
  let maxPoints: number | null = null;
  if (resolution && "entry" in resolution) {
    const { criterion: c, area: a } = resolution.entry;
    criterion = c.code;
    criterionName = c.name;
    area = a.code;
    maxPoints = c.maxPoints;
    if (c.rule) {
      // Under a two-row header the rule reads the sub-column it needs ("Tỷ lệ", "Số liệu").
      const result = pickResult(row.results, ruleKind(c.rule.kind).resultColumn);
      const error = result ? excelErrorValue(result.value) : null;
      if (result && error) {
        warnings.unshift(
          warning(
            "invalid_value",
            `Ô ${cellAddress(grid, row.index, result.column)}: công thức trong ô bị lỗi (${error}) nên chưa chấm được: sửa công thức (ví dụ phép chia cho 0) rồi chấm lại`
          )
        );
      } else {
        const outcome = applyRule(
          c.rule,
          { value: result?.value ?? "", numberFormat: result?.format },
          c.maxPoints
        );
        points = outcome.points;
        // The rule's warnings come first, in their order.
        for (let i = outcome.warnings.length - 1; i >= 0; i--)
          warnings.unshift(outcome.warnings[i]);
      }
    }
  } else if (resolution && "unknown" in resolution) {
    criterion = resolution.unknown;
    warnings.unshift(
      warning(
        "unknown_criterion",
        `Mã tiêu chí ${resolution.unknown} không có trong bộ tiêu chí: kiểm tra lại mã hoặc chọn đúng bộ tiêu chí`
      )
    );
  }
  return {
    row: row.index + (grid.firstRow ?? 1),
    criterion,
    criterionName,
    area,
    points,
    maxPoints,
    pointsAtStake: null,
    warnings,
    status,
    schedule: deadline.schedule,
    due: deadline.due,
    overdue: state.overdue,
    dueSoon: state.dueSoon,
    daysLate: state.daysLate,
    milestones: deadline.milestones,
    dueLabel: state.label,
    content: collapseSpaces(cellText(row.cells.content ?? "")),
    owner: collapseSpaces(cellText(row.cells.owner ?? "")),
  };
}

/**
 * The row that counts for each criterion (its index in `rows`): a criterion's points are
 * counted once however often the table lists it. That is the first of its rows with
 * points, else its first row; every row of a repeated criterion says which rows list it.
 */
function countedRows(rows: RowResult[], resolved: Resolution[]): Map<string, number> {
  const rowsOf = new Map<string, number[]>();
  resolved.forEach((r, i) => {
    if (!r || !("entry" in r)) return;
    const code = r.entry.criterion.code;
    const list = rowsOf.get(code);
    if (list) list.push(i);
    else rowsOf.set(code, [i]);
  });
  const counted = new Map<string, number>();
  for (const [code, indices] of rowsOf) {
    const chosen = indices.find((i) => rows[i].points !== null) ?? indices[0];
    counted.set(code, chosen);
    if (indices.length === 1) continue;
    const listed = indices.slice(0, 10).map((i) => rows[i].row);
    const more = indices.length > 10 ? ` và ${indices.length - 10} dòng khác` : "";
    const message = `Tiêu chí ${code} ghi ở các dòng ${listed.join(", ")}${more}: điểm chỉ tính một lần, theo dòng ${rows[chosen].row}; hãy xoá các dòng lặp lại`;
    for (const i of indices) rows[i].warnings.push(warning("duplicate_criterion", message));
  }
  return counted;
}

/** A parent criterion's row scores the sum of its children's rows (each counted once), within its maximum. */
function fillParentRows(
  rows: RowResult[],
  resolved: Resolution[],
  counted: Map<string, number>
): void {
  // One pass: the points of every rule-scored row, added to each of its ancestors.
  const sums = new Map<string, number>();
  rows.forEach((row, i) => {
    const r = resolved[i];
    if (!r || !("entry" in r) || r.entry.criterion.rule === undefined || row.points === null)
      return;
    if (counted.get(r.entry.criterion.code) !== i) return;
    for (const code of r.entry.ancestors) sums.set(code, (sums.get(code) ?? 0) + row.points);
  });
  rows.forEach((row, i) => {
    const res = resolved[i];
    if (!res || !("entry" in res) || !res.entry.criterion.children?.length) return;
    const sum = sums.get(res.entry.criterion.code);
    row.points = sum === undefined ? null : roundPointsWithin(sum, res.entry.criterion.maxPoints);
  });
  // A parent's loss is its children's: only rows with a rule of their own are "where to focus".
  rows.forEach((row, i) => {
    const res = resolved[i];
    const scoredByRule = res !== null && "entry" in res && res.entry.criterion.rule !== undefined;
    row.pointsAtStake =
      scoredByRule && row.points !== null && row.maxPoints !== null
        ? roundHalfAwayFromZero(row.maxPoints - row.points, 2)
        : null;
  });
}

/** Checks that compare the row with the set: max, self-score, evidence. */
function addRowChecks(grid: Grid, table: AppendixTable, source: TableRow, row: RowResult): void {
  if (row.maxPoints === null) return;
  const maxColumn = table.columns.maxPoints;
  if (maxColumn !== undefined && !isBlankCell(source.cells.maxPoints ?? "")) {
    const written = parsePoints({ value: source.cells.maxPoints ?? "" }, row.maxPoints);
    if (written === null || Math.abs(written - row.maxPoints) > 0.001) {
      row.warnings.push(
        warning(
          "max_mismatch",
          `Ô ${cellAddress(grid, source.index, maxColumn)}: điểm tối đa ghi "${shownValue(source.cells.maxPoints)}" khác bộ tiêu chí (${formatNumberVi(row.maxPoints)})`
        )
      );
    }
  }
  const selfColumn = table.columns.selfScore;
  if (
    selfColumn !== undefined &&
    row.points !== null &&
    !isBlankCell(source.cells.selfScore ?? "")
  ) {
    const self = parsePoints({ value: source.cells.selfScore ?? "" }, row.maxPoints);
    if (self === null || Math.abs(self - row.points) > 0.005) {
      row.warnings.push(
        warning(
          "self_score_mismatch",
          `Ô ${cellAddress(grid, source.index, selfColumn)}: điểm tự chấm ${shownValue(source.cells.selfScore)} khác điểm tính toán ${formatNumberVi(row.points)}`
        )
      );
    }
  }
  const evidenceColumn = table.columns.evidence;
  // A parent's row only adds up its children; the evidence belongs to the children's rows.
  const scoredByRule = row.pointsAtStake !== null;
  if (
    evidenceColumn !== undefined &&
    scoredByRule &&
    row.points !== null &&
    row.points > 0 &&
    isBlankCell(source.cells.evidence ?? "")
  ) {
    row.warnings.push(
      warning(
        "missing_evidence",
        `Ô ${cellAddress(grid, source.index, evidenceColumn)}: chưa có tài liệu kiểm chứng cho tiêu chí được ${formatNumberVi(row.points)} điểm`
      )
    );
  }
}

/** A cell as a user reads it: numbers with a decimal comma, text quoted. */
function shownValue(value: CellValue | undefined): string {
  if (typeof value === "number") return formatNumberVi(value, 4);
  const text = collapseSpaces(cellText(value).slice(0, 200));
  return `"${text.length > 80 ? `${Array.from(text).slice(0, 80).join("")}…` : text}"`;
}

/**
 * Totals count each criterion once, and a criterion whose ancestor has a row of its own
 * not at all: the parent's row already holds the sum of its children.
 */
function addTotals(
  rows: RowResult[],
  resolved: Resolution[],
  index: CriteriaIndex | null,
  countedRow: Map<string, number>
): TableTotals {
  const present = new Set<string>();
  resolved.forEach((r) => r && "entry" in r && present.add(r.entry.criterion.code));
  const counted: CountedCriterion[] = [];
  rows.forEach((row, i) => {
    const r = resolved[i];
    if (!r || !("entry" in r)) return;
    const { criterion, area, ancestors } = r.entry;
    if (countedRow.get(criterion.code) !== i || ancestors.some((code) => present.has(code))) return;
    counted.push({
      code: criterion.code,
      ancestors,
      area: area.code,
      points: row.points ?? 0,
      maxPoints: criterion.maxPoints,
    });
  });
  const areas: AreaTotal[] = (index?.set.areas ?? []).map((area) => ({
    code: area.code,
    name: area.name,
    points: 0,
    maxPoints: 0,
    areaMaxPoints: area.maxPoints,
    partial: area.partial ?? false,
  }));
  return totalsOfCounted(counted, areas);
}

/**
 * The totals of counted criteria: per area, in the order of `areas` (those nothing is
 * counted in left out), and in all, each rounded within its maximum.
 *
 * @example totalsOfCounted([{ code: "I.1", ancestors: [], area: "I", points: 1, maxPoints: 1.5 }], areasOfSet).points === 1
 */
export function totalsOfCounted(
  counted: CountedCriterion[],
  areas: readonly AreaTotal[]
): TableTotals {
  const sums = new Map(areas.map((area) => [area.code, { ...area, points: 0, maxPoints: 0 }]));
  const used = new Set<string>();
  let points = 0;
  let maxPoints = 0;
  for (const entry of counted) {
    const area = sums.get(entry.area);
    if (area) {
      area.points += entry.points;
      area.maxPoints += entry.maxPoints;
      used.add(entry.area);
    }
    points += entry.points;
    maxPoints += entry.maxPoints;
  }
  const ordered = [...sums.values()].filter((area) => used.has(area.code));
  // Every criterion is counted once and within its maximum, so no total can pass its own;
  // the bound is restated so that binary rounding noise cannot either.
  for (const area of ordered) {
    area.maxPoints = roundHalfAwayFromZero(area.maxPoints, 2);
    area.points = roundPointsWithin(area.points, area.maxPoints);
  }
  const roundedMax = roundHalfAwayFromZero(maxPoints, 2);
  return {
    points: roundPointsWithin(points, roundedMax),
    maxPoints: roundedMax,
    areas: ordered,
    counted,
  };
}

/** The set's criteria that no row covers (itself, an ancestor or a descendant). */
function missingCriteria(index: CriteriaIndex, resolved: Resolution[]): string[] {
  const covered = new Set<string>();
  const withRow = new Set<string>();
  for (const r of resolved) {
    if (!r || !("entry" in r)) continue;
    withRow.add(r.entry.criterion.code);
    covered.add(r.entry.criterion.code);
    for (const code of r.entry.ancestors) covered.add(code);
  }
  const missing: string[] = [];
  for (const entry of index.all()) {
    if (covered.has(entry.criterion.code)) continue;
    // Report only the topmost missing criterion, and nothing under a covered one.
    if (entry.ancestors.some((code) => missing.includes(code))) continue;
    if (entry.ancestors.some((code) => withRow.has(code))) continue;
    missing.push(entry.criterion.code);
  }
  return missing;
}

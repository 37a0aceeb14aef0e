/**
 * One unit's workbook reduced to what a roll-up needs: totals (self-score, computed,
 * appraised), points per area and per criterion, and every warning and overdue task with
 * its sheet and cell. Plain JSON, so that a worker thread can send it back.
 */
import { CriteriaIndex } from "../criteria/criteria-index";
import { deriveSetFromGrids } from "../assessment/derive-set";
import { isCriteriaSheet, readCriteriaSheet } from "../criteria/criteria-sheet";
import { isReservedSheet } from "../read/output-columns";
import { cellAddress, cellAt, columnLetter, type Grid } from "../read/grid";
import { roundHalfAwayFromZero } from "../parse/numbers";
import { scoreWorkbookOnly, type RunOptions, type WorkbookRun } from "../run";
import type { CriteriaSet, Criterion } from "../criteria/schema";
import type { TableResult } from "../score/score";
import { matchHeader } from "../read/table-reader";
import { cellText, isBlankCell, normalizeVi } from "../parse/text";
import { parsePoints } from "../parse/values";
import { WARNING_LABELS, type WarningCode } from "../parse/warnings";
import { countEachCriterionOnce } from "../score/counted-once";
import { unitName, type UnitNameSource } from "./unit-name";

/** A criterion of the set as the roll-up compares and shows it. */
export interface SetEntry {
  code: string;
  name: string;
  maxPoints: number;
  /** True for an area ("lĩnh vực"), false for a criterion. */
  isArea: boolean;
}

export interface UnitCriteriaSet {
  id: string;
  name: string;
  /** Areas and criteria in set order (parents before children). */
  entries: SetEntry[];
}

export interface UnitWarning {
  sheet: string;
  row: number;
  /** The cell the message names ("D7"), else the row's first cell of the table. */
  cell: string;
  code: WarningCode | "notice";
  label: string;
  message: string;
  /**
   * The points the warned row could still gain (its criterion's maximum minus the points it
   * got), 0 when none or not a scored row. A row with several warnings carries it on each.
   */
  pointsAtStake: number;
}

export interface UnitOverdue {
  sheet: string;
  row: number;
  /** The deadline cell ("E12"), or the row's first cell when the table has no deadline column. */
  cell: string;
  content: string;
  owner: string;
  due: string | null;
  daysLate: number;
}

export interface UnitResult {
  /** The file as the user gave it (path or name). */
  file: string;
  name: string;
  nameSource: UnitNameSource;
  criteriaSet: UnitCriteriaSet | null;
  /** Sum of the "Điểm tự chấm" column over the scored criteria, null when none is filled. */
  selfPoints: number | null;
  points: number;
  maxPoints: number;
  /** Sum of the appraised scores ("Điểm thẩm định"), null when none is filled. */
  appraisedPoints: number | null;
  areas: Array<{ code: string; name: string; points: number; maxPoints: number }>;
  /** Points per criterion code (parents hold their children's sum). */
  criterionPoints: Record<string, number>;
  warnings: UnitWarning[];
  overdue: UnitOverdue[];
  tableCount: number;
}

/** A file the roll-up could not use, with the reason in Vietnamese. */
export interface UnitFailure {
  file: string;
  reason: string;
}

/** Headers of the appraised-score column, compared without case or tone placement. */
const APPRAISAL_HEADERS = [
  "Điểm thẩm định",
  "Điểm thẩm định sau khi trừ",
  "Điểm đánh giá của cấp có thẩm quyền",
  "Điểm thẩm định của cấp trên",
].map(normalizeVi);

/**
 * True for the header of the appraised-score column; numbering and notes in brackets
 * are ignored ("9. Điểm thẩm định (điểm)").
 *
 * @example isAppraisalHeader("Điểm thẩm\nđịnh") === true
 * @example isAppraisalHeader("Điểm tự chấm") === false
 */
export function isAppraisalHeader(text: string): boolean {
  const key = normalizeVi(text)
    .replace(/^\d+\s*[-.)]\s*/, "")
    .replace(/\s*\([^)]*\)\s*$/, "")
    .trim();
  return APPRAISAL_HEADERS.includes(key);
}

/**
 * The cell a warning message names: "Ô 'Phụ lục'!D7: …" → "D7".
 *
 * @example cellInMessage("Ô 'Tự chấm'!G12: điểm tự chấm 1 khác…") === "G12"
 * @example cellInMessage("Chưa có kết quả") === null
 */
export function cellInMessage(message: string): string | null {
  if (!message.startsWith("Ô ")) return null;
  const colon = message.indexOf(": ", 2);
  const address = colon < 0 ? message.slice(2) : message.slice(2, colon);
  const bang = address.lastIndexOf("!");
  const cell = address.slice(bang + 1);
  return /^[A-Z]{1,3}\d{1,7}$/.test(cell) ? cell : null;
}

/** The set's areas and criteria, flattened in set order. */
export function setEntries(set: CriteriaSet): SetEntry[] {
  const entries: SetEntry[] = [];
  const visit = (criterion: Criterion) => {
    entries.push({
      code: criterion.code,
      name: criterion.name,
      maxPoints: criterion.maxPoints,
      isArea: false,
    });
    for (const child of criterion.children ?? []) visit(child);
  };
  for (const area of set.areas) {
    entries.push({ code: area.code, name: area.name, maxPoints: area.maxPoints, isArea: true });
    for (const criterion of area.criteria) visit(criterion);
  }
  return entries;
}

interface SideTotals {
  self: number | null;
  appraised: number | null;
}

/**
 * Self-scores and appraised scores of the rows the totals count (each criterion once,
 * and not under an ancestor that has a row of its own), read from the table's columns.
 */
function sideTotals(
  grid: Grid,
  table: TableResult,
  index: CriteriaIndex | null,
  repeated: ReadonlySet<string>
): SideTotals {
  if (!index) return { self: null, appraised: null };
  const header = matchHeader(grid, table.layout.headerRow);
  const selfColumn = header?.columns.selfScore;
  let appraisedColumn: number | undefined;
  const headerCells = grid.values[table.layout.headerRow] ?? [];
  for (let c = 0; c < headerCells.length; c++) {
    if (isAppraisalHeader(cellText(headerCells[c]))) {
      appraisedColumn = c;
      break;
    }
  }
  if (selfColumn === undefined && appraisedColumn === undefined)
    return { self: null, appraised: null };
  const present = new Set<string>();
  for (const row of table.rows)
    if (row.criterion && index.get(row.criterion)) present.add(row.criterion);
  const counted = new Set<string>();
  let self: number | null = null;
  let appraised: number | null = null;
  table.rows.forEach((row, i) => {
    const entry = row.criterion ? index.get(row.criterion) : undefined;
    // A criterion an earlier table counts is that table's (score/counted-once).
    if (!entry || counted.has(entry.criterion.code) || repeated.has(entry.criterion.code)) return;
    if (entry.ancestors.some((code) => present.has(code))) return;
    counted.add(entry.criterion.code);
    const gridRow = table.layout.dataRows[i];
    const max = entry.criterion.maxPoints;
    const read = (column: number | undefined): number | null => {
      if (column === undefined) return null;
      const value = cellAt(grid, gridRow, column);
      if (isBlankCell(value)) return null;
      const points = parsePoints({ value }, max);
      // Points outside [0, max] are a sender's typo; they are clamped, never summed as typed.
      return points === null ? null : Math.min(Math.max(points, 0), max);
    };
    const s = read(selfColumn);
    if (s !== null) self = (self ?? 0) + s;
    const a = read(appraisedColumn);
    if (a !== null) appraised = (appraised ?? 0) + a;
  });
  return { self, appraised };
}

function deadlineColumn(grid: Grid, table: TableResult): number | undefined {
  return matchHeader(grid, table.layout.headerRow)?.columns.deadline;
}

const addNullable = (a: number | null, b: number | null) =>
  a === null ? b : b === null ? a : a + b;

/**
 * Scores one unit's workbook and reduces the run to a roll-up row.
 *
 * @example scoreUnit(grids, "phuong-la-khe.xlsx", { criteria, today: "2025-11-20" }).points
 */
export function scoreUnit(grids: Grid[], file: string, options: RunOptions): UnitResult {
  // Nothing is written into a unit's workbook: no write plan is made.
  const run = scoreWorkbookOnly(grids, options);
  // Without a chosen set, a self-assessment table's own (derived) set is the unit's.
  return unitFromRun(run, grids, file, options.criteria ?? run.derivedSet?.set ?? null);
}

/** The roll-up row of a run already made. */
export function unitFromRun(
  run: Pick<WorkbookRun, "results" | "summary">,
  grids: Grid[],
  file: string,
  criteria: CriteriaSet | null
): UnitResult {
  const index = criteria ? new CriteriaIndex(criteria) : null;
  const gridBySheet = new Map(grids.map((grid) => [grid.sheetName, grid]));
  const warnings: UnitWarning[] = [];
  const overdue: UnitOverdue[] = [];
  const criterionPoints: Record<string, number> = {};
  let self: number | null = null;
  let appraised: number | null = null;
  let tableCount = 0;
  // Side totals count each criterion once in the workbook, as the summary's points do.
  const counting = countEachCriterionOnce(
    run.results.flatMap((sheet) => sheet.tables),
    criteria
  );
  for (const sheet of run.results) {
    const grid = gridBySheet.get(sheet.sheet);
    for (const notice of sheet.notices) {
      warnings.push({
        sheet: sheet.sheet,
        row: 0,
        cell: "",
        code: "notice",
        label: "Thông báo",
        message: notice,
        pointsAtStake: 0,
      });
    }
    for (const table of sheet.tables) {
      const { repeated, leftOut } = counting[tableCount];
      tableCount++;
      if (grid && !leftOut) {
        // Self-assessment tables carry their own side-by-side totals (core/assessment).
        const appraisal = table.assessment?.appraisal;
        const sides = appraisal
          ? {
              self: appraisal.totals.self,
              appraised: appraisal.appraised ? appraisal.totals.appraised : null,
            }
          : sideTotals(grid, table, index, new Set(repeated));
        self = addNullable(self, sides.self);
        appraised = addNullable(appraised, sides.appraised);
      }
      const dueColumn = grid ? deadlineColumn(grid, table) : undefined;
      const firstColumn = grid?.firstColumn ?? 0;
      table.rows.forEach((row, i) => {
        if (row.criterion && row.points !== null && !(row.criterion in criterionPoints))
          criterionPoints[row.criterion] = row.points;
        const rowCell = `${columnLetter(firstColumn)}${row.row}`;
        for (const w of row.warnings) {
          warnings.push({
            sheet: table.sheet,
            row: row.row,
            cell: cellInMessage(w.message) ?? rowCell,
            code: w.code,
            label: WARNING_LABELS[w.code],
            message: w.message,
            pointsAtStake: row.pointsAtStake ?? 0,
          });
        }
        if (row.overdue) {
          const dueCell =
            grid && dueColumn !== undefined
              ? cellAddress(grid, table.layout.dataRows[i], dueColumn).split("!").pop()!
              : rowCell;
          overdue.push({
            sheet: table.sheet,
            row: row.row,
            cell: dueCell,
            content: row.content,
            owner: row.owner,
            due: row.due,
            daysLate: row.daysLate,
          });
        }
      });
    }
  }
  for (const notice of run.summary.notices) {
    // Sheet notices are already listed with their sheet; set-level ones are the unit's.
    if (warnings.some((w) => w.code === "notice" && w.message === notice)) continue;
    warnings.push({
      sheet: "",
      row: 0,
      cell: "",
      code: "notice",
      label: "Thông báo",
      message: notice,
      pointsAtStake: 0,
    });
  }
  const name = unitName(grids, file);
  const bounded = (value: number | null, max: number) =>
    value === null ? null : roundHalfAwayFromZero(Math.min(Math.max(value, 0), max), 2);
  return {
    file,
    name: name.name,
    nameSource: name.source,
    criteriaSet: criteria
      ? { id: criteria.id, name: criteria.name, entries: setEntries(criteria) }
      : null,
    selfPoints: bounded(self, run.summary.maxPoints),
    points: run.summary.points,
    maxPoints: run.summary.maxPoints,
    appraisedPoints: bounded(appraised, run.summary.maxPoints),
    areas: run.summary.areas.map((a) => ({
      code: a.code,
      name: a.name,
      points: a.points,
      maxPoints: a.maxPoints,
    })),
    criterionPoints,
    warnings,
    overdue,
    tableCount,
  };
}

/** The title the roll-up writes in A1 of its "Xếp hạng" sheet. */
export const ROLLUP_TITLE = "XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC ĐƠN VỊ";

/** True for a roll-up workbook this tool wrote: it is not a unit's file. */
function isRollupWorkbook(grids: Grid[]): boolean {
  return grids.some(
    (grid) =>
      normalizeVi(grid.sheetName).startsWith(normalizeVi("Xếp hạng")) &&
      normalizeVi(cellText(cellAt(grid, 0, 0))) === normalizeVi(ROLLUP_TITLE)
  );
}

export interface UnitOptions {
  /** One set for every unit (--criteria); null: each workbook's own "Bộ tiêu chí" sheet. */
  criteria: CriteriaSet | null;
  /** The set for a workbook without a "Bộ tiêu chí" sheet when no shared set is given. */
  fallbackCriteria?: CriteriaSet | null;
  today: RunOptions["today"];
  soonDays?: number;
}

/**
 * One unit's workbook, read into grids, to its roll-up row: scored with the shared set,
 * else with its own "Bộ tiêu chí" sheet, else with the fallback set; a sheet with errors makes the file a failure
 * (listed with the cells to fix) rather than a silently unscored unit.
 */
export function rollupUnit(
  grids: Grid[],
  file: string,
  options: UnitOptions
): { ok: true; unit: UnitResult } | { ok: false; failure: UnitFailure } {
  if (isRollupWorkbook(grids)) {
    return {
      ok: false,
      failure: {
        file,
        reason:
          "Đây là tệp tổng hợp do công cụ tạo (có trang “Xếp hạng”), không phải tệp của một đơn vị: đã bỏ qua. Để tệp tổng hợp ngoài thư mục các đơn vị nếu không muốn thấy dòng này.",
      },
    };
  }
  let criteria = options.criteria;
  if (!criteria) {
    const sheet = grids.find((grid) => isCriteriaSheet(grid));
    if (sheet) {
      const parsed = readCriteriaSheet(sheet);
      if (!parsed.ok) {
        const problems = parsed.problems.slice(0, 5).map((p) => p.message);
        const more = parsed.problems.length > 5 ? ` và ${parsed.problems.length - 5} lỗi khác` : "";
        return {
          ok: false,
          failure: {
            file,
            reason: `Trang "${sheet.sheetName}" có lỗi nên chưa chấm tệp này: ${problems.join("; ")}${more}. Sửa các ô đó trong tệp rồi tổng hợp lại.`,
          },
        };
      }
      criteria = parsed.value;
    } else {
      // A self-assessment table's own set comes before the fallback.
      const reserved = (grid: Grid) => isCriteriaSheet(grid) || isReservedSheet(grid.sheetName);
      criteria = options.fallbackCriteria
        ? (deriveSetFromGrids(grids.filter((g) => !reserved(g)))?.set ?? options.fallbackCriteria)
        : null;
    }
  }
  const unit = scoreUnit(grids, file, {
    criteria,
    today: options.today,
    soonDays: options.soonDays,
  });
  if (unit.tableCount === 0) {
    // Ranked, it would be last with "0/0 điểm" as if the unit had scored nothing.
    const notices = unit.warnings.filter((w) => w.code === "notice").map((w) => w.message);
    return {
      ok: false,
      failure: {
        file,
        reason:
          "Không tìm thấy bảng phụ lục nào trong tệp (cần một dòng tiêu đề có cột nội dung và cột điểm hoặc thời hạn), nên không xếp hạng" +
          (notices.length > 0 ? `: ${notices.slice(0, 3).join("; ")}` : "") +
          ". Kiểm tra đúng tệp của đơn vị, hoặc chấm riêng tệp bằng lệnh score để xem chi tiết.",
      },
    };
  }
  return { ok: true, unit };
}

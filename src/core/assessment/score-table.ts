/**
 * Scores a self-assessment table against a criteria set (the table's own, or one chosen
 * explicitly): each criterion row from its option marks, its figure, or its self-score;
 * parents from their children; bonus and deduction sections within their caps, outside
 * the main total. Gives the same TableResult as the plan appendices, so the writers, the
 * summary and the reports need nothing new; the appraisal and the set checks ride along.
 */
import { CriteriaIndex, type IndexedCriterion } from "../criteria/criteria-index";
import { cellAddress, cellAt, type Grid } from "../read/grid";
import {
  formatNumberVi,
  parseDecimal,
  roundHalfAwayFromZero,
  roundPointsWithin,
} from "../parse/numbers";
import { applyRule } from "../score/rules";
import type { CriteriaSet } from "../criteria/schema";
import type { AreaTotal, RowResult, TableResult } from "../score/score";
import { cellText, collapseSpaces, isBlankCell } from "../parse/text";
import type { CellValue } from "../parse/values";
import { warning, type RowWarning } from "../parse/warnings";
import { buildAppraisal, type AppraisalInput } from "./appraisal";
import type { AssessmentRole } from "./layout";
import { readOptionMarks } from "./option-rows";
import {
  readAssessments,
  type ReadArea,
  type ReadAssessment,
  type ReadCriterion,
} from "./read-table";
import { checkSet } from "./set-checks";
import type { AssessmentExtras, TotalFormation } from "./extras";
import { appendAll } from "../arrays";

export type { AssessmentExtras, TotalFormation } from "./extras";

function numberOf(value: CellValue): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return parseDecimal(cellText(value).replace(/\s*(?:điểm|đ)$/, ""));
}

function unsigned(value: CellValue): CellValue {
  const n = numberOf(value);
  return n !== null && n < 0 ? -n : value;
}

interface Scored {
  read: ReadCriterion;
  area: ReadArea;
  entry: IndexedCriterion | undefined;
  result: RowResult;
  appraisal: AppraisalInput;
}

/**
 * Scores one self-assessment table.
 *
 * @example scoreAssessment(grid, read, set).totals.points
 */
export function scoreAssessment(
  grid: Grid,
  read: ReadAssessment,
  set: CriteriaSet | null
): TableResult & { assessment: AssessmentExtras } {
  const cols = read.layout.columns;
  const firstRow = grid.firstRow ?? 1;
  const index = set ? new CriteriaIndex(set) : null;
  const get = (row: number, role: AssessmentRole): CellValue =>
    cols[role] === undefined ? "" : cellAt(grid, row, cols[role]!);
  const address = (row: number, role: AssessmentRole) =>
    cols[role] === undefined ? "" : cellAddress(grid, row, cols[role]!);
  const scored: Scored[] = [];

  const scoreLeaf = (
    c: ReadCriterion,
    entry: IndexedCriterion,
    warnings: RowWarning[],
    section: ReadArea["section"]
  ): number | null => {
    const rule = entry.criterion.rule ?? { kind: "manual" as const };
    const max = entry.criterion.maxPoints;
    const written = get(c.row, "selfScore");
    // A deduction is written "-0,5" or "0,5": either way 0,5 points off.
    const self = section === "deduction" ? unsigned(written) : written;
    const figure = get(c.row, "figure");
    const located = (ws: RowWarning[], role: AssessmentRole) =>
      ws.map((w) =>
        w.code === "invalid_value" && cols[role] !== undefined
          ? { ...w, message: `Ô ${address(c.row, role)}: ${w.message}` }
          : w
      );
    if (rule.kind === "options") {
      if (c.options.length > 0 && cols.selfScore !== undefined) {
        const marks = readOptionMarks(grid, c.options, cols.selfScore);
        if (marks.problem) warnings.push(warning("invalid_value", marks.problem));
        if (marks.chosen !== null) {
          const option = c.options[marks.chosen];
          const outcome = applyRule(rule, { value: option.points }, max);
          appendAll(
            warnings,
            outcome.warnings.filter((w) => w.code !== "invalid_value")
          );
          return outcome.points ?? Math.min(option.points, max);
        }
        if (marks.problem) return null;
      }
      const source: AssessmentRole | null = !isBlankCell(figure)
        ? "figure"
        : !isBlankCell(self)
          ? "selfScore"
          : null;
      if (source === null) {
        warnings.push(
          warning(
            "missing_result",
            'Chưa chọn mức: ghi điểm hoặc "x" vào dòng của mức đạt được, hoặc nhập số liệu kê khai'
          )
        );
        return null;
      }
      const outcome = applyRule(rule, { value: get(c.row, source), numberFormat: undefined }, max);
      appendAll(warnings, located(outcome.warnings, source));
      return outcome.points;
    }
    if (rule.kind === "manual") {
      if (isBlankCell(self)) {
        warnings.push(
          warning(
            "missing_result",
            "Chưa nhập điểm tự chấm: tiêu chí này chấm tay, nhập điểm vào cột Điểm tự chấm"
          )
        );
        return null;
      }
      const outcome = applyRule(rule, { value: self }, max);
      appendAll(warnings, located(outcome.warnings, "selfScore"));
      return outcome.points;
    }
    if (!isBlankCell(figure)) {
      const outcome = applyRule(rule, { value: figure }, max);
      appendAll(warnings, located(outcome.warnings, "figure"));
      return outcome.points;
    }
    if (!isBlankCell(self)) {
      const outcome = applyRule({ kind: "manual" }, { value: self }, max);
      warnings.push(
        warning(
          "missing_result",
          `Chưa có số liệu kê khai${cols.figure !== undefined ? ` (ô ${address(c.row, "figure")})` : ""}: tạm lấy điểm tự chấm, nhập số liệu để tính điểm theo cách tính của tiêu chí`
        )
      );
      appendAll(warnings, located(outcome.warnings, "selfScore"));
      return outcome.points;
    }
    warnings.push(
      warning(
        "missing_result",
        "Chưa có số liệu kê khai và điểm tự chấm: nhập số liệu để tính điểm"
      )
    );
    return null;
  };

  /** Appraised points of an option criterion marked on its option rows. */
  const markedAppraisal = (c: ReadCriterion, role: AssessmentRole): number | null => {
    if (cols[role] === undefined || c.options.length === 0) return null;
    const marks = readOptionMarks(grid, c.options, cols[role]!);
    return marks.chosen === null ? null : c.options[marks.chosen].points;
  };

  const visit = (c: ReadCriterion, area: ReadArea): number | null => {
    const warnings: RowWarning[] = [];
    const entry = index ? (index.get(c.code) ?? index.resolve(c.written, null, c.name)) : undefined;
    let points: number | null = null;
    let max: number | null = entry?.criterion.maxPoints ?? null;
    const childPoints = c.children.map((child) => visit(child, area));
    if (!entry) {
      if (index)
        warnings.push(
          warning(
            "unknown_criterion",
            `Mã tiêu chí ${c.written} không có trong bộ tiêu chí: kiểm tra lại mã hoặc chọn đúng bộ tiêu chí`
          )
        );
    } else if (entry.criterion.children?.length) {
      const known = childPoints.filter((p): p is number => p !== null);
      if (known.length > 0) {
        const sum = known.reduce((s, p) => s + p, 0);
        points = Math.min(sum, entry.criterion.maxPoints);
        if (sum > entry.criterion.maxPoints + 0.001)
          warnings.push(
            warning(
              "invalid_value",
              `Các tiêu chí thành phần cộng lại ${formatNumberVi(sum)} điểm, vượt điểm tối đa ${formatNumberVi(entry.criterion.maxPoints)}: tính tối đa ${formatNumberVi(entry.criterion.maxPoints)}`
            )
          );
      }
    } else {
      points = scoreLeaf(c, entry, warnings, area.section);
      max = entry.criterion.maxPoints;
    }
    if (points !== null)
      points = roundHalfAwayFromZero(Math.max(0, Math.min(points, max ?? points)), 2);
    const written = numberOf(get(c.row, "maxPoints"));
    if (entry && set && written !== null && Math.abs(written - entry.criterion.maxPoints) > 0.001) {
      warnings.push(
        warning(
          "max_mismatch",
          `Ô ${address(c.row, "maxPoints")}: điểm tối đa ghi "${formatNumberVi(written, 4)}" khác bộ tiêu chí (${formatNumberVi(entry.criterion.maxPoints)})`
        )
      );
    }
    const selfRaw = numberOf(get(c.row, "selfScore")) ?? markedAppraisal(c, "selfScore");
    // A deduction is written "-0,5" or "0,5": its size is what counts.
    const sized = (v: number | null) =>
      v !== null && area.section === "deduction" ? Math.abs(v) : v;
    const selfValue = sized(selfRaw);
    if (
      selfValue !== null &&
      points !== null &&
      Math.abs(selfValue - points) > 0.005 &&
      cols.selfScore !== undefined
    ) {
      warnings.push(
        warning(
          "self_score_mismatch",
          `Ô ${address(c.row, "selfScore")}: điểm tự chấm ${formatNumberVi(selfValue)} khác điểm tính toán ${formatNumberVi(points)}`
        )
      );
    }
    const isLeafRule = entry !== undefined && !entry.criterion.children?.length;
    const result: RowResult = {
      row: c.row + firstRow,
      criterion: entry?.criterion.code ?? c.code,
      criterionName: entry?.criterion.name ?? c.name,
      area: entry?.area.code ?? area.code,
      points,
      maxPoints: max,
      pointsAtStake:
        isLeafRule && points !== null && max !== null
          ? roundHalfAwayFromZero(max - points, 2)
          : null,
      warnings,
      status: "unknown",
      schedule: "none",
      due: null,
      overdue: false,
      dueSoon: false,
      daysLate: 0,
      milestones: [],
      dueLabel: "",
      content: collapseSpaces(c.name),
      owner: collapseSpaces(cellText(get(c.row, "owner"))),
    };
    scored.push({
      read: c,
      area,
      entry,
      result,
      appraisal: {
        row: c.row + firstRow,
        code: result.criterion ?? c.code,
        name: c.name,
        area: area.code,
        section: area.section,
        leaf: c.children.length === 0,
        topLevel: false,
        maxPoints: max,
        self: selfValue,
        computed: points,
        appraised: sized(numberOf(get(c.row, "appraised")) ?? markedAppraisal(c, "appraised")),
        deducted: numberOf(get(c.row, "deducted")),
        final: sized(
          numberOf(get(c.row, "appraisedFinal")) ?? markedAppraisal(c, "appraisedFinal")
        ),
      },
    });
    return points;
  };

  const areaTotals: AreaTotal[] = [];
  const areaCaps = new Map<string, number>();
  const computed = new Map<string, { max: number; points: number }>();
  const sections = {
    main: 0,
    mainMax: 0,
    bonus: 0,
    bonusCap: null as number | null,
    deduction: 0,
    deductionCap: null as number | null,
  };
  for (const area of read.areas) {
    const setArea = set?.areas.find((a) => a.code === area.code);
    let sum = 0;
    let max = 0;
    for (const criterion of area.criteria) {
      const p = visit(criterion, area);
      const top = scored[scored.length - 1];
      top.appraisal.topLevel = true;
      sum += p ?? 0;
      max += top.result.maxPoints ?? 0;
    }
    const cap = setArea?.maxPoints ?? area.max ?? max;
    areaCaps.set(area.code, cap);
    const section = setArea?.section ?? area.section;
    // Rounded within the cap: a cap of 0,125 holds 0,125, never 0,13.
    const points = roundPointsWithin(sum, cap);
    computed.set(area.code, { max: section ? cap : Math.min(max, cap), points });
    if (section === "bonus") {
      sections.bonus += points;
      sections.bonusCap = (sections.bonusCap ?? 0) + cap;
    } else if (section === "deduction") {
      sections.deduction += points;
      sections.deductionCap = (sections.deductionCap ?? 0) + cap;
    } else {
      sections.main += points;
      sections.mainMax += Math.min(max, cap);
    }
    if (area.criteria.length > 0)
      areaTotals.push({
        code: area.code,
        name:
          section === "bonus"
            ? `${area.name} (cộng vào tổng)`
            : section === "deduction"
              ? `${area.name} (trừ vào tổng)`
              : area.name,
        points,
        maxPoints: roundHalfAwayFromZero(Math.min(max, cap), 2),
        areaMaxPoints: cap,
        partial: false,
      });
  }
  const formation = formTotal(sections);
  const rows = [...scored].sort((a, b) => a.result.row - b.result.row);
  const appraisal = buildAppraisal(
    grid.sheetName,
    rows.map((s) => s.appraisal),
    { areaCaps, totalMax: sections.mainMax + (sections.bonusCap ?? 0) }
  );
  return {
    sheet: grid.sheetName,
    headerRow: read.layout.headerRow + firstRow,
    rows: rows.map((s) => s.result),
    totals: {
      points: formation.total,
      maxPoints: roundHalfAwayFromZero(sections.mainMax, 2),
      areas: areaTotals,
    },
    missingCriteria: [],
    layout: {
      headerRow: read.layout.headerRow,
      dataRows: rows.map((s) => s.read.row),
      lastRow: read.lastRow,
      lastInputColumn: read.layout.lastInputColumn,
      ownedColumn: read.layout.ownedColumn,
      ownedWidth: read.layout.ownedWidth,
      marker: read.layout.marker,
      statusColumn: null,
      deadlineColumn: null,
    },
    assessment: { setChecks: checkSet(read, grid, { areas: computed }), appraisal, formation },
  };
}

/** The total within [0, main maximum + bonus cap], and how it was formed. */
function formTotal(s: {
  main: number;
  mainMax: number;
  bonus: number;
  bonusCap: number | null;
  deduction: number;
  deductionCap: number | null;
}): TotalFormation {
  const main = roundHalfAwayFromZero(s.main, 2);
  const total = roundPointsWithin(main + s.bonus - s.deduction, s.mainMax + (s.bonusCap ?? 0));
  const parts = [`${formatNumberVi(main)} (các lĩnh vực, tối đa ${formatNumberVi(s.mainMax)})`];
  if (s.bonusCap !== null)
    parts.push(`+ ${formatNumberVi(s.bonus)} (điểm thưởng, tối đa ${formatNumberVi(s.bonusCap)})`);
  if (s.deductionCap !== null)
    parts.push(
      `− ${formatNumberVi(s.deduction)} (điểm trừ, tối đa ${formatNumberVi(s.deductionCap)})`
    );
  return {
    main,
    mainMax: roundHalfAwayFromZero(s.mainMax, 2),
    bonus: roundHalfAwayFromZero(s.bonus, 2),
    bonusCap: s.bonusCap,
    deduction: roundHalfAwayFromZero(s.deduction, 2),
    deductionCap: s.deductionCap,
    total,
    text: `Tổng = ${parts.join(" ")} = ${formatNumberVi(total)}`,
  };
}

export interface SheetAssessments {
  tables: Array<TableResult & { assessment: AssessmentExtras }>;
  /** True when a plan-appendix header row lies inside a self-assessment table (read here instead). */
  covers: (headerRow: number) => boolean;
  /** The set checks, worded for the sheet's notices. */
  notices: string[];
}

/**
 * Scores the self-assessment tables of a sheet: the hook `scoreSheet` calls before
 * reading plan appendices.
 *
 * @example scoreAssessments(grid, set).tables.length
 */
export function scoreAssessments(grid: Grid, set: CriteriaSet | null): SheetAssessments {
  const reads = readAssessments(grid).filter((read) => read.layout.kind === "assessment");
  const tables = reads.map((read) => scoreAssessment(grid, read, set));
  const notices = tables.flatMap((table) => [
    `Bảng tự đánh giá ở trang "${grid.sheetName}" (tiêu đề dòng ${table.headerRow}): ${table.assessment.formation.text}`,
    ...table.assessment.setChecks.map((finding) => `Bộ tiêu chí trong bảng: ${finding.message}`),
  ]);
  return {
    tables,
    covers: (row) => reads.some((read) => row >= read.layout.headerRow && row <= read.lastRow),
    notices,
  };
}

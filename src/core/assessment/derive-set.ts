/**
 * The criteria set a self-assessment table carries: its areas, criteria, sub-criteria,
 * maxima, option lists and scoring methods. Where no method pattern fits, the criterion
 * is manual (scored from the self-score as entered) and keeps its method text, so the
 * derived set shows why on that row.
 */
import type { Grid } from "../read/grid";
import { roundHalfAwayFromZero } from "../parse/numbers";
import type { Area, CriteriaSet, Criterion, Rule } from "../criteria/schema";
import { cellText, isBlankCell } from "../parse/text";
import { methodRule } from "./method-text";
import { readAssessments, type ReadAssessment, type ReadCriterion } from "./read-table";
import { maxOf } from "../arrays";

export interface RuleOrigin {
  code: string;
  /** 1-based Excel row of the criterion. */
  row: number;
  /** "options" (option rows), a method pattern's name, or "manual" (no pattern fits). */
  origin: string;
}

export interface DerivedSet {
  set: CriteriaSet;
  /** How each scored (leaf) criterion got its rule. */
  origins: RuleOrigin[];
  counts: { options: number; fromText: number; manual: number };
  /** Criteria left out because the table gives them no maximum, as 1-based rows. */
  skipped: number[];
}

function leafRule(criterion: ReadCriterion): { rule: Rule; origin: string } {
  if (criterion.options.length >= 2) {
    return {
      rule: {
        kind: "options",
        options: criterion.options.map((o) => ({ label: o.label, points: o.points })),
      },
      origin: "options",
    };
  }
  const read = methodRule(criterion.method);
  if (read) return { rule: read.rule, origin: read.pattern };
  return { rule: { kind: "manual" }, origin: "manual" };
}

/**
 * Builds the set from one table. The set is not validated here: a sender's mistakes
 * (maxima that do not add up) are reported by the set checks, with their cells, and the
 * table is still scored.
 *
 * @example deriveSet(read, grid).set.areas[0].criteria[0].code === "1.1"
 */
export function deriveSet(read: ReadAssessment, grid: Grid): DerivedSet {
  const origins: RuleOrigin[] = [];
  const skipped: number[] = [];
  const firstRow = grid.firstRow ?? 1;
  const build = (criterion: ReadCriterion): Criterion | null => {
    const children = criterion.children.map(build).filter((c): c is Criterion => c !== null);
    const method = criterion.method !== "" ? { method: criterion.method } : {};
    if (children.length > 0) {
      const max =
        criterion.max ??
        roundHalfAwayFromZero(
          children.reduce((s, c) => s + c.maxPoints, 0),
          2
        );
      return { code: criterion.code, name: criterion.name, maxPoints: max, children, ...method };
    }
    const { rule, origin } = leafRule(criterion);
    const best = rule.kind === "options" ? maxOf(rule.options.map((o) => o.points)) : null;
    const max = criterion.max ?? best;
    if (max === null || !(max > 0)) {
      skipped.push(criterion.row + firstRow);
      return null;
    }
    origins.push({ code: criterion.code, row: criterion.row + firstRow, origin });
    return { code: criterion.code, name: criterion.name, maxPoints: max, rule, ...method };
  };
  const areas: Area[] = read.areas
    .map((area): Area => {
      const criteria = area.criteria.map(build).filter((c): c is Criterion => c !== null);
      const sum = roundHalfAwayFromZero(
        criteria.reduce((s, c) => s + c.maxPoints, 0),
        2
      );
      return {
        code: area.code,
        name: area.name,
        maxPoints: area.max ?? sum,
        ...(area.section ? { section: area.section } : {}),
        criteria,
      };
    })
    .filter((area) => area.criteria.length > 0 && area.maxPoints > 0);
  const title = titleText(grid, read.layout.headerRow);
  const year = /năm\s+(20\d\d)/i.exec(title);
  const set: CriteriaSet = {
    id: "bang-tu-danh-gia",
    name: `Bộ tiêu chí lấy từ bảng tự đánh giá (trang "${grid.sheetName}")`,
    ...(year ? { year: Number(year[1]) } : {}),
    source: `Trang "${grid.sheetName}", tiêu đề bảng ở dòng ${read.layout.headerRow + firstRow}`,
    areas,
  };
  const count = (test: (o: RuleOrigin) => boolean) => origins.filter(test).length;
  return {
    set,
    origins,
    counts: {
      options: count((o) => o.origin === "options"),
      fromText: count((o) => o.origin !== "options" && o.origin !== "manual"),
      manual: count((o) => o.origin === "manual"),
    },
    skipped,
  };
}

function titleText(grid: Grid, headerRow: number): string {
  const parts: string[] = [];
  for (let r = 0; r < headerRow; r++)
    for (const value of grid.values[r] ?? []) if (!isBlankCell(value)) parts.push(cellText(value));
  return parts.join(" ");
}

/**
 * The set of the first self-assessment table in the given sheets that carries maxima
 * (or, for a plan appendix, stated maxima), or null.
 *
 * @example deriveSetFromGrids([grid])?.set.id === "bang-tu-danh-gia"
 */
export function deriveSetFromGrids(grids: Grid[]): DerivedSet | null {
  for (const grid of grids) {
    for (const read of readAssessments(grid)) {
      const derived = deriveSet(read, grid);
      if (derived.set.areas.length > 0) return derived;
    }
  }
  return null;
}

/**
 * What the run says about a derived set: where it came from and how its criteria are scored.
 *
 * @example derivedSetNotice(derived) // "Dùng bộ tiêu chí lấy từ bảng tự đánh giá … 12 tiêu chí chọn mức, 3 theo cách tính điểm, 2 chấm tay"
 */
export function derivedSetNotice(derived: DerivedSet): string {
  const { options, fromText, manual } = derived.counts;
  const manualCodes = derived.origins.filter((o) => o.origin === "manual").map((o) => o.code);
  return `Chưa chọn bộ tiêu chí: dùng bộ tiêu chí lấy từ chính bảng (${derived.set.source}): ${options} tiêu chí chọn một mức, ${fromText} tiêu chí tính theo cách tính điểm ghi trong bảng, ${manual} tiêu chí chấm tay theo điểm tự chấm${manualCodes.length > 0 ? ` (${manualCodes.slice(0, 20).join(", ")}${manualCodes.length > 20 ? "…" : ""})` : ""}.${derived.skipped.length > 0 ? ` Dòng ${derived.skipped.join(", ")} không ghi điểm tối đa (cột điểm tối đa hoặc "Điểm chuẩn tiêu chí là … điểm") nên chưa được chấm.` : ""}`;
}

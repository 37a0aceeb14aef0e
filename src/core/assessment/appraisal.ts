/**
 * Self-score, computed and appraised points side by side, per criterion and in total,
 * and the criteria where they differ, largest difference first: the list a ward uses to
 * write its explanation (giải trình).
 */
import { roundHalfAwayFromZero } from "../parse/numbers";
import { maxOf, minOf } from "../arrays";

export interface AppraisalInput {
  /** 1-based Excel row. */
  row: number;
  code: string;
  name: string;
  area: string;
  section?: "bonus" | "deduction";
  leaf: boolean;
  topLevel: boolean;
  maxPoints: number | null;
  self: number | null;
  computed: number | null;
  /** "Điểm thẩm định" / "Điểm đánh giá của cấp có thẩm quyền". */
  appraised: number | null;
  /** "Điểm bị trừ". */
  deducted: number | null;
  /** "Điểm thẩm định sau khi trừ" / "Điểm đánh giá chính thức" / "Điểm đạt được". */
  final: number | null;
}

export interface AppraisalRow {
  sheet: string;
  row: number;
  code: string;
  name: string;
  maxPoints: number | null;
  self: number | null;
  computed: number | null;
  /** The appraised points after any deduction: the final column, else appraised − deducted. */
  appraised: number | null;
}

export interface AppraisalDifference extends AppraisalRow {
  /** appraised − self (negative: the appraisal gave less). */
  appraisedMinusSelf: number | null;
  /** The largest gap between any two of self, computed and appraised. */
  gap: number;
}

export interface AppraisalTable {
  /** True when at least one appraised value is filled in. */
  appraised: boolean;
  rows: AppraisalRow[];
  totals: { self: number; computed: number; appraised: number | null };
  /** Scored criteria where self, computed and appraised differ, largest gap first. */
  differences: AppraisalDifference[];
}

/**
 * The appraised points of a row after deduction.
 *
 * @example appraisedAfterDeduction({ appraised: 1.5, deducted: 0.5, final: null }) === 1
 */
export function appraisedAfterDeduction(
  input: Pick<AppraisalInput, "appraised" | "deducted" | "final">
): number | null {
  if (input.final !== null) return input.final;
  if (input.appraised === null) return null;
  return roundHalfAwayFromZero(Math.max(0, input.appraised - Math.abs(input.deducted ?? 0)), 2);
}

/**
 * Builds the side-by-side table of one sheet.
 *
 * @example buildAppraisal("Tự đánh giá", inputs).differences[0].code
 */
export function buildAppraisal(
  sheet: string,
  inputs: AppraisalInput[],
  limits?: AppraisalLimits
): AppraisalTable {
  const rows: AppraisalRow[] = inputs.map((i) => ({
    sheet,
    row: i.row,
    code: i.code,
    name: i.name,
    maxPoints: i.maxPoints,
    self: i.self,
    computed: i.computed,
    appraised: appraisedAfterDeduction(i),
  }));
  // Totals add the scored (leaf) criteria: a parent's row only repeats its children's sum.
  // Each area is held within its maximum and the bonus and deduction sections within their
  // caps, as the computed total is, so the three totals compare like with like.
  const leaves = inputs.map((input, k) => ({ input, row: rows[k] })).filter((x) => x.input.leaf);
  const sum = (pick: (r: AppraisalRow) => number | null) => {
    const byArea = new Map<string, { points: number; section: AppraisalInput["section"] }>();
    for (const { input, row } of leaves) {
      const entry = byArea.get(input.area) ?? { points: 0, section: input.section };
      entry.points += Math.abs(pick(row) ?? 0);
      byArea.set(input.area, entry);
    }
    let total = 0;
    for (const [area, { points, section }] of byArea) {
      const capped = Math.min(points, limits?.areaCaps.get(area) ?? Infinity);
      total += section === "deduction" ? -capped : capped;
    }
    return roundHalfAwayFromZero(Math.max(0, Math.min(total, limits?.totalMax ?? Infinity)), 2);
  };
  const anyAppraised = rows.some((r) => r.appraised !== null);
  const differences: AppraisalDifference[] = [];
  inputs.forEach((input, k) => {
    if (!input.leaf) return;
    const r = rows[k];
    const values = [r.self, r.computed, r.appraised].filter((v): v is number => v !== null);
    if (values.length < 2) return;
    const gap = roundHalfAwayFromZero(maxOf(values) - minOf(values), 2);
    if (gap <= 0.005) return;
    differences.push({
      ...r,
      appraisedMinusSelf:
        r.appraised !== null && r.self !== null
          ? roundHalfAwayFromZero(r.appraised - r.self, 2)
          : null,
      gap,
    });
  });
  differences.sort((a, b) => b.gap - a.gap || a.row - b.row);
  return {
    appraised: anyAppraised,
    rows,
    totals: {
      self: sum((r) => r.self),
      computed: sum((r) => r.computed),
      appraised: anyAppraised ? sum((r) => r.appraised) : null,
    },
    differences,
  };
}

/** The maxima the totals are held within: each area's (or section's) cap, and the total's. */
export interface AppraisalLimits {
  areaCaps: Map<string, number>;
  totalMax: number;
}

export interface SummaryAppraisal {
  self: number;
  computed: number;
  appraised: number | null;
  /** Every table's differences, largest gap first. */
  differences: AppraisalDifference[];
}

/**
 * Adds up the side-by-side tables of a run, or null when no table has one.
 *
 * @example summarizeAppraisal([table])?.differences[0].gap
 */
export function summarizeAppraisal(
  tables: Array<{ assessment?: { appraisal: AppraisalTable } }>
): SummaryAppraisal | null {
  const own = tables
    .map((t) => t.assessment?.appraisal)
    .filter((a): a is AppraisalTable => a !== undefined);
  if (own.length === 0) return null;
  const anyAppraised = own.some((a) => a.appraised);
  return {
    self: roundHalfAwayFromZero(
      own.reduce((s, a) => s + a.totals.self, 0),
      2
    ),
    computed: roundHalfAwayFromZero(
      own.reduce((s, a) => s + a.totals.computed, 0),
      2
    ),
    appraised: anyAppraised
      ? roundHalfAwayFromZero(
          own.reduce((s, a) => s + (a.totals.appraised ?? 0), 0),
          2
        )
      : null,
    differences: own.flatMap((a) => a.differences).sort((a, b) => b.gap - a.gap || a.row - b.row),
  };
}

/** At most this many differences are listed on the summary sheet and in the terminal. */
export const LISTED_DIFFERENCES = 50;

/**
 * The rows of the "Đối chiếu điểm" part of the summary sheet.
 *
 * @example appraisalSheetRows(summary)[0] // ["Đối chiếu điểm", "Tự chấm", "Tính toán", "Thẩm định"]
 */
export function appraisalSheetRows(appraisal: SummaryAppraisal): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [
    ["Đối chiếu điểm", "Tự chấm", "Tính toán", "Thẩm định", "Chênh lệch lớn nhất", "Dòng"],
    [
      "Tổng (trong giới hạn từng lĩnh vực, điểm thưởng, điểm trừ)",
      appraisal.self,
      appraisal.computed,
      appraisal.appraised ?? "",
      "",
      "",
    ],
  ];
  for (const d of appraisal.differences.slice(0, LISTED_DIFFERENCES))
    rows.push([
      `${d.code} ${d.name}`.slice(0, 200),
      d.self ?? "",
      d.computed ?? "",
      d.appraised ?? "",
      d.gap,
      `${d.sheet}!${d.row}`,
    ]);
  return rows;
}

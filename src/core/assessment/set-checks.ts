/**
 * Checks on the criteria set a self-assessment table carries, each naming its cell: the
 * mistakes senders make, which a ward should see before the appraisal does.
 */
import { cellAddress, type Grid } from "../read/grid";
import { formatNumberVi } from "../parse/numbers";
import { bandsOverlap, describeBand, listBands, type Band } from "../criteria/option-bands";
import type { ReadArea, ReadAssessment, ReadCriterion, TableProblem } from "./read-table";
import { normalizeVi } from "../parse/text";
import { maxOf } from "../arrays";

export type SetCheckKind =
  | TableProblem["kind"]
  | "children_sum"
  | "best_option"
  | "bands_overlap"
  | "bands_gap"
  | "total_row"
  | "stated_total";

export interface SetFinding {
  kind: SetCheckKind;
  /** A1 address with the sheet name. */
  address: string;
  message: string;
}

const TOLERANCE = 0.001;

/** What scoring computed, per area code (maximum as scored, points) and for the sections. */
export interface ComputedTotals {
  areas: Map<string, { max: number; points: number }>;
}

/**
 * Every finding on the table's own set, in sheet order. With the computed totals, the
 * form's own summary lines are compared with the scored maxima (or points).
 *
 * @example checkSet(read, grid).map((f) => f.address) // ["'Tự đánh giá'!C12", …]
 */
export function checkSet(
  read: ReadAssessment,
  grid: Grid,
  computed?: ComputedTotals
): SetFinding[] {
  const findings: Array<SetFinding & { row: number }> = [];
  const cols = read.layout.columns;
  const maxColumn = cols.maxPoints ?? cols.content!;
  const at = (row: number, column: number) => cellAddress(grid, row, column);
  const add = (kind: SetCheckKind, row: number, column: number, message: string) => {
    const address = at(row, column);
    findings.push({ kind, row, address, message: `Ô ${address}: ${message}` });
  };
  for (const problem of read.problems)
    findings.push({
      kind: problem.kind,
      row: problem.row,
      address: at(problem.row, problem.column),
      message: problem.message,
    });

  const visit = (criterion: ReadCriterion) => {
    if (criterion.children.length > 0 && criterion.max !== null) {
      const sum = criterion.children.reduce((s, c) => s + (c.max ?? 0), 0);
      if (Math.abs(sum - criterion.max) > TOLERANCE)
        add(
          "children_sum",
          criterion.row,
          maxColumn,
          `tổng điểm tối đa các tiêu chí thành phần của ${criterion.written} là ${formatNumberVi(sum)}, khác điểm tối đa ${formatNumberVi(criterion.max)} ghi ở tiêu chí`
        );
    }
    if (criterion.options.length >= 2 && criterion.max !== null) {
      const best = maxOf(criterion.options.map((o) => o.points));
      if (Math.abs(best - criterion.max) > TOLERANCE)
        add(
          "best_option",
          criterion.row,
          maxColumn,
          `mức cao nhất của tiêu chí ${criterion.written} được ${formatNumberVi(best)} điểm, khác điểm tối đa ${formatNumberVi(criterion.max)}`
        );
    }
    if (criterion.options.length >= 2) checkBands(criterion, add, cols.content!);
    criterion.children.forEach(visit);
  };
  for (const area of read.areas) {
    area.criteria.forEach(visit);
    if (area.max !== null && area.section === undefined && area.criteria.length > 0) {
      const sum = area.criteria.reduce((s, c) => s + (c.max ?? 0), 0);
      if (Math.abs(sum - area.max) > TOLERANCE)
        add(
          "children_sum",
          area.row,
          maxColumn,
          `tổng điểm tối đa các tiêu chí của lĩnh vực ${area.code} là ${formatNumberVi(sum)}, khác điểm tối đa ${formatNumberVi(area.max)} của lĩnh vực`
        );
    }
  }
  const main = read.areas.filter((a) => a.section === undefined);
  const areaSum = main.reduce((s, a) => s + (a.max ?? 0), 0);
  if (
    read.total &&
    read.total.max !== null &&
    main.length > 0 &&
    Math.abs(read.total.max - areaSum) > TOLERANCE
  ) {
    add(
      "total_row",
      read.total.row,
      maxColumn,
      `dòng tổng cộng ghi ${formatNumberVi(read.total.max)} điểm nhưng các lĩnh vực cộng lại ${formatNumberVi(areaSum)} điểm; kiểm tra công thức tổng`
    );
  }
  if (
    read.statedTotal !== null &&
    main.length > 0 &&
    Math.abs(read.statedTotal - areaSum) > TOLERANCE
  ) {
    const row = read.total?.row ?? read.layout.headerRow;
    add(
      "stated_total",
      row,
      read.total ? maxColumn : read.layout.columns.content!,
      `tiêu đề bảng ghi thang điểm ${formatNumberVi(read.statedTotal)} nhưng các lĩnh vực cộng lại ${formatNumberVi(areaSum)} điểm`
    );
  }
  for (const line of read.statements ?? []) {
    const target = statedTarget(line.text, read.areas);
    const of = (areas: ReadArea[]) => {
      let max = 0;
      let points = 0;
      for (const area of areas) {
        const got = computed?.areas.get(area.code);
        max += got?.max ?? area.max ?? area.criteria.reduce((s, c) => s + (c.max ?? 0), 0);
        points += got?.points ?? NaN;
      }
      return { max, points };
    };
    if (target === null) {
      add(
        "stated_total",
        line.row,
        line.column,
        `dòng "${line.text}" ghi ${formatNumberVi(line.value)} điểm nhưng không có lĩnh vực nào trong bảng mang tên này; kiểm tra tên lĩnh vực hoặc dòng này`
      );
      continue;
    }
    const { max, points } = of(target.areas);
    if (Math.abs(max - line.value) <= TOLERANCE || Math.abs(points - line.value) <= TOLERANCE)
      continue;
    add(
      "stated_total",
      line.row,
      line.column,
      `dòng "${line.text}" ghi ${formatNumberVi(line.value)} điểm nhưng ${target.what} trong bảng cộng lại tối đa ${formatNumberVi(roundTo(max))} điểm${Number.isNaN(points) ? "" : ` (đạt ${formatNumberVi(roundTo(points))})`}; kiểm tra điểm tối đa các tiêu chí hoặc dòng này`
    );
  }
  return findings
    .sort((a, b) => a.row - b.row)
    .map(({ kind, address, message }) => ({ kind, address, message }));
}

/** Bands of one option list that overlap, or leave a gap between them. */
function checkBands(
  criterion: ReadCriterion,
  add: (kind: SetCheckKind, row: number, column: number, message: string) => void,
  contentColumn: number
): void {
  const bands = listBands(criterion.options.map((o) => o.label));
  const banded = criterion.options
    .map((option, i) => ({ option, band: bands[i] }))
    .filter(
      (b): b is { option: (typeof criterion.options)[number]; band: Band } =>
        b.band !== null && b.band.unit === "ratio"
    );
  if (banded.length < 2) return;
  for (let i = 0; i < banded.length; i++)
    for (let j = i + 1; j < banded.length; j++)
      if (bandsOverlap(banded[i].band, banded[j].band))
        add(
          "bands_overlap",
          banded[j].option.row,
          contentColumn,
          `mức "${banded[j].option.label}" (${describeBand(banded[j].band)}) chồng lên mức "${banded[i].option.label}" (${describeBand(banded[i].band)}) của tiêu chí ${criterion.written}; một số liệu sẽ thuộc hai mức`
        );
  const sorted = [...banded].sort(
    (a, b) => (a.band.from ?? -Infinity) - (b.band.from ?? -Infinity)
  );
  for (let i = 1; i < sorted.length; i++) {
    const low = sorted[i - 1].band;
    const high = sorted[i].band;
    if (low.to === null || high.from === null) continue;
    const gap =
      low.to < high.from - TOLERANCE ||
      (Math.abs(low.to - high.from) <= TOLERANCE && !low.toIncluded && !high.fromIncluded);
    if (gap)
      add(
        "bands_gap",
        sorted[i].option.row,
        contentColumn,
        `giữa mức "${sorted[i - 1].option.label}" và mức "${sorted[i].option.label}" của tiêu chí ${criterion.written} có khoảng trống (${describeBand(low)} / ${describeBand(high)}); số liệu rơi vào đó không thuộc mức nào`
      );
  }
}

function roundTo(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The areas a summary line speaks of: the bonus or deduction sections, the main total, or
 * the area whose name it repeats ("Điểm tiêu chí chung" → "TIÊU CHÍ CHUNG"); null when none.
 */
function statedTarget(text: string, areas: ReadArea[]): { areas: ReadArea[]; what: string } | null {
  const key = normalizeVi(text.replace(/:[^:]*$/, "")).replace(/^\d{1,2}[.)]\s*/, "");
  const bonus = areas.filter((a) => a.section === "bonus");
  const deduction = areas.filter((a) => a.section === "deduction");
  const main = areas.filter((a) => a.section === undefined);
  if (/điểm cộng|điểm thưởng|cộng điểm/.test(key))
    return { areas: bonus, what: "các mục điểm cộng" };
  if (/điểm trừ|trừ điểm/.test(key)) return { areas: deduction, what: "các mục điểm trừ" };
  const named = main.filter((a) => {
    const name = normalizeVi(a.name).replace(/\s*\(.*\)\s*$/, "");
    return name.length >= 4 && key.includes(name);
  });
  if (named.length === 1) return { areas: named, what: `lĩnh vực ${named[0].code}` };
  if (/^tổng (?:số )?điểm/.test(key)) return { areas: main, what: "các lĩnh vực" };
  return null;
}

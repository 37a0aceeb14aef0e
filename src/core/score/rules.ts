/**
 * The scoring rules: one small function per rule kind. Each takes the result cell and
 * the criterion's maximum and returns the points (rounded to 2 decimals, half away from
 * zero) or null, with the warnings that explain a loss.
 */
import {
  formatNumberVi,
  formatPercentVi,
  roundHalfAwayFromZero,
  roundPointsWithin,
} from "../parse/numbers";
import type { Rule } from "../criteria/schema";
import {
  dotDecimalNumbers,
  isEmptyResult,
  isNoCase,
  isOverlongResult,
  MAX_RESULT_LENGTH,
  parseBoolean,
  parseCount,
  parsePoints,
  parseRatio,
  parseRatioList,
  parseWeightedShare,
  type ResultCell,
} from "../parse/values";
import { collapseSpaces } from "../parse/text";
import { warning, type RowWarning } from "../parse/warnings";
import { chooseOption } from "../criteria/option-choice";
import { maxOf, minOf } from "../arrays";

export interface RuleOutcome {
  points: number | null;
  warnings: RowWarning[];
}

type RuleOf<K extends Rule["kind"]> = Extract<Rule, { kind: K }>;
type Scorer<K extends Rule["kind"]> = (
  rule: RuleOf<K>,
  cell: ResultCell,
  max: number
) => RuleOutcome;

const scored = (points: number, warnings: RowWarning[] = []): RuleOutcome => ({
  points: roundHalfAwayFromZero(points, 2),
  warnings,
});

/** The cell as a warning quotes it: on one line, at most 80 characters (whole characters). */
function quote(cell: ResultCell): string {
  if (typeof cell.value !== "string") return String(cell.value);
  const head = Array.from(cell.value.slice(0, 400)).slice(0, 80).join("");
  return `"${collapseSpaces(head)}${head.length < cell.value.length ? "…" : ""}"`;
}

function unreadable(cell: ResultCell, expected: string): RuleOutcome {
  return {
    points: null,
    warnings: [warning("invalid_value", `Không đọc được kết quả ${quote(cell)}: cần ${expected}`)],
  };
}

function lost(max: number): string {
  return `không chấm điểm, mất ${formatNumberVi(max)} điểm`;
}

let grouped: Intl.NumberFormat | null = null;

/**
 * A character count with Vietnamese digit grouping. One formatter, made when first needed:
 * making it loads ICU's number data (~20 ms), which a run without such a warning never needs.
 *
 * @example groupedCount(32767) === "32.767"
 */
function groupedCount(n: number): string {
  grouped ??= new Intl.NumberFormat("vi-VN");
  return grouped.format(n);
}

const RATIO_EXAMPLE = "một tỷ lệ, ví dụ 96,5% hoặc 41/42";

const scoreManual: Scorer<"manual"> = (_rule, cell, max) => {
  const points = parsePoints(cell, max);
  if (points === null) return unreadable(cell, `số điểm từ 0 đến ${formatNumberVi(max)}`);
  if (points < 0 || points > max + 1e-9) {
    return {
      points: null,
      warnings: [
        warning(
          "invalid_value",
          `Điểm ${formatNumberVi(points)} nằm ngoài khoảng 0 – ${formatNumberVi(max)}`
        ),
      ],
    };
  }
  return scored(points);
};

const scoreBoolean: Scorer<"boolean"> = (_rule, cell, max) => {
  const answer = parseBoolean(cell);
  if (answer === null) return unreadable(cell, "Có/Đạt/Hoàn thành hoặc Không/Chưa");
  return answer
    ? scored(max)
    : scored(0, [warning("below_threshold", `Kết quả "Không đạt": ${lost(max)}`, max)]);
};

const scoreRatio: Scorer<"ratio"> = (rule, cell, max) => {
  const r = parseRatio(cell);
  if (r === null) return unreadable(cell, RATIO_EXAMPLE);
  if (r < rule.min) {
    return scored(0, [
      warning(
        "below_threshold",
        `Tỷ lệ ${formatPercentVi(r)} < ${formatPercentVi(rule.min)}: ${lost(max)}`,
        max
      ),
    ]);
  }
  const points = max * Math.min(r / rule.full, 1);
  return scored(points);
};

const scoreGate: Scorer<"gate"> = (rule, cell, max) => {
  const r = parseRatio(cell);
  if (r === null) return unreadable(cell, RATIO_EXAMPLE);
  if (r + 1e-12 < rule.min) {
    return scored(0, [
      warning(
        "below_threshold",
        `Tỷ lệ ${formatPercentVi(r)} < ${formatPercentVi(rule.min)}: ${lost(max)}`,
        max
      ),
    ]);
  }
  return scored(max);
};

const scoreTiers: Scorer<"tiers"> = (rule, cell, max) => {
  const r = parseRatio(cell);
  if (r === null) return unreadable(cell, RATIO_EXAMPLE);
  const reached = rule.tiers
    .filter((tier) => tier.min <= r + 1e-12)
    .sort((a, b) => b.min - a.min)[0];
  if (!reached) {
    const lowest = minOf(rule.tiers.map((t) => t.min));
    return scored(0, [
      warning(
        "below_threshold",
        `Tỷ lệ ${formatPercentVi(r)} < ${formatPercentVi(lowest)}: ${lost(max)}`,
        max
      ),
    ]);
  }
  const best = [...rule.tiers].sort((a, b) => b.points - a.points)[0];
  const warnings =
    reached.points < best.points
      ? [
          warning(
            "below_threshold",
            `Tỷ lệ ${formatPercentVi(r)} < ${formatPercentVi(best.min)}: mất ${formatNumberVi(best.points - reached.points)} điểm`,
            roundHalfAwayFromZero(best.points - reached.points, 2)
          ),
        ]
      : [];
  return scored(reached.points, warnings);
};

const scoreCount: Scorer<"count"> = (rule, cell, max) => {
  const n = parseCount(cell);
  if (n === null) return unreadable(cell, 'một số lượng, ví dụ 2 hoặc "02 sáng kiến"');
  if (n >= rule.target) return scored(max);
  const points = rule.partial ? (max * n) / rule.target : 0;
  const rounded = roundHalfAwayFromZero(points, 2);
  return scored(points, [
    warning(
      "below_threshold",
      `Mới có ${n}/${rule.target}: ${rule.partial ? `mất ${formatNumberVi(max - rounded)} điểm` : lost(max)}`,
      roundHalfAwayFromZero(max - rounded, 2)
    ),
  ]);
};

const scoreWeightedShare: Scorer<"weighted_share"> = (rule, cell, max) => {
  const counts = parseWeightedShare(cell);
  if (counts === null)
    return unreadable(cell, 'số chỉ tiêu có nhãn, ví dụ "vượt: 3; đạt: 4; tổng: 10"');
  const { total, exceeded, met } = counts;
  const share = (exceeded + met) / total;
  if (share + 1e-12 < rule.cutoff) {
    return scored(0, [
      warning(
        "below_threshold",
        `(vượt + đạt)/tổng = ${exceeded + met}/${total} = ${formatPercentVi(share)} < ${formatPercentVi(rule.cutoff)}: ${lost(max)}`,
        max
      ),
    ]);
  }
  const points = Math.min(
    max,
    (exceeded / total) * rule.weights.exceeded + (met / total) * rule.weights.met
  );
  return scored(points);
};

const scoreAllOf: Scorer<"all_of"> = (rule, cell, max) => {
  const ratios = parseRatioList(cell);
  const expected = `${rule.conditions.length} tỷ lệ theo thứ tự (${rule.conditions.map((c) => c.label).join("; ")}), ví dụ "82%; 47%"`;
  if (ratios === null || ratios.length !== rule.conditions.length)
    return unreadable(cell, expected);
  const failed = rule.conditions
    .map((condition, i) => ({ condition, r: ratios[i] }))
    .filter(({ condition, r }) => r + 1e-12 < condition.min);
  if (failed.length === 0) return scored(max);
  const reasons = failed.map(
    ({ condition, r }) =>
      `${condition.label} ${formatPercentVi(r)} < ${formatPercentVi(condition.min)}`
  );
  return scored(0, [warning("below_threshold", `${reasons.join("; ")}: ${lost(max)}`, max)]);
};

const scoreOptions: Scorer<"options"> = (rule, cell, max) => {
  const choice = chooseOption(rule.options, cell);
  if ("problem" in choice)
    return { points: null, warnings: [warning("invalid_value", choice.problem)] };
  const best = maxOf(rule.options.map((o) => o.points));
  const points = Math.min(choice.option.points, max);
  const warnings =
    points < best
      ? [
          warning(
            "below_threshold",
            `Mức "${choice.option.label}": mất ${formatNumberVi(best - points)} điểm`,
            roundHalfAwayFromZero(best - points, 2)
          ),
        ]
      : [];
  return scored(points, warnings);
};

const SCORERS: { [K in Rule["kind"]]: Scorer<K> } = {
  manual: scoreManual,
  boolean: scoreBoolean,
  ratio: scoreRatio,
  gate: scoreGate,
  tiers: scoreTiers,
  count: scoreCount,
  weighted_share: scoreWeightedShare,
  all_of: scoreAllOf,
  options: scoreOptions,
};

/**
 * Scores one result cell against a rule.
 *
 * @example applyRule({ kind: "ratio", min: 0.8, full: 1 }, { value: "85%" }, 1.5) // { points: 1.28, warnings: [] }
 */
export function applyRule(rule: Rule, cell: ResultCell, max: number): RuleOutcome {
  if (isEmptyResult(cell)) {
    return {
      points: null,
      warnings: [
        warning("missing_result", "Chưa nhập kết quả: nhập kết quả vào cột Kết quả để tính điểm"),
      ],
    };
  }
  if (isNoCase(cell)) {
    if (rule.noCaseFull) return withinMax(scored(max), cell, max);
    return unreadable(
      cell,
      'một kết quả cụ thể (tiêu chí này không cho điểm tối đa khi "Không phát sinh")'
    );
  }
  if (isOverlongResult(cell)) {
    return {
      points: null,
      warnings: [
        warning(
          "invalid_value",
          `Kết quả dài ${groupedCount((cell.value as string).length)} ký tự, quá ${groupedCount(MAX_RESULT_LENGTH)} ký tự nên không được đọc: chỉ ghi số liệu (ví dụ 96,5% hoặc 41/42), chuyển phần giải thích sang cột khác`
        ),
      ],
    };
  }
  const scorer = SCORERS[rule.kind] as Scorer<Rule["kind"]>;
  return withDotDecimalNote(withinMax(scorer(rule, cell, max), cell, max), cell);
}

/**
 * A scored result that holds a number read with a decimal dot ("68.67%") says so: the
 * Vietnamese rule (`readNumeral`) takes "." for thousands, so the reading is a guess the
 * user should confirm by writing the decimal comma.
 */
function withDotDecimalNote(outcome: RuleOutcome, cell: ResultCell): RuleOutcome {
  if (outcome.points === null) return outcome;
  const written = dotDecimalNumbers(cell);
  if (written.length === 0) return outcome;
  const shown = written.slice(0, 3);
  const read = shown.map((w) => `"${w}" là ${w.replace(".", ",")}`).join(", ");
  return {
    ...outcome,
    warnings: [
      ...outcome.warnings,
      warning(
        "ambiguous_number",
        `Đã đọc ${read}${written.length > 3 ? "…" : ""} (dấu chấm được hiểu là dấu thập phân): theo cách viết Việt Nam dấu phẩy là dấu thập phân, dấu chấm ngăn cách hàng nghìn; hãy viết ${shown[0].replace(".", ",")} nếu đúng là số thập phân`
      ),
    ],
  };
}

/**
 * Points as they are written: finite, rounded, and never above the criterion's maximum
 * (a 0,125 maximum would otherwise round to 0,13) nor below 0.
 */
function withinMax(outcome: RuleOutcome, cell: ResultCell, max: number): RuleOutcome {
  if (outcome.points === null) return outcome;
  if (!Number.isFinite(outcome.points)) return unreadable(cell, RATIO_EXAMPLE);
  return { ...outcome, points: roundPointsWithin(outcome.points, max) };
}

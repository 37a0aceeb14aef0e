/**
 * Scoring one result cell: what every rule shares (an empty cell, "Không phát sinh", an
 * overlong text, the maximum, a decimal dot), around the kind's own scorer, which lives in
 * its file in criteria/rules/ (one file per kind). Points are rounded to 2 decimals, half
 * away from zero, or null, with the warnings that explain a loss.
 */
import { roundPointsWithin } from "../parse/numbers";
import type { Rule } from "../criteria/schema";
import { ruleKind } from "../criteria/rules";
import { RATIO_EXAMPLE, scored, unreadable, type RuleOutcome } from "../criteria/rules/define";
import {
  dotDecimalNumbers,
  isEmptyResult,
  isNoCase,
  isOverlongResult,
  MAX_RESULT_LENGTH,
  type ResultCell,
} from "../parse/values";
import { warning } from "../parse/warnings";

export type { RuleOutcome } from "../criteria/rules/define";

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
  const outcome = ruleKind(rule.kind).score(rule, cell, max);
  return withDotDecimalNote(withinMax(outcome, cell, max), cell);
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

/** "Số lượng": all the points from the target count; below it none, or a share when `partial`. */
import { z } from "zod";
import { methodKey } from "../method-words";
import { formatNumberVi, roundHalfAwayFromZero } from "../../parse/numbers";
import { parseCount } from "../../parse/values";
import { warning } from "../../parse/warnings";
import { common, defineRuleKind, lost, NO, scored, unreadable, YES } from "./define";

export const CountRule = z.object({
  kind: z.literal("count"),
  target: z
    .number({ error: "Số lượng cần đạt (target) phải là số" })
    .int({ error: "Số lượng cần đạt (target) phải là số nguyên" })
    .min(1, { error: "Số lượng cần đạt (target) phải từ 1 trở lên" }),
  partial: z.boolean().default(false),
  ...common,
});

const TARGET = "Số lượng cần đạt";
const PARTIAL = "Chia điểm khi chưa đủ số lượng";

/**
 * "Phường có từ 2 sáng kiến hoặc giải pháp mới trở lên", "tổ chức ít nhất 02 cuộc đối
 * thoại": the maximum from that count, nothing below it.
 *
 * @example countAtLeast("Phường có từ 2 sáng kiến hoặc giải pháp mới trở lên.") // { kind: "count", target: 2, partial: false }
 */
export function countAtLeast(text: string): z.infer<typeof CountRule> | null {
  const key = methodKey(text);
  const match =
    /(?:có|đạt|tổ chức|thực hiện) từ (\d{1,3}) (?!\d|%|-|–)[^\d%;.]{1,50}? trở lên/.exec(key) ??
    /(?:có|đạt|tổ chức|thực hiện) ít nhất (\d{1,3}) (?!\d|%)/.exec(key);
  if (!match || Number(match[1]) < 1) return null;
  return { kind: "count", target: Number(match[1]), partial: false };
}

export const count = defineRuleKind({
  kind: "count",
  schema: CountRule,
  label: "Số lượng",
  resultColumn: "count",
  sheetColumns: [
    { name: TARGET, field: ["target"] },
    { name: PARTIAL, field: ["partial"] },
  ],
  writeSheet: (rule, row) => {
    row.value(TARGET, rule.target);
    row.value(PARTIAL, rule.partial ? YES : NO);
  },
  readSheet: (row) => ({ target: row.number(TARGET), partial: row.flag(PARTIAL) }),
  example: {
    rule: { kind: "count", target: 2, partial: true },
    maxPoints: 1,
    result: 1,
    points: 0.5,
  },
  methodPatterns: [{ name: "countAtLeast", order: 90, read: countAtLeast }],
  score: (rule, cell, max) => {
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
  },
});

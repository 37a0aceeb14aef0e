/** "Đạt ngưỡng mới có điểm": all the points from the threshold, none below it. */
import { z } from "zod";
import { methodKey, NUM, num } from "../method-words";
import { formatPercentVi } from "../../parse/numbers";
import { parseRatio } from "../../parse/values";
import { warning } from "../../parse/warnings";
import { common, defineRuleKind, lost, ratio, RATIO_EXAMPLE, scored, unreadable } from "./define";

export const GateRule = z.object({
  kind: z.literal("gate"),
  min: ratio("Ngưỡng (min)").default(1),
  ...common,
});

const MIN = "Ngưỡng tối thiểu";

/**
 * "dưới 95% thì không chấm điểm, mất 1,5 điểm", "Tỷ lệ giải ngân dưới 70% thì không chấm
 * điểm. Mất 01 điểm": all the points from the threshold, none below it.
 *
 * @example gateBelow("Tỷ lệ hồ sơ giải quyết đúng hạn đạt dưới 95% thì không chấm điểm và mất 1.5 điểm") // { kind: "gate", min: 0.95 }
 */
export function gateBelow(text: string): z.infer<typeof GateRule> | null {
  const key = methodKey(text);
  const match = new RegExp(
    String.raw`dưới ${NUM}\s?%[^.;%]{0,30}?(?:không (?:chấm|tính|được) điểm|điểm (?:đánh giá )?(?:là )?0)`
  ).exec(key);
  return match ? { kind: "gate", min: num(match[1]) / 100 } : null;
}

/**
 * "phải đạt 100% mới chấm điểm", "Đạt 100% theo báo cáo…", "… đạt 100%": all or nothing
 * at 100%.
 *
 * @example gateAtFull("Tiêu chí này phải đạt 100% mới chấm điểm.") // { kind: "gate", min: 1 }
 */
export function gateAtFull(text: string): z.infer<typeof GateRule> | null {
  const key = methodKey(text);
  const match = /(?:phải đạt|^(?:lưu ý: )?đạt|mới đạt|đạt) 100\s?%(?! trở lên)/.exec(key);
  if (!match) return null;
  if (/theo tỷ lệ/.test(key)) return null;
  return { kind: "gate", min: 1 };
}

export const gate = defineRuleKind({
  kind: "gate",
  schema: GateRule,
  label: "Đạt ngưỡng mới có điểm",
  resultColumn: "ratio",
  sheetColumns: [{ name: MIN, field: ["min"] }],
  writeSheet: (rule, row) => row.ratio(MIN, rule.min),
  readSheet: (row) => ({ min: row.ratio(MIN) }),
  example: { rule: { kind: "gate", min: 0.95 }, maxPoints: 1.5, result: "96%", points: 1.5 },
  methodPatterns: [
    { name: "gateBelow", order: 60, read: gateBelow },
    { name: "gateAtFull", order: 80, read: gateAtFull },
  ],
  score: (rule, cell, max) => {
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
  },
});

/** "Vượt/đạt trên tổng": exceeded and met targets weighted, nothing under the cut-off. */
import { z } from "zod";
import { methodKey, NUM, num } from "../method-words";
import { formatPercentVi } from "../../parse/numbers";
import { parseWeightedShare } from "../../parse/values";
import { warning } from "../../parse/warnings";
import { common, defineRuleKind, lost, ratio, scored, unreadable } from "./define";

export const WeightedShareRule = z.object({
  kind: z.literal("weighted_share"),
  weights: z.object({
    exceeded: z
      .number({ error: "Hệ số vượt phải là số" })
      .min(0, { error: "Hệ số vượt không được âm" }),
    met: z.number({ error: "Hệ số đạt phải là số" }).min(0, { error: "Hệ số đạt không được âm" }),
  }),
  cutoff: ratio("Ngưỡng (cutoff)"),
  ...common,
});

const EXCEEDED = "Hệ số vượt";
const MET = "Hệ số đạt";
const CUTOFF = "Ngưỡng (vượt + đạt)/tổng";

/**
 * "(b/a)*1,5 + (c/a)*1,0 … nếu (b+c)/a < 0,7 thì điểm đánh giá là 0": exceeded and met
 * targets weighted, nothing under the cut-off.
 *
 * @example weightedTargets("Tính điểm theo công thức: (b/a)*1.50 + (c/a)*1.00. Nếu tỉ lệ (b+c)/a <0.70 thì điểm đánh giá là 0") // { kind: "weighted_share", weights: { exceeded: 1.5, met: 1 }, cutoff: 0.7 }
 */
export function weightedTargets(text: string): z.infer<typeof WeightedShareRule> | null {
  const key = methodKey(text).replace(/\s/g, "");
  const weights = new RegExp(String.raw`\(b/a\)[*x×]${NUM}\+\(c/a\)[*x×]${NUM}`).exec(key);
  if (!weights) return null;
  const cutoff = new RegExp(String.raw`\(b\+c\)/a<${NUM}(%?)`).exec(key);
  const cut = cutoff ? num(cutoff[1]) / (cutoff[2] ? 100 : 1) : 0;
  return {
    kind: "weighted_share",
    weights: { exceeded: num(weights[1]), met: num(weights[2]) },
    cutoff: cut,
  };
}

export const weightedShare = defineRuleKind({
  kind: "weighted_share",
  schema: WeightedShareRule,
  label: "Vượt/đạt trên tổng",
  resultColumn: "other",
  sheetColumns: [
    { name: EXCEEDED, field: ["weights", "exceeded"] },
    { name: MET, field: ["weights", "met"] },
    { name: CUTOFF, field: ["cutoff"] },
  ],
  writeSheet: (rule, row) => {
    row.value(EXCEEDED, rule.weights.exceeded);
    row.value(MET, rule.weights.met);
    row.ratio(CUTOFF, rule.cutoff);
  },
  readSheet: (row) => ({
    weights: { exceeded: row.number(EXCEEDED), met: row.number(MET) },
    cutoff: row.ratio(CUTOFF),
  }),
  example: {
    rule: { kind: "weighted_share", weights: { exceeded: 1.5, met: 1 }, cutoff: 0.7 },
    maxPoints: 1.5,
    result: "vượt: 3; đạt: 4; tổng: 10",
    points: 0.85,
  },
  methodPatterns: [{ name: "weightedTargets", order: 10, read: weightedTargets }],
  score: (rule, cell, max) => {
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
  },
});

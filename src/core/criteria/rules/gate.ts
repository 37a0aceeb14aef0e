/** "Đạt ngưỡng mới có điểm": all the points from the threshold, none below it. */
import { z } from "zod";
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

export const gate = defineRuleKind({
  kind: "gate",
  schema: GateRule,
  label: "Đạt ngưỡng mới có điểm",
  resultColumn: "ratio",
  sheetColumns: [{ name: MIN, field: ["min"] }],
  writeSheet: (rule, row) => row.ratio(MIN, rule.min),
  readSheet: (row) => ({ min: row.ratio(MIN) }),
  example: { rule: { kind: "gate", min: 0.95 }, maxPoints: 1.5, result: "96%", points: 1.5 },
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

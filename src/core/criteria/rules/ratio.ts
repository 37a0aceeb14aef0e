/** "Tỷ lệ": points in proportion to the ratio up to `full`, none below `min`. */
import { z } from "zod";
import { formatPercentVi } from "../../parse/numbers";
import { parseRatio } from "../../parse/values";
import { warning } from "../../parse/warnings";
import {
  common,
  defineRuleKind,
  lost,
  ratio as ratioField,
  RATIO_EXAMPLE,
  scored,
  unreadable,
} from "./define";

export const RatioRule = z.object({
  kind: z.literal("ratio"),
  min: ratioField("Ngưỡng tối thiểu (min)").default(0),
  full: ratioField("Ngưỡng đạt tối đa (full)")
    .refine((v) => v > 0, { error: "Ngưỡng đạt tối đa (full) phải lớn hơn 0" })
    .default(1),
  ...common,
});

const MIN = "Ngưỡng tối thiểu";
const FULL = "Đạt tối đa từ";

export const ratio = defineRuleKind({
  kind: "ratio",
  schema: RatioRule,
  label: "Tỷ lệ",
  resultColumn: "ratio",
  sheetColumns: [
    { name: MIN, field: ["min"] },
    { name: FULL, field: ["full"] },
  ],
  writeSheet: (rule, row) => {
    row.ratio(MIN, rule.min);
    row.ratio(FULL, rule.full);
  },
  readSheet: (row) => ({ min: row.ratio(MIN), full: row.ratio(FULL) }),
  example: { rule: { kind: "ratio", min: 0.5, full: 1 }, maxPoints: 2, result: "75%", points: 1.5 },
  score: (rule, cell, max) => {
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
    return scored(max * Math.min(r / rule.full, 1));
  },
  check: (rule, criterion) =>
    rule.min > rule.full
      ? [
          {
            path: ["min"],
            message: `Ngưỡng tối thiểu (min) không được lớn hơn ngưỡng đạt tối đa (full) ở tiêu chí ${criterion.code}`,
          },
        ]
      : [],
});

/** "Tỷ lệ": points in proportion to the ratio up to `full`, none below `min`. */
import { z } from "zod";
import { methodKey, NUM, num } from "../method-words";
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

/**
 * "từ 80% (kế hoạch) trở lên (mới) chia điểm theo tỷ lệ, dưới 80% không chấm điểm":
 * points in proportion from the threshold, nothing below it.
 *
 * @example proportionalFromThreshold("Hoàn thành từ 80% kế hoạch trở lên mới chia điểm theo tỷ lệ. Hoàn thành dưới 80% là không chấm điểm.") // { kind: "ratio", min: 0.8, full: 1 }
 */
export function proportionalFromThreshold(text: string): z.infer<typeof RatioRule> | null {
  const key = methodKey(text);
  if (!/chia điểm theo tỷ lệ|tính điểm theo tỷ lệ|chấm điểm theo tỷ lệ/.test(key)) return null;
  const from = new RegExp(String.raw`từ ${NUM}\s?%[^.;%]{0,40}? trở lên`).exec(key);
  const below = new RegExp(String.raw`dưới ${NUM}\s?%[^.;%]{0,40}?không (?:chấm|tính) điểm`).exec(
    key
  );
  const threshold = from ?? below;
  if (!threshold) return null;
  return { kind: "ratio", min: num(threshold[1]) / 100, full: 1 };
}

/**
 * "Trên 70% thanh toán trực tuyến sẽ đạt tối đa 1,5 điểm", "phải kiểm tra tối thiểu 20% các
 * cơ quan đơn vị trở lên thì mới đạt điểm tối đa": the maximum from the threshold, in
 * proportion below it.
 *
 * @example fullAbove("Lưu ý: Trên 70% thanh toán trực tuyến sẽ đạt tối đa 1,5 điểm.") // { kind: "ratio", min: 0, full: 0.7 }
 */
export function fullAbove(text: string): z.infer<typeof RatioRule> | null {
  const key = methodKey(text);
  const match = new RegExp(
    String.raw`(?:trên|từ|tối thiểu) ${NUM}\s?%[^.;%]{0,60}?(?:sẽ )?đạt (?:điểm )?tối đa`
  ).exec(key);
  return match ? { kind: "ratio", min: 0, full: num(match[1]) / 100 } : null;
}

/**
 * "Tiêu chí chấm điểm theo tỷ lệ" with no threshold: points in proportion to the ratio.
 *
 * @example proportional("Tiêu chí chấm điểm theo tỷ lệ, do đó nếu không đạt 100% thì phải có tỷ lệ cao để chia điểm.") // { kind: "ratio", min: 0, full: 1 }
 */
export function proportional(text: string): z.infer<typeof RatioRule> | null {
  const key = methodKey(text);
  if (!/(?:chấm|tính|chia) điểm theo tỷ lệ/.test(key)) return null;
  return { kind: "ratio", min: 0, full: 1 };
}

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
  methodPatterns: [
    { name: "proportionalFromThreshold", order: 40, read: proportionalFromThreshold },
    { name: "fullAbove", order: 50, read: fullAbove },
    { name: "proportional", order: 70, read: proportional },
  ],
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

/** "Theo mức": the points of the highest tier the ratio reaches. */
import { z } from "zod";
import { formatNumberVi, formatPercentVi, roundHalfAwayFromZero } from "../../parse/numbers";
import { cellText } from "../../parse/text";
import { parseRatio } from "../../parse/values";
import { warning } from "../../parse/warnings";
import { minOf } from "../../arrays";
import {
  common,
  defineRuleKind,
  lost,
  numberOrRaw,
  percentText,
  ratio,
  RATIO_EXAMPLE,
  ratioOrRaw,
  scored,
  splitList,
  unreadable,
} from "./define";

export const TiersRule = z.object({
  kind: z.literal("tiers"),
  tiers: z
    .array(
      z.object({
        min: ratio("Ngưỡng của mức (min)"),
        points: z
          .number({ error: "Điểm của mức phải là số" })
          .min(0, { error: "Điểm của mức không được âm" }),
      })
    )
    .min(1, { error: "Quy tắc theo mức (tiers) cần ít nhất một mức" }),
  ...common,
});

const TIERS = "Các mức (ngưỡng: điểm)";
const SUM_TOLERANCE = 0.001;

export const tiers = defineRuleKind({
  kind: "tiers",
  schema: TiersRule,
  label: "Theo mức",
  resultColumn: "ratio",
  sheetColumns: [{ name: TIERS, field: ["tiers"] }],
  writeSheet: (rule, row) =>
    row.value(
      TIERS,
      rule.tiers.map((t) => `${percentText(t.min)}: ${formatNumberVi(t.points, 10)}`).join("; ")
    ),
  readSheet: (row) => {
    const read = splitList(cellText(row.cell(TIERS))).map((part) => {
      const match = /^(.+?)\s*:\s*(.+)$/.exec(part);
      return match ? { min: ratioOrRaw(match[1]), points: numberOrRaw(match[2]) } : null;
    });
    if (read.some((t) => t === null)) {
      row.fail(TIERS, 'ghi các mức dạng "100%: 1; 0%: 0,5"');
      return {};
    }
    return { tiers: read };
  },
  example: {
    rule: {
      kind: "tiers",
      tiers: [
        { min: 1, points: 1 },
        { min: 0.8, points: 0.5 },
      ],
    },
    maxPoints: 1,
    result: "85%",
    points: 0.5,
  },
  score: (rule, cell, max) => {
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
  },
  check: (rule, criterion) =>
    rule.tiers.flatMap((tier, i) =>
      tier.points > criterion.maxPoints + SUM_TOLERANCE
        ? [
            {
              path: ["tiers", i, "points"],
              message: `Điểm của mức (${formatNumberVi(tier.points)}) vượt điểm tối đa ${formatNumberVi(criterion.maxPoints)} của tiêu chí ${criterion.code}`,
            },
          ]
        : []
    ),
});

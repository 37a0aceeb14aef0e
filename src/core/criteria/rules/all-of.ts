/** "Đạt tất cả điều kiện": all the points when every named ratio reaches its threshold. */
import { z } from "zod";
import { formatPercentVi } from "../../parse/numbers";
import { cellText } from "../../parse/text";
import { parseRatioList } from "../../parse/values";
import { warning } from "../../parse/warnings";
import {
  common,
  defineRuleKind,
  lost,
  percentText,
  ratio,
  ratioOrRaw,
  scored,
  splitList,
  unreadable,
} from "./define";

export const AllOfRule = z.object({
  kind: z.literal("all_of"),
  conditions: z
    .array(
      z.object({
        min: ratio("Ngưỡng của điều kiện (min)"),
        label: z.string().min(1, { error: "Điều kiện cần có tên (label)" }),
      })
    )
    .min(1, { error: "Quy tắc all_of cần ít nhất một điều kiện" }),
  ...common,
});

const CONDITIONS = "Các điều kiện (tên ≥ ngưỡng)";

export const allOf = defineRuleKind({
  kind: "all_of",
  schema: AllOfRule,
  label: "Đạt tất cả điều kiện",
  resultColumn: "ratio",
  sheetColumns: [{ name: CONDITIONS, field: ["conditions"] }],
  writeSheet: (rule, row) =>
    row.value(
      CONDITIONS,
      rule.conditions.map((c) => `${c.label} ≥ ${percentText(c.min)}`).join("; ")
    ),
  readSheet: (row) => {
    const conditions = splitList(cellText(row.cell(CONDITIONS))).map((part) => {
      const match = /^(.+?)\s*(?:≥|>=)\s*(.+)$/.exec(part);
      return match ? { label: match[1].trim(), min: ratioOrRaw(match[2]) } : null;
    });
    if (conditions.some((c) => c === null)) {
      row.fail(CONDITIONS, 'ghi các điều kiện dạng "Tỷ lệ số hóa ≥ 80%; Tỷ lệ khai thác ≥ 50%"');
      return {};
    }
    return { conditions };
  },
  example: {
    rule: {
      kind: "all_of",
      conditions: [
        { label: "Tỷ lệ số hóa", min: 0.8 },
        { label: "Tỷ lệ khai thác", min: 0.5 },
      ],
    },
    maxPoints: 1,
    result: "82%; 47%",
    points: 0,
  },
  score: (rule, cell, max) => {
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
  },
});

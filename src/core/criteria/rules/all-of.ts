/** "Đạt tất cả điều kiện": all the points when every named ratio reaches its threshold. */
import { z } from "zod";
import { methodKey, num } from "../method-words";
import { formatPercentVi } from "../../parse/numbers";
import { cellText, collapseSpaces } from "../../parse/text";
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

/**
 * Two or more named ratios with a threshold each, all needed: "tỷ lệ số hóa hồ sơ TTHC từ
 * 80% trở lên; tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa từ 50% trở lên).
 * Lưu ý: không đạt các tỷ lệ trên thì không chấm điểm".
 *
 * @example namedRatios("tỷ lệ số hóa từ 80% trở lên; tỷ lệ khai thác từ 50% trở lên. Không đạt các tỷ lệ trên thì không chấm điểm") // { kind: "all_of", conditions: [{ label: "Tỷ lệ số hóa", min: 0.8 }, { label: "Tỷ lệ khai thác", min: 0.5 }] }
 */
export function namedRatios(text: string): z.infer<typeof AllOfRule> | null {
  const key = methodKey(text);
  if (!/không đạt (?:các|một trong các|1 trong các) tỷ lệ trên/.test(key)) return null;
  const conditions: Array<{ label: string; min: number }> = [];
  // Labels are shown to the user: read them from the text as written (NFC, single spaces).
  const written = collapseSpaces(text.normalize("NFC"));
  for (const match of written.matchAll(
    /(t[ỷỉ] lệ [^;:%]{1,80}?) (?:đạt )?từ (\d{1,3}(?:[.,]\d{1,3})?) ?% trở lên/giu
  )) {
    const label = match[1].replace(/[(,]+$/, "").trim();
    conditions.push({
      label: label.charAt(0).toLocaleUpperCase("vi-VN") + label.slice(1),
      min: num(match[2].replace(",", ".")) / 100,
    });
  }
  return conditions.length >= 2 ? { kind: "all_of", conditions } : null;
}

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
  methodPatterns: [{ name: "namedRatios", order: 20, read: namedRatios }],
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

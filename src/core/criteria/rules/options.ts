/**
 * "Chọn một mức": the result names one of the options (by label, number or points) and
 * scores that option's points.
 */
import { z } from "zod";
import { formatNumberVi, roundHalfAwayFromZero } from "../../parse/numbers";
import { cellText } from "../../parse/text";
import { warning } from "../../parse/warnings";
import { maxOf } from "../../arrays";
import { chooseOption } from "../option-choice";
import { common, defineRuleKind, numberOrRaw, scored } from "./define";

export const OptionsRule = z.object({
  kind: z.literal("options"),
  options: z
    .array(
      z.object({
        label: z
          .string({ error: "Mức chọn cần có tên (label)" })
          .min(1, { error: "Mức chọn cần có tên (label)" }),
        points: z
          .number({ error: "Điểm của mức chọn phải là số" })
          .min(0, { error: "Điểm của mức chọn không được âm" }),
      })
    )
    .min(2, { error: "Quy tắc chọn một mức (options) cần ít nhất hai mức" }),
  ...common,
});

const OPTIONS = "Các mức chọn (mỗi dòng một mức: tên: điểm)";
const SUM_TOLERANCE = 0.001;

export interface OptionText {
  label: string;
  points: number | null;
}

/**
 * An option as written in the name column: "text: points". The points are what follows
 * the last colon; text without it keeps `points: null`.
 *
 * @example splitOptionText("Hoàn thành từ 50% - dưới 100% kế hoạch: 0,5") // { label: "Hoàn thành từ 50% - dưới 100% kế hoạch", points: 0.5 }
 * @example splitOptionText("Không ban hành") // { label: "Không ban hành", points: null }
 */
export function splitOptionText(text: string): OptionText {
  const clean = text.replace(/\s+/g, " ").trim();
  const match = /^(.*\S)\s*:\s*(\d{1,3}(?:[.,]\d{1,3})?)\s*(?:điểm|đ)?\.?$/.exec(clean);
  if (!match) return { label: clean, points: null };
  return { label: match[1].trim(), points: Number(match[2].replace(",", ".")) };
}

/**
 * An inline option list: "Hoàn thành 100%: 1; 90 - <100%: 0,5; <90%: 0", "Ban hành
 * trong tháng 01: 1; tháng 02: 0,5; sau tháng 02 hoặc không ban hành: 0".
 *
 * @example optionList("Hoàn thành 100%: 1; 90 - <100%: 0,5; <90%: 0") // { kind: "options", options: [{ label: "Hoàn thành 100%", points: 1 }, { label: "90 - <100%", points: 0.5 }, { label: "<90%", points: 0 }] }
 */
export function optionList(text: string): z.infer<typeof OptionsRule> | null {
  const parts = text
    .split(/[;\n]/)
    .map((part) => part.replace(/^[\s\-–+•]+/, "").trim())
    .filter((part) => part !== "");
  const options = parts.map(splitOptionText).filter((o) => o.points !== null);
  if (options.length < 2 || options.length < parts.length - 1) return null;
  return {
    kind: "options",
    options: options.map((o) => ({ label: o.label, points: o.points! })),
  };
}

export const options = defineRuleKind({
  kind: "options",
  schema: OptionsRule,
  label: "Chọn một mức",
  resultColumn: "other",
  sheetColumns: [{ name: OPTIONS, field: ["options"] }],
  // One option a line: labels may hold ";" and ":" ("Hoàn thành từ 50% - dưới 100%: 0,5").
  writeSheet: (rule, row) =>
    row.value(
      OPTIONS,
      rule.options.map((o) => `${o.label}: ${formatNumberVi(o.points, 10)}`).join("\n")
    ),
  readSheet: (row) => {
    const read = cellText(row.cell(OPTIONS))
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "")
      .map((line) => {
        const match = /^(.+):\s*([^:]+)$/.exec(line);
        return match ? { label: match[1].trim(), points: numberOrRaw(match[2].trim()) } : null;
      });
    if (read.some((o) => o === null)) {
      row.fail(OPTIONS, 'ghi mỗi mức một dòng dạng "Ban hành kịp thời: 1,5"');
      return {};
    }
    return { options: read };
  },
  example: {
    rule: {
      kind: "options",
      options: [
        { label: "Ban hành kịp thời", points: 1 },
        { label: "Ban hành muộn", points: 0.5 },
      ],
    },
    maxPoints: 1,
    result: "Ban hành muộn",
    points: 0.5,
  },
  methodPatterns: [{ name: "optionList", order: 30, read: optionList }],
  score: (rule, cell, max) => {
    const choice = chooseOption(rule.options, cell);
    if ("problem" in choice)
      return { points: null, warnings: [warning("invalid_value", choice.problem)] };
    const best = maxOf(rule.options.map((o) => o.points));
    const points = Math.min(choice.option.points, max);
    const warnings =
      points < best
        ? [
            warning(
              "below_threshold",
              `Mức "${choice.option.label}": mất ${formatNumberVi(best - points)} điểm`,
              roundHalfAwayFromZero(best - points, 2)
            ),
          ]
        : [];
    return scored(points, warnings);
  },
  check: (rule, criterion) =>
    rule.options.flatMap((option, i) =>
      option.points > criterion.maxPoints + SUM_TOLERANCE
        ? [
            {
              path: ["options", i, "points"],
              message: `Điểm của mức "${option.label}" (${formatNumberVi(option.points)}) vượt điểm tối đa ${formatNumberVi(criterion.maxPoints)} của tiêu chí ${criterion.code}`,
            },
          ]
        : []
    ),
});

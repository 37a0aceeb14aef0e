/** "Nhập điểm": the points as entered, within 0 and the maximum. */
import { z } from "zod";
import { formatNumberVi } from "../../parse/numbers";
import { parsePoints } from "../../parse/values";
import { warning } from "../../parse/warnings";
import { common, defineRuleKind, scored, unreadable } from "./define";

export const ManualRule = z.object({ kind: z.literal("manual"), ...common });

export const manual = defineRuleKind({
  kind: "manual",
  schema: ManualRule,
  label: "Nhập điểm",
  resultColumn: "other",
  sheetColumns: [],
  writeSheet: () => {},
  readSheet: () => ({}),
  example: { rule: { kind: "manual" }, maxPoints: 2, result: "1,5", points: 1.5 },
  score: (_rule, cell, max) => {
    const points = parsePoints(cell, max);
    if (points === null) return unreadable(cell, `số điểm từ 0 đến ${formatNumberVi(max)}`);
    if (points < 0 || points > max + 1e-9) {
      return {
        points: null,
        warnings: [
          warning(
            "invalid_value",
            `Điểm ${formatNumberVi(points)} nằm ngoài khoảng 0 – ${formatNumberVi(max)}`
          ),
        ],
      };
    }
    return scored(points);
  },
});

/** "Có/Không": all the points for a yes, none for a no. */
import { z } from "zod";
import { parseBoolean } from "../../parse/values";
import { warning } from "../../parse/warnings";
import { common, defineRuleKind, lost, scored, unreadable } from "./define";

export const BooleanRule = z.object({ kind: z.literal("boolean"), ...common });

export const boolean = defineRuleKind({
  kind: "boolean",
  schema: BooleanRule,
  label: "Có/Không",
  resultColumn: "other",
  sheetColumns: [],
  writeSheet: () => {},
  readSheet: () => ({}),
  example: { rule: { kind: "boolean" }, maxPoints: 1, result: "Có", points: 1 },
  score: (_rule, cell, max) => {
    const answer = parseBoolean(cell);
    if (answer === null) return unreadable(cell, "Có/Đạt/Hoàn thành hoặc Không/Chưa");
    return answer
      ? scored(max)
      : scored(0, [warning("below_threshold", `Kết quả "Không đạt": ${lost(max)}`, max)]);
  },
});

/**
 * Scoring-method text ("Cách tính điểm", "Phương pháp chấm điểm", the "Lưu ý" lines of a
 * requirement column, option labels) read into rules, one small named pattern per
 * phrasing; each pattern lives in the file of the rule kind it reads (criteria/rules/). A text no pattern fits gives null: the criterion is then scored from the
 * self-score as entered, never from a guessed rule.
 *
 * Every pattern works on `methodKey(text)`: NFC, one tone placement, lower case, single
 * spaces, decimal commas as points. Quantifiers are bounded, so each pattern is linear in
 * the length of the text.
 */
import type { Rule } from "../criteria/schema";
import { ruleKinds } from "../criteria/rules";
import { methodKey, NUM, num } from "../criteria/method-words";

export { methodKey, shareOf } from "../criteria/method-words";
// The phrasings that read a rule live with their kind (criteria/rules/<kind>.ts).
export { fullAbove, proportional, proportionalFromThreshold } from "../criteria/rules/ratio";
export { gateAtFull, gateBelow } from "../criteria/rules/gate";
export { weightedTargets } from "../criteria/rules/weighted-share";
export { namedRatios } from "../criteria/rules/all-of";
export { countAtLeast } from "../criteria/rules/count";
export { optionList, splitOptionText, type OptionText } from "../criteria/rules/options";

/**
 * The criterion's stated maximum: "Điểm chuẩn tiêu chí là 1,5 điểm", "cơ số điểm tiêu chí
 * lớn 03 điểm", "(tối đa 4 điểm)", "sẽ đạt tối đa 1,5 điểm", "không chấm điểm, mất 1,5
 * điểm" (all of it is lost: it is the maximum).
 *
 * @example statedMaximum("Lưu ý: Điểm chuẩn tiêu chí là 1,5 điểm.") === 1.5
 * @example statedMaximum("cơ số điểm tiêu chí lớn 03 điểm") === 3
 */
export function statedMaximum(text: string): number | null {
  const key = methodKey(text);
  const match =
    new RegExp(String.raw`điểm chuẩn(?: của)?(?: tiêu chí)?(?: là| =|:)? ${NUM} điểm`).exec(key) ??
    new RegExp(String.raw`cơ số điểm(?: của)?(?: tiêu chí)?(?: lớn| là)?:? ${NUM} điểm`).exec(
      key
    ) ??
    new RegExp(String.raw`tối đa(?: là)?:? ${NUM} điểm`).exec(key) ??
    new RegExp(String.raw`không (?:chấm|tính) điểm[^;]{0,12}?\(?mất ${NUM} điểm`).exec(key);
  return match ? num(match[1]) : null;
}

export interface MethodReading {
  rule: Rule;
  /** The name of the pattern that read it, for the derived set and the report. */
  pattern: string;
}

/**
 * The patterns in the order they are tried, the most specific first: each rule kind's
 * (its `methodPatterns`, in criteria/rules/<kind>.ts) by their `order`.
 */
export const METHOD_PATTERNS: Array<[string, (text: string) => Rule | null]> = ruleKinds()
  .flatMap((kind) => kind.methodPatterns ?? [])
  .sort((x, y) => x.order - y.order)
  .map((pattern) => [pattern.name, pattern.read as (text: string) => Rule | null]);

/**
 * The rule a method text describes, or null when no pattern fits (the criterion is then
 * manual).
 *
 * @example methodRule("dưới 95% thì không chấm điểm, mất 1,5 điểm") // { rule: { kind: "gate", min: 0.95 }, pattern: "gateBelow" }
 */
export function methodRule(text: string): MethodReading | null {
  if (text.trim() === "") return null;
  for (const [pattern, read] of METHOD_PATTERNS) {
    const rule = read(text);
    if (rule) return { rule, pattern };
  }
  return null;
}

/**
 * The method part of a requirement cell: what follows "Lưu ý" (the requirement itself is
 * not a method).
 *
 * @example methodNote("Tổ chức thực hiện… Lưu ý: Điểm chuẩn tiêu chí là 1,5 điểm.") === "Điểm chuẩn tiêu chí là 1,5 điểm."
 */
export function methodNote(text: string): string {
  const key = text.normalize("NFC");
  const at = key.search(/lưu\s+ý/i);
  if (at < 0) return "";
  return key
    .slice(at)
    .replace(/^lưu\s+ý(?:\s+cách tính điểm(?: của tiêu chí)?)?\s*:?\s*/i, "")
    .trim();
}

/**
 * Scoring-method text ("Cách tính điểm", "Phương pháp chấm điểm", the "Lưu ý" lines of a
 * requirement column, option labels) read into rules, one small named pattern per
 * phrasing. A text no pattern fits gives null: the criterion is then scored from the
 * self-score as entered, never from a guessed rule.
 *
 * Every pattern works on `methodKey(text)`: NFC, one tone placement, lower case, single
 * spaces, decimal commas as points. Quantifiers are bounded, so each pattern is linear in
 * the length of the text.
 */
import type { Rule } from "../criteria/schema";
import { collapseSpaces } from "../parse/text";
import { methodKey, NUM, num } from "../criteria/method-words";

export { methodKey, shareOf } from "../criteria/method-words";

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

/**
 * "từ 80% (kế hoạch) trở lên (mới) chia điểm theo tỷ lệ, dưới 80% không chấm điểm":
 * points in proportion from the threshold, nothing below it.
 *
 * @example proportionalFromThreshold("Hoàn thành từ 80% kế hoạch trở lên mới chia điểm theo tỷ lệ. Hoàn thành dưới 80% là không chấm điểm.") // { kind: "ratio", min: 0.8, full: 1 }
 */
export function proportionalFromThreshold(text: string): Rule | null {
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
 * "Tiêu chí chấm điểm theo tỷ lệ" with no threshold: points in proportion to the ratio.
 *
 * @example proportional("Tiêu chí chấm điểm theo tỷ lệ, do đó nếu không đạt 100% thì phải có tỷ lệ cao để chia điểm.") // { kind: "ratio", min: 0, full: 1 }
 */
export function proportional(text: string): Rule | null {
  const key = methodKey(text);
  if (!/(?:chấm|tính|chia) điểm theo tỷ lệ/.test(key)) return null;
  return { kind: "ratio", min: 0, full: 1 };
}

/**
 * "dưới 95% thì không chấm điểm, mất 1,5 điểm", "Tỷ lệ giải ngân dưới 70% thì không chấm
 * điểm. Mất 01 điểm": all the points from the threshold, none below it.
 *
 * @example gateBelow("Tỷ lệ hồ sơ giải quyết đúng hạn đạt dưới 95% thì không chấm điểm và mất 1.5 điểm") // { kind: "gate", min: 0.95 }
 */
export function gateBelow(text: string): Rule | null {
  const key = methodKey(text);
  const match = new RegExp(
    String.raw`dưới ${NUM}\s?%[^.;%]{0,30}?(?:không (?:chấm|tính|được) điểm|điểm (?:đánh giá )?(?:là )?0)`
  ).exec(key);
  return match ? { kind: "gate", min: num(match[1]) / 100 } : null;
}

/**
 * "phải đạt 100% mới chấm điểm", "Đạt 100% theo báo cáo…", "… đạt 100%": all or nothing
 * at 100%.
 *
 * @example gateAtFull("Tiêu chí này phải đạt 100% mới chấm điểm.") // { kind: "gate", min: 1 }
 */
export function gateAtFull(text: string): Rule | null {
  const key = methodKey(text);
  const match = /(?:phải đạt|^(?:lưu ý: )?đạt|mới đạt|đạt) 100\s?%(?! trở lên)/.exec(key);
  if (!match) return null;
  if (/theo tỷ lệ/.test(key)) return null;
  return { kind: "gate", min: 1 };
}

/**
 * "Trên 70% thanh toán trực tuyến sẽ đạt tối đa 1,5 điểm", "phải kiểm tra tối thiểu 20% các
 * cơ quan đơn vị trở lên thì mới đạt điểm tối đa": the maximum from the threshold, in
 * proportion below it.
 *
 * @example fullAbove("Lưu ý: Trên 70% thanh toán trực tuyến sẽ đạt tối đa 1,5 điểm.") // { kind: "ratio", min: 0, full: 0.7 }
 */
export function fullAbove(text: string): Rule | null {
  const key = methodKey(text);
  const match = new RegExp(
    String.raw`(?:trên|từ|tối thiểu) ${NUM}\s?%[^.;%]{0,60}?(?:sẽ )?đạt (?:điểm )?tối đa`
  ).exec(key);
  return match ? { kind: "ratio", min: 0, full: num(match[1]) / 100 } : null;
}

/**
 * "(b/a)*1,5 + (c/a)*1,0 … nếu (b+c)/a < 0,7 thì điểm đánh giá là 0": exceeded and met
 * targets weighted, nothing under the cut-off.
 *
 * @example weightedTargets("Tính điểm theo công thức: (b/a)*1.50 + (c/a)*1.00. Nếu tỉ lệ (b+c)/a <0.70 thì điểm đánh giá là 0") // { kind: "weighted_share", weights: { exceeded: 1.5, met: 1 }, cutoff: 0.7 }
 */
export function weightedTargets(text: string): Rule | null {
  const key = methodKey(text).replace(/\s/g, "");
  const weights = new RegExp(String.raw`\(b/a\)[*x×]${NUM}\+\(c/a\)[*x×]${NUM}`).exec(key);
  if (!weights) return null;
  const cutoff = new RegExp(String.raw`\(b\+c\)/a<${NUM}(%?)`).exec(key);
  const cut = cutoff ? num(cutoff[1]) / (cutoff[2] ? 100 : 1) : 0;
  return {
    kind: "weighted_share",
    weights: { exceeded: num(weights[1]), met: num(weights[2]) },
    cutoff: cut,
  };
}

/**
 * Two or more named ratios with a threshold each, all needed: "tỷ lệ số hóa hồ sơ TTHC từ
 * 80% trở lên; tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa từ 50% trở lên).
 * Lưu ý: không đạt các tỷ lệ trên thì không chấm điểm".
 *
 * @example namedRatios("tỷ lệ số hóa từ 80% trở lên; tỷ lệ khai thác từ 50% trở lên. Không đạt các tỷ lệ trên thì không chấm điểm") // { kind: "all_of", conditions: [{ label: "Tỷ lệ số hóa", min: 0.8 }, { label: "Tỷ lệ khai thác", min: 0.5 }] }
 */
export function namedRatios(text: string): Rule | null {
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

/**
 * "Phường có từ 2 sáng kiến hoặc giải pháp mới trở lên", "tổ chức ít nhất 02 cuộc đối
 * thoại": the maximum from that count, nothing below it.
 *
 * @example countAtLeast("Phường có từ 2 sáng kiến hoặc giải pháp mới trở lên.") // { kind: "count", target: 2, partial: false }
 */
export function countAtLeast(text: string): Rule | null {
  const key = methodKey(text);
  const match =
    /(?:có|đạt|tổ chức|thực hiện) từ (\d{1,3}) (?!\d|%|-|–)[^\d%;.]{1,50}? trở lên/.exec(key) ??
    /(?:có|đạt|tổ chức|thực hiện) ít nhất (\d{1,3}) (?!\d|%)/.exec(key);
  if (!match || Number(match[1]) < 1) return null;
  return { kind: "count", target: Number(match[1]), partial: false };
}

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
export function optionList(text: string): Rule | null {
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

export interface MethodReading {
  rule: Rule;
  /** The name of the pattern that read it, for the derived set and the report. */
  pattern: string;
}

/** The patterns in the order they are tried: the most specific first. */
export const METHOD_PATTERNS: Array<[string, (text: string) => Rule | null]> = [
  ["weightedTargets", weightedTargets],
  ["namedRatios", namedRatios],
  ["optionList", optionList],
  ["proportionalFromThreshold", proportionalFromThreshold],
  ["fullAbove", fullAbove],
  ["gateBelow", gateBelow],
  ["proportional", proportional],
  ["gateAtFull", gateAtFull],
  ["countAtLeast", countAtLeast],
];

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

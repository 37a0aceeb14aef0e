/**
 * The words of scoring methods and option labels as patterns read them: one normalised
 * form of the text, and shares written as "80%", "3/4", "một nửa". Shared by the option
 * bands (criteria) and the method-text patterns (self-assessment tables).
 */
import { roundHalfAwayFromZero } from "../parse/numbers";
import { normalizeVi } from "../parse/text";

/**
 * The text the patterns read: normalised Vietnamese, "1,5" as "1.5", "¾" as "3/4".
 *
 * @example methodKey("Điểm chuẩn tiêu\nchí là 1,5 điểm") === "điểm chuẩn tiêu chí là 1.5 điểm"
 */
export function methodKey(text: string): string {
  return normalizeVi(text)
    .replace(/(\d),(\d)/g, "$1.$2")
    .replace(/¾/g, "3/4")
    .replace(/½/g, "1/2")
    .replace(/⅔/g, "2/3")
    .replace(/≥/g, ">=")
    .replace(/≤/g, "<=");
}

export const NUM = String.raw`(\d{1,3}(?:\.\d{1,3})?)`;

export function num(text: string): number {
  return Number(text);
}

/**
 * Reads a share as a ratio from 0 to 1.
 *
 * @example shareOf("80%") === 0.8
 * @example shareOf("3/4") === 0.75
 * @example shareOf("một nửa") === 0.5
 */
export function shareOf(text: string): number {
  const t = text.replace(/\s/g, "");
  if (t.endsWith("%")) return roundHalfAwayFromZero(num(t.slice(0, -1)) / 100, 6);
  if (t === "mộtnửa" || t === "1nửa") return 0.5;
  const [a, b] = t.split("/").map(num);
  return a / b;
}

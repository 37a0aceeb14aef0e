/**
 * Vietnamese text normalisation for comparisons.
 *
 * Offices type the same word in several byte forms: NFC or NFD (copied from PDFs),
 * "hoà" or "hòa" (old and new tone placement), upper or lower case, with
 * non-breaking spaces and line breaks inside a cell. Every comparison of user text in
 * the core goes through one of these functions so that all those forms compare equal.
 */

/**
 * Old-style and new-style tone placement pairs. The key is the new style (mark on the
 * first vowel), the value the old style (mark on the second vowel). Both spellings are
 * correct Vietnamese; we fold to the old style only for comparison.
 */
const TONE_PLACEMENT: ReadonlyArray<[RegExp, string]> = (() => {
  const pairs: Array<[string, string]> = [];
  const marks = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
  for (const mark of marks) {
    pairs.push([`o${mark}a`, `oa${mark}`]);
    pairs.push([`o${mark}e`, `oe${mark}`]);
    pairs.push([`u${mark}y`, `uy${mark}`]);
  }
  // Work on NFD so that each tone mark is a separate combining character.
  return pairs.map(([from, to]) => [new RegExp(from, "g"), to] as [RegExp, string]);
})();

/**
 * Folds tone placement so that "hòa" and "hoà", "thủy" and "thuỷ" give the same string.
 * The result is NFC.
 *
 * @example foldTonePlacement("Văn hóa") === foldTonePlacement("Văn hoá") // true
 */
export function foldTonePlacement(text: string): string {
  let decomposed = text.normalize("NFD");
  for (const [pattern, replacement] of TONE_PLACEMENT) {
    decomposed = decomposed.replace(pattern, replacement);
  }
  return decomposed.normalize("NFC");
}

/**
 * Collapses every run of white space (including non-breaking spaces and line breaks)
 * to one space and trims the ends.
 *
 * @example collapseSpaces("Trước\nngày  25") === "Trước ngày 25"
 */
export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, " ").trim();
}

/**
 * The comparison key for Vietnamese text: NFC, one tone placement, lower case, single
 * spaces. Keeps diacritics, so "Đã" and "Da" stay different.
 *
 * @example normalizeVi("  VĂN HOÁ\nthông tin ") === normalizeVi("Văn hóa thông tin") // true
 */
export function normalizeVi(text: string): string {
  return collapseSpaces(foldTonePlacement(text).toLocaleLowerCase("vi-VN"));
}

/**
 * Removes every diacritic (and turns đ into d) after normalising. Used only where
 * users are known to type without accents, e.g. header synonyms ("Thoi han").
 *
 * @example stripDiacritics("Thời hạn") === "thoi han"
 */
export function stripDiacritics(text: string): string {
  return normalizeVi(text)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .normalize("NFC");
}

/** Turns any cell value into its display text (numbers in plain JavaScript form). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

/** True when a cell holds nothing but white space. */
export function isBlankCell(value: unknown): boolean {
  return collapseSpaces(cellText(value)) === "";
}

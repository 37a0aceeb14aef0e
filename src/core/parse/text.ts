/**
 * Vietnamese text normalisation for comparisons.
 *
 * Offices type the same word in several byte forms: NFC or NFD (copied from PDFs),
 * "hoà" or "hòa" (old and new tone placement), upper or lower case, with
 * non-breaking spaces and line breaks inside a cell. Every comparison of user text in
 * the core goes through one of these functions so that all those forms compare equal.
 */

/** Tone marks as combining characters (NFD): grave, acute, hook above, tilde, dot below. */
const TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323";

/**
 * New-style placement (mark on the first vowel of oa, oe, uy) in NFD. Both placements
 * are correct Vietnamese; comparisons fold to the old style (mark on the second vowel).
 */
const NEW_STYLE_PLACEMENT = new RegExp(`(o)([${TONE_MARKS}])([ae])|(u)([${TONE_MARKS}])(y)`, "gi");

/**
 * Folds tone placement so that "hòa" and "hoà", "thủy" and "thuỷ" give the same string.
 * The result is NFC.
 *
 * @example foldTonePlacement("Văn hóa") === foldTonePlacement("Văn hoá") // true
 */
export function foldTonePlacement(text: string): string {
  return text
    .normalize("NFD")
    .replace(NEW_STYLE_PLACEMENT, (_m, o, oMark, ae, u, uMark, y) =>
      o ? `${o}${ae}${oMark}` : `${u}${y}${uMark}`
    )
    .normalize("NFC");
}

/** Texts longer than this are not cached (see memoize). */
export const MAX_MEMOIZED_LENGTH = 256;

/**
 * Caches a pure one-argument text function. Tables repeat the same texts (statuses,
 * deadlines, owners) thousands of times; the cache is cleared when it grows too large.
 */
export function memoize<T>(fn: (text: string) => T, limit = 50_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    // Long texts (results, notes) rarely repeat; caching them could hold gigabytes.
    if (text.length > MAX_MEMOIZED_LENGTH) return fn(text);
    let value = cache.get(text);
    if (value === undefined) {
      if (cache.size >= limit) cache.clear();
      value = fn(text);
      cache.set(text, value);
    }
    return value;
  };
}

/**
 * Collapses every run of white space (including non-breaking spaces and line breaks)
 * to one space and trims the ends.
 *
 * @example collapseSpaces("Trước\nngày  25") === "Trước ngày 25"
 */
export function collapseSpaces(text: string): string {
  // Most cells are already clean: checking is cheaper than rebuilding the string.
  if (!NEEDS_COLLAPSE.test(text)) return text;
  return text.replace(/[\s\u00a0\u200b]+/g, " ").trim();
}

const NEEDS_COLLAPSE = /[\t\n\v\f\r\u00a0\u200b]| {2}|^ | $/;

/**
 * The comparison key for Vietnamese text: NFC, one tone placement, lower case, single
 * spaces. Keeps diacritics, so "Đã" and "Da" stay different.
 *
 * @example normalizeVi("  VĂN HOÁ\nthông tin ") === normalizeVi("Văn hóa thông tin") // true
 */
export const normalizeVi: (text: string) => string = memoize((text) =>
  collapseSpaces(foldTonePlacement(text).toLocaleLowerCase("vi-VN"))
);

/**
 * Removes every diacritic (and turns đ into d) after normalising. Used only where
 * users are known to type without accents, e.g. header synonyms ("Thoi han").
 *
 * @example stripDiacritics("Thời hạn") === "thoi han"
 */
export const stripDiacritics: (text: string) => string = memoize((text) =>
  normalizeVi(text)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .normalize("NFC")
);

/** Turns any cell value into its display text (numbers in plain JavaScript form). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

/** True when a cell holds nothing but white space. */
export function isBlankCell(value: unknown): boolean {
  if (typeof value === "string") {
    // Asked of every cell: a printable ASCII first character (no white space is one)
    // already says "not blank" without a regular expression.
    const first = value.charCodeAt(0);
    if (first > 32 && first < 127) return false;
    return BLANK.test(value);
  }
  return value === null || value === undefined;
}

const BLANK = /^[\s\u00a0\u200b]*$/;

/**
 * Numbers as Vietnamese offices write them, and rounding as the scoring rules need it.
 * Every reader of a written number (results, counts, ratios, points, maxima) goes through
 * `readNumeral`, so "." and "," mean the same thing everywhere.
 */

/**
 * How a number written with separators was read. Vietnamese writing is the rule: "." groups
 * thousands ("1.000", "1.234.567"), "," is the decimal comma ("93,5", "1.234,5"). A dot
 * that cannot group thousands ("1.5", "60.31", "0.935", "1234.5") is read as a decimal
 * point, as offices that copy from English software write it: the one reading left, but
 * a guess, so `dotDecimal` says so and the scorer warns.
 */
export interface NumeralReading {
  value: number;
  /** True when a "." was read as the decimal point, against the Vietnamese rule. */
  dotDecimal: boolean;
}

const PLAIN = /^\d+$/;
const COMMA_DECIMAL = /^\d+,\d+$/;
const GROUPED = /^[1-9]\d{0,2}(?:\.\d{3})+$/;
const GROUPED_COMMA_DECIMAL = /^[1-9]\d{0,2}(?:\.\d{3})+,\d+$/;
const DOT_DECIMAL = /^\d+\.\d+$/;

/**
 * Reads one unsigned numeral (digits with "." and "," between them) by the one rule
 * above. Returns null when the separators follow no reading ("1.2.3", "15.12.2024",
 * "1,234,567", "1,234.5", "1.23,4": a date, a code, English grouping, or a number written
 * two ways at once), or when the value is past Number's range.
 *
 * @example readNumeral("1.000") // { value: 1000, dotDecimal: false }
 * @example readNumeral("1.234,5") // { value: 1234.5, dotDecimal: false }
 * @example readNumeral("93,5") // { value: 93.5, dotDecimal: false }
 * @example readNumeral("1.5") // { value: 1.5, dotDecimal: true }
 * @example readNumeral("15.12.2024") === null
 */
export function readNumeral(written: string): NumeralReading | null {
  const read = numeralDigits(written);
  if (read === null) return null;
  const value = Number(read.digits);
  return Number.isFinite(value) ? { value, dotDecimal: read.dotDecimal } : null;
}

/** The numeral as JavaScript digits ("1234.5"), or null when its separators follow no reading. */
function numeralDigits(written: string): { digits: string; dotDecimal: boolean } | null {
  if (PLAIN.test(written)) return { digits: written, dotDecimal: false };
  if (COMMA_DECIMAL.test(written)) return { digits: written.replace(",", "."), dotDecimal: false };
  if (GROUPED.test(written)) return { digits: written.replace(/\./g, ""), dotDecimal: false };
  if (GROUPED_COMMA_DECIMAL.test(written))
    return { digits: written.replace(/\./g, "").replace(",", "."), dotDecimal: false };
  if (DOT_DECIMAL.test(written)) return { digits: written, dotDecimal: true };
  return null;
}

/**
 * Parses one number, signed or not, read by `readNumeral` ("16,75", "1.000", "-0,5",
 * "93.14"). Returns null for anything that is not exactly one number.
 *
 * @example parseDecimal("16,75") === 16.75
 * @example parseDecimal("1.000") === 1000
 * @example parseDecimal("abc") === null
 */
export function parseDecimal(text: string): number | null {
  return parseSignedNumeral(text)?.value ?? null;
}

/**
 * `parseDecimal` with the reading: whether a dot was taken for the decimal point.
 *
 * @example parseSignedNumeral("-1.5") // { value: -1.5, dotDecimal: true }
 */
export function parseSignedNumeral(text: string): NumeralReading | null {
  const trimmed = text.trim().replace(/\s+/g, "");
  const match = /^([+-]?)(\d+(?:[.,]\d+)*)$/.exec(trimmed);
  if (!match) return null;
  const reading = readNumeral(match[2]);
  if (reading === null) return null;
  return match[1] === "-" ? { ...reading, value: -reading.value } : reading;
}

/** Pattern of one numeral inside a longer text: digits with "." or "," between them. */
export const NUMERAL_PATTERN = String.raw`\d+(?:[.,]\d+)*`;

/** A number found in a text by `findNumbers`. */
export interface NumberToken {
  /** The digits as written ("96,5", "1.000"). */
  text: string;
  /**
   * Its value by `readNumeral`, or null when it is past Number's range (a run of 400
   * nines) or its separators follow no reading (`malformed`).
   */
  value: number | null;
  /** True when a "." was read as the decimal point ("1.5"), against the Vietnamese rule. */
  dotDecimal: boolean;
  /** True when the separators follow no reading: a date "15.12.2024", a code "1.2.3". */
  malformed: boolean;
  /** True when a minus sign stands right before it ("-5%", "−5%"), not after a word or digit. */
  negative: boolean;
  /** Index of the first digit and one past the last, in the searched text. */
  start: number;
  end: number;
}

const MINUS_SIGNS = "-\u2212";

/**
 * Finds every number in a text in one pass (linear in the text: no regular expression
 * backtracks over a long run of digits). A number is a run of digits with "." or ","
 * between digits, read by `readNumeral`.
 *
 * @example findNumbers("Đạt -5% (41/42)").map((n) => n.text) // ["5", "41", "42"], the first negative
 * @example findNumbers("935/1.000").map((n) => n.value) // [935, 1000]
 */
export function findNumbers(text: string): NumberToken[] {
  const found: NumberToken[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text, i)) {
      i++;
      continue;
    }
    const start = i;
    while (isDigit(text, i)) i++;
    while ((text[i] === "," || text[i] === ".") && isDigit(text, i + 1)) {
      i++;
      while (isDigit(text, i)) i++;
    }
    const written = text.slice(start, i);
    const reading = readNumeral(written);
    found.push({
      text: written,
      value: reading?.value ?? null,
      dotDecimal: reading?.dotDecimal ?? false,
      malformed: reading === null && numeralDigits(written) === null,
      negative: MINUS_SIGNS.includes(text[start - 1] ?? "x") && !isWordChar(text, start - 2),
      start,
      end: i,
    });
  }
  return found;
}

function isDigit(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 48 && code <= 57;
}

/** A letter or digit (any script): a minus after one is a dash ("2024-5"), not a sign. */
function isWordChar(text: string, i: number): boolean {
  return i >= 0 && /[\p{L}\p{N}]/u.test(text[i]);
}

/**
 * Rounds to a number of decimals, half away from zero, without binary floating-point
 * error: 1.5 × 0.85 is 1.2749999… in binary, but the user computed 1,275 on paper and
 * expects 1,28.
 *
 * @example roundHalfAwayFromZero(1.5 * 0.85, 2) === 1.28
 * @example roundHalfAwayFromZero(-2.345, 2) === -2.35
 */
export function roundHalfAwayFromZero(value: number, decimals = 2): number {
  if (!Number.isFinite(value)) return value;
  // -0 (from "-0,0" or a negative ratio rounded away) would be shown as "-0".
  if (Number.isInteger(value)) return value === 0 ? 0 : value;
  // Fast path (every row rounds its points): away from a half, binary noise and the
  // 12-digit cleaning below cannot change the result, and rounded ÷ 10^d is the double
  // nearest to the decimal, as the exact path gives. Points are far below 10^6 / 10^d.
  if (decimals >= 0 && decimals < POWERS_OF_TEN.length) {
    const scale = POWERS_OF_TEN[decimals];
    const scaled = Math.abs(value) * scale;
    if (scaled < 1e6 && Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-4) {
      const result = Math.round(scaled) / scale;
      return value < 0 && result !== 0 ? -result : result;
    }
  }
  // 12 significant digits remove the binary noise of a few multiplications while
  // keeping every digit a score can meaningfully have.
  const cleaned = Number(value.toPrecision(12));
  const rounded = Math.round(Math.abs(shiftDecimal(cleaned, decimals)));
  const result = rounded === 0 ? 0 : shiftDecimal(rounded, -decimals);
  return cleaned < 0 && result !== 0 ? -result : result;
}

const POWERS_OF_TEN = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/**
 * value × 10^places computed in decimal, not binary: through the exponent of the
 * number's exponential form, which also holds for 1.5e-7 and 1e21 (whose plain string
 * forms already carry an exponent, so appending another one gave NaN).
 */
function shiftDecimal(value: number, places: number): number {
  const [mantissa, exponent] = value.toExponential().split("e");
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/**
 * Rounds points for display and storage (2 decimals) without passing the maximum:
 * a maximum of 0,125 scores 0,125 when full, never 0,13; never below 0, never NaN.
 *
 * @example roundPointsWithin(0.125, 0.125) === 0.125
 * @example roundPointsWithin(1.5 * 0.85, 1.5) === 1.28
 */
export function roundPointsWithin(points: number, max: number): number {
  if (!Number.isFinite(points)) return 0;
  const rounded = roundHalfAwayFromZero(points, 2);
  return Math.min(Math.max(rounded, 0), Math.max(max, 0));
}

/**
 * Formats a number the Vietnamese way: decimal comma, at most two decimals, no
 * trailing zeros.
 *
 * @example formatNumberVi(16.75) === "16,75"
 * @example formatNumberVi(0.935 * 100) === "93,5"
 */
export function formatNumberVi(value: number, decimals = 2): string {
  const rounded = roundHalfAwayFromZero(value, decimals);
  return String(rounded).replace(".", ",");
}

/**
 * Formats a ratio as a Vietnamese percentage.
 *
 * @example formatPercentVi(0.935) === "93,5%"
 */
export function formatPercentVi(ratio: number): string {
  return `${formatNumberVi(ratio * 100, 2)}%`;
}

/**
 * Numbers as Vietnamese offices write them, and rounding as the scoring rules need it.
 */

/**
 * Parses one decimal number written with a decimal comma or point ("16,75", "93.14",
 * "1.000" as in "1.000/4.000 điểm"). Returns null for anything that is not exactly one
 * number. A dot is a decimal point: the PAR documents write "60.31/70 điểm".
 *
 * @example parseDecimal("16,75") === 16.75
 * @example parseDecimal("abc") === null
 */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim().replace(/\s+/g, "");
  if (!/^[+-]?\d+(?:[.,]\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed.replace(",", "."));
  return Number.isFinite(value) ? value : null;
}

/** Pattern of one decimal number inside a longer text. */
export const DECIMAL_PATTERN = String.raw`\d+(?:[.,]\d+)?`;

/**
 * Rounds to a number of decimals, half away from zero, without binary floating-point
 * error: 1.5 × 0.85 is 1.2749999… in binary, but the user computed 1,275 on paper and
 * expects 1,28.
 *
 * @example roundHalfAwayFromZero(1.5 * 0.85, 2) === 1.28
 * @example roundHalfAwayFromZero(-2.345, 2) === -2.35
 */
export function roundHalfAwayFromZero(value: number, decimals = 2): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return value;
  // 12 significant digits remove the binary noise of a few multiplications while
  // keeping every digit a score can meaningfully have.
  const cleaned = Number(value.toPrecision(12));
  const shifted = Math.abs(Number(`${cleaned}e${decimals}`));
  const rounded = Math.round(shifted);
  const result = Number(`${rounded}e-${decimals}`);
  return cleaned < 0 ? -result : result;
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

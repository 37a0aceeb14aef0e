/**
 * Result values as offices type them in the "Kết quả" column: "96,5%", 0.965 in a
 * percent-formatted cell, "41/42", "02 sáng kiến", "vượt: 5; đạt: 4; tổng: 10"...
 * Each reader returns the value or null; the rule that asked says what it expected.
 */
import {
  findNumbers,
  NUMERAL_PATTERN,
  parseDecimal,
  parseSignedNumeral,
  readNumeral,
  type NumberToken,
} from "./numbers";
import { cellText, collapseSpaces, normalizeVi } from "./text";

/** One cell as Office.js gives it: a string, number or boolean ("" when empty). */
export type CellValue = string | number | boolean | null;

/** A result cell with the number format Excel shows it in (e.g. "0.0%"). */
export interface ResultCell {
  value: CellValue;
  numberFormat?: string;
}

/**
 * The longest result text the readers look at. A result is a ratio, a count or a few
 * labelled numbers; a longer cell (Excel allows 32,767 characters) is refused rather than
 * searched, so that one cell costs little whatever it holds.
 */
export const MAX_RESULT_LENGTH = 2_000;

/** True when a result cell is text longer than the readers look at. */
export function isOverlongResult(cell: ResultCell): boolean {
  return typeof cell.value === "string" && cell.value.length > MAX_RESULT_LENGTH;
}

/** A result's text, or null when it is not text or too long to read. */
function resultText(cell: ResultCell): string | null {
  if (typeof cell.value !== "string" || cell.value.length > MAX_RESULT_LENGTH) return null;
  return collapseSpaces(cell.value);
}

/** Index of the first character at or after `i` that is not white space. */
function skipSpaces(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/**
 * The percentages of a text ("96,5%", "96,5 %"), in order. A negative one ("-5%") or one
 * past Number's range reads as null: a ratio cannot be either.
 *
 * @example findPercents("82%; 47%") // [0.82, 0.47]
 */
export function findPercents(text: string, numbers = findNumbers(text)): Array<number | null> {
  return numbers
    .filter((n) => text[skipSpaces(text, n.end)] === "%")
    .map((n) => (n.negative || n.value === null ? null : n.value / 100));
}

/**
 * The fractions of a text ("41/42", "16,75 / 20"), in order, as [numerator, denominator];
 * a negative or out-of-range part reads as null.
 *
 * @example findFractions("Đạt 41/42 hồ sơ") // [[41, 42]]
 */
export function findFractions(
  text: string,
  numbers = findNumbers(text)
): Array<[number, number] | null> {
  const fractions: Array<[number, number] | null> = [];
  for (let i = 0; i + 1 < numbers.length; i++) {
    const slash = skipSpaces(text, numbers[i].end);
    if (text[slash] !== "/" || skipSpaces(text, slash + 1) !== numbers[i + 1].start) continue;
    fractions.push(fractionOf(numbers[i], numbers[i + 1]));
    i++;
  }
  return fractions;
}

function fractionOf(numerator: NumberToken, denominator: NumberToken): [number, number] | null {
  if (numerator.negative || denominator.negative) return null;
  if (numerator.value === null || denominator.value === null) return null;
  return [numerator.value, denominator.value];
}

/** True for an Excel number format that shows a percentage (a "%" outside quotes). */
export function isPercentFormat(numberFormat: string | undefined): boolean {
  return numberFormat !== undefined && numberFormat.replace(/"[^"]*"/g, "").includes("%");
}

/**
 * Reads a number written as a share: 0.965, 96.5 (a percentage, when 1 < n ≤ 100).
 *
 * @example shareFromNumber(96.5) === 0.965
 */
export function shareFromNumber(n: number): number | null {
  if (!Number.isFinite(n) || n < 0) return null;
  if (n <= 1) return n;
  if (n <= 100) return n / 100;
  return null;
}

/**
 * Reads a ratio: "96,5%", "96.5 %", 0.965 (percent-formatted or not), "96,5" (a
 * percentage), "41/42", "16,75/20", or text holding exactly one of these.
 *
 * @example parseRatio({ value: "96,5%" }) === 0.965
 * @example parseRatio({ value: "41/42" }) === 41 / 42
 */
export function parseRatio(cell: ResultCell): number | null {
  const { value } = cell;
  if (typeof value === "number") {
    if (isPercentFormat(cell.numberFormat))
      return Number.isFinite(value) && value >= 0 ? value : null;
    return shareFromNumber(value);
  }
  const text = resultText(cell);
  if (text === null) return null;
  const numbers = findNumbers(text);
  const percents = findPercents(text, numbers);
  if (percents.length === 1) return percents[0];
  if (percents.length > 1) return null;
  const fractions = findFractions(text, numbers);
  if (fractions.length === 1) {
    if (fractions[0] === null) return null;
    const [numerator, denominator] = fractions[0];
    const share = denominator > 0 ? numerator / denominator : null;
    return share !== null && Number.isFinite(share) ? share : null;
  }
  if (fractions.length > 1) return null;
  const plain = parseDecimal(text);
  return plain === null ? null : shareFromNumber(plain);
}

/**
 * Reads several ratios in order: "82%; 47%", "82%, 47%", one per line, or "0,82; 0,47".
 *
 * @example parseRatioList({ value: "82%; 47%" }) // [0.82, 0.47]
 */
export function parseRatioList(cell: ResultCell): number[] | null {
  if (typeof cell.value === "number") {
    const single = parseRatio(cell);
    return single === null ? null : [single];
  }
  const text = resultText(cell);
  if (text === null || typeof cell.value !== "string") return null;
  const percents = findPercents(text);
  if (percents.length > 0) return percents.every((p) => p !== null) ? (percents as number[]) : null;
  const parts = cell.value
    .split(/[;\n]+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const ratios = parts.map((part) => parseRatio({ value: part }));
  return ratios.length > 0 && ratios.every((r) => r !== null) ? (ratios as number[]) : null;
}

/**
 * Reads a count: a whole number cell, "02 sáng kiến", "3 cuộc", "Có 2 sáng kiến",
 * "1.234 hồ sơ" (a "." groups thousands). A fraction's parts, a percentage, a decimal
 * ("1,5 hồ sơ", "1.5") and a negative number are not counts; a date or code written with
 * dots ("15.12.2024") is not a number and is passed over.
 *
 * @example parseCount({ value: "02 sáng kiến" }) === 2
 * @example parseCount({ value: "1.234 hồ sơ" }) === 1234
 */
export function parseCount(cell: ResultCell): number | null {
  const { value } = cell;
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0 ? value : null;
  const text = resultText(cell);
  if (text === null) return null;
  const counted = findNumbers(text).filter((n) => !n.malformed && !isPartOfRatio(text, n));
  if (counted.length !== 1) return null;
  const [n] = counted;
  return n.negative ? null : exactCount(n.text);
}

/** True when a number is a fraction's part or a percentage: "41/42", "50%". */
function isPartOfRatio(text: string, n: NumberToken): boolean {
  const after = text[skipSpaces(text, n.end)];
  return after === "/" || after === "%" || text[skipSpacesBack(text, n.start - 1)] === "/";
}

/** Index of the last character at or before `i` that is not white space (-1 when none). */
function skipSpacesBack(text: string, i: number): number {
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i;
}

/**
 * The numbers of a result text read with a decimal dot ("1.5", "68.67%"), as written:
 * the reading the Vietnamese rule leaves in doubt, for the scorer's warning.
 *
 * @example dotDecimalNumbers({ value: "Đạt 68.67%" }) // ["68.67"]
 * @example dotDecimalNumbers({ value: "935/1.000" }) // []
 */
export function dotDecimalNumbers(cell: ResultCell): string[] {
  const text = resultText(cell);
  if (text === null) return [];
  return findNumbers(text)
    .filter((n) => n.dotDecimal)
    .map((n) => n.text);
}

/**
 * A whole number as written ("10", "1.234"), or null for a decimal ("1,5", "1.5") or a
 * number past the integers a double holds exactly.
 */
function exactCount(written: string): number | null {
  const reading = readNumeral(written);
  if (reading === null || reading.dotDecimal || written.includes(",")) return null;
  return Number.isSafeInteger(reading.value) ? reading.value : null;
}

export interface WeightedShareCounts {
  /** a: tổng số chỉ tiêu */
  total: number;
  /** b: số chỉ tiêu vượt */
  exceeded: number;
  /** c: số chỉ tiêu đạt */
  met: number;
}

const SHARE_LABELS: Record<keyof WeightedShareCounts, RegExp> = {
  total: /(?:tổng(?: số)?|\ba\b)\s*[:=]?\s*(\d+(?:[.,]\d+)*)/,
  exceeded: /(?:vượt|\bb\b)\s*[:=]?\s*(\d+(?:[.,]\d+)*)/,
  met: /(?:(?<!không )đạt|\bc\b)\s*[:=]?\s*(\d+(?:[.,]\d+)*)/,
};

/**
 * Reads labelled counts for the (b/a)·x + (c/a)·y formula, in any order and separated
 * by ",", ";" or line breaks: "vượt: 5; đạt: 4; tổng: 10", "a=10, b=3, c=3".
 *
 * @example parseWeightedShare({ value: "vượt: 3; đạt: 3; tổng: 10" }) // { total: 10, exceeded: 3, met: 3 }
 */
export function parseWeightedShare(cell: ResultCell): WeightedShareCounts | null {
  if (typeof cell.value !== "string" || isOverlongResult(cell)) return null;
  const text = normalizeVi(cell.value);
  const read = (label: keyof WeightedShareCounts) => {
    const match = SHARE_LABELS[label].exec(text);
    return match ? exactCount(match[1]) : null;
  };
  const total = read("total");
  const exceeded = read("exceeded");
  const met = read("met");
  if (total === null || exceeded === null || met === null || total <= 0) return null;
  return { total, exceeded, met };
}

const YES_WORDS = [
  "có",
  "đạt",
  "rồi",
  "hoàn thành",
  "đã hoàn thành",
  "x",
  "✓",
  "✔",
  "true",
  "1",
  "yes",
];
const MAX_ANSWER_LENGTH = 100;
const NO_WORDS = ["không", "không đạt", "chưa", "chưa đạt", "chưa hoàn thành", "false", "0", "no"];

/**
 * Reads a yes/no answer: Có, Đạt, Rồi, Hoàn thành, x, ✓, TRUE, 1 / Không, Không đạt,
 * Chưa, FALSE, 0.
 *
 * @example parseBoolean({ value: "Đạt" }) === true
 */
export function parseBoolean(cell: ResultCell): boolean | null {
  const { value } = cell;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : null;
  // The answers are a few words; a long text is none of them (and is not worth normalising).
  if (typeof value === "string" && value.length > MAX_ANSWER_LENGTH) return null;
  const text = normalizeVi(cellText(value)).replace(/[.!]+$/, "");
  if (YES_WORDS.includes(text)) return true;
  if (NO_WORDS.includes(text)) return false;
  return null;
}

/**
 * Reads a plain number of points: 1.25, "1,25", or "1,25/1,5" when the denominator is
 * the criterion's maximum.
 *
 * @example parsePoints({ value: "1,25/1,5" }, 1.5) === 1.25
 */
export function parsePoints(cell: ResultCell, maxPoints: number): number | null {
  const { value } = cell;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const text = resultText(cell);
  if (text === null) return null;
  const plain = parseDecimal(text);
  if (plain !== null) return plain;
  const fraction = POINTS_FRACTION.exec(text);
  if (!fraction) return null;
  const denominator = parseSignedNumeral(fraction[2]);
  if (denominator === null || Math.abs(denominator.value - maxPoints) >= 0.001) return null;
  return parseDecimal(fraction[1]);
}

const POINTS_FRACTION = new RegExp(String.raw`^(${NUMERAL_PATTERN})\s*/\s*(${NUMERAL_PATTERN})$`);

const NO_CASE_WORDS = [
  "không phát sinh",
  "không có phát sinh",
  "kps",
  "không có trường hợp phát sinh",
];

/**
 * True for "Không phát sinh" / "Không có phát sinh" / "KPS": nothing of the kind
 * happened this year, which some criteria score as full.
 */
export function isNoCase(cell: ResultCell): boolean {
  if (typeof cell.value !== "string" || cell.value.length > MAX_ANSWER_LENGTH) return false;
  return NO_CASE_WORDS.includes(normalizeVi(cell.value).replace(/[.!]+$/, ""));
}

/** True when a result cell holds nothing. */
export function isEmptyResult(cell: ResultCell): boolean {
  return (
    cell.value === null || (typeof cell.value === "string" && collapseSpaces(cell.value) === "")
  );
}

const EXCEL_ERRORS = new Set([
  "#DIV/0!",
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
]);

/**
 * The Excel error value a cell shows when its formula fails ("#DIV/0!", "#N/A", "#REF!"…),
 * or null. Office.js and ExcelJS both give the error as this text.
 *
 * @example excelErrorValue("#DIV/0!") === "#DIV/0!"
 * @example excelErrorValue("96,5%") === null
 */
export function excelErrorValue(value: CellValue): string | null {
  if (typeof value !== "string") return null;
  const text = value.trim().toUpperCase();
  return EXCEL_ERRORS.has(text) ? text : null;
}

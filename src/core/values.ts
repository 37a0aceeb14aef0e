/**
 * Result values as offices type them in the "Kết quả" column: "96,5%", 0.965 in a
 * percent-formatted cell, "41/42", "02 sáng kiến", "vượt: 5; đạt: 4; tổng: 10"...
 * Each reader returns the value or null; the rule that asked says what it expected.
 */
import { DECIMAL_PATTERN, parseDecimal } from "./numbers";
import { cellText, collapseSpaces, normalizeVi } from "./text";

/** One cell as Office.js gives it: a string, number or boolean ("" when empty). */
export type CellValue = string | number | boolean | null;

/** A result cell with the number format Excel shows it in (e.g. "0.0%"). */
export interface ResultCell {
  value: CellValue;
  numberFormat?: string;
}

const PERCENT_RE = new RegExp(String.raw`(${DECIMAL_PATTERN})\s*%`, "g");
const FRACTION_RE = new RegExp(String.raw`(${DECIMAL_PATTERN})\s*/\s*(${DECIMAL_PATTERN})`, "g");

function isPercentFormat(numberFormat: string | undefined): boolean {
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
  if (typeof value !== "string") return null;
  const text = collapseSpaces(value);
  const percents = [...text.matchAll(PERCENT_RE)];
  if (percents.length === 1) return parseDecimal(percents[0][1])! / 100;
  if (percents.length > 1) return null;
  const fractions = [...text.matchAll(FRACTION_RE)];
  if (fractions.length === 1) {
    const numerator = parseDecimal(fractions[0][1])!;
    const denominator = parseDecimal(fractions[0][2])!;
    return denominator > 0 ? numerator / denominator : null;
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
  if (typeof cell.value !== "string") return null;
  const text = collapseSpaces(cell.value);
  const percents = [...text.matchAll(PERCENT_RE)];
  if (percents.length > 0) return percents.map((m) => parseDecimal(m[1])! / 100);
  const parts = cell.value
    .split(/[;\n]+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const ratios = parts.map((part) => parseRatio({ value: part }));
  return ratios.length > 0 && ratios.every((r) => r !== null) ? (ratios as number[]) : null;
}

/**
 * Reads a count: a whole number cell, "02 sáng kiến", "3 cuộc", "Có 2 sáng kiến".
 *
 * @example parseCount({ value: "02 sáng kiến" }) === 2
 */
export function parseCount(cell: ResultCell): number | null {
  const { value } = cell;
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 ? value : null;
  if (typeof value !== "string") return null;
  const numbers = [...collapseSpaces(value).matchAll(/(?<![\d.,/])\d+(?![\d.,/%])/g)];
  if (numbers.length !== 1) return null;
  return Number(numbers[0][0]);
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
  total: /(?:tổng(?: số)?|\ba\b)\s*[:=]?\s*(\d+)/,
  exceeded: /(?:vượt|\bb\b)\s*[:=]?\s*(\d+)/,
  met: /(?:(?<!không )đạt|\bc\b)\s*[:=]?\s*(\d+)/,
};

/**
 * Reads labelled counts for the (b/a)·x + (c/a)·y formula, in any order and separated
 * by ",", ";" or line breaks: "vượt: 5; đạt: 4; tổng: 10", "a=10, b=3, c=3".
 *
 * @example parseWeightedShare({ value: "vượt: 3; đạt: 3; tổng: 10" }) // { total: 10, exceeded: 3, met: 3 }
 */
export function parseWeightedShare(cell: ResultCell): WeightedShareCounts | null {
  if (typeof cell.value !== "string") return null;
  const text = normalizeVi(cell.value);
  const read = (label: keyof WeightedShareCounts) => {
    const match = SHARE_LABELS[label].exec(text);
    return match ? Number(match[1]) : null;
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
  if (typeof value !== "string") return null;
  const text = collapseSpaces(value);
  const plain = parseDecimal(text);
  if (plain !== null) return plain;
  const fraction = new RegExp(String.raw`^(${DECIMAL_PATTERN})\s*/\s*(${DECIMAL_PATTERN})$`).exec(
    text
  );
  if (fraction && Math.abs(parseDecimal(fraction[2])! - maxPoints) < 0.001)
    return parseDecimal(fraction[1]);
  return null;
}

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
  if (typeof cell.value !== "string") return false;
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

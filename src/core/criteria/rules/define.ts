/**
 * What a rule kind is made of, and the helpers its file uses. A rule kind is one file in
 * this folder (its zod schema, Vietnamese label, the "Bộ tiêu chí" sheet columns it writes
 * and reads, the result sub-column it reads, its scorer, its extra checks) listed once in
 * `kinds.ts`; the schema, the sheet, the scorer and the table reader derive from that list.
 * This file sits below the kinds and imports only parse/ and read/ (the stages below).
 */
import { z } from "zod";
import { formatNumberVi, parseDecimal, roundHalfAwayFromZero } from "../../parse/numbers";
import { cellText, collapseSpaces, isBlankCell, normalizeVi } from "../../parse/text";
import { parseRatio, type CellValue, type ResultCell } from "../../parse/values";
import { warning, type RowWarning } from "../../parse/warnings";
import type { SubColumnKind } from "../../read/header-rows";

/** A ratio parameter: a number from 0 to 1, refused in Vietnamese. */
export const ratio = (what: string) =>
  z
    .number({ error: `${what} phải là một số từ 0 đến 1 (ví dụ 0.95 cho 95%)` })
    .min(0, { error: `${what} không được nhỏ hơn 0` })
    .max(1, { error: `${what} không được lớn hơn 1 (viết 0.95 cho 95%)` });

/** The fields every rule has. */
export const common = { noCaseFull: z.boolean().optional() };

/** The points of one result cell, or null, with the warnings that explain a loss. */
export interface RuleOutcome {
  points: number | null;
  warnings: RowWarning[];
}

/** A problem a kind finds in its rule that zod's shape does not (a tier above the maximum). */
export interface RuleIssue {
  /** The path inside the rule, e.g. ["tiers", 0, "points"]. */
  path: Array<string | number>;
  message: string;
}

/** A "Bộ tiêu chí" column a kind uses, and the rule field (JSON path inside the rule) it holds. */
export interface SheetColumn {
  name: string;
  field: Array<string | number>;
}

/** What a kind writes into its criterion's row: by column name. */
export interface SheetRowWriter {
  value(column: string, value: CellValue): void;
  /** A ratio: a number in a percent-formatted cell (Excel shows 80% and keeps 0.8). */
  ratio(column: string, value: number): void;
}

/** What a kind reads from its criterion's row: by column name. */
export interface SheetRowReader {
  cell(column: string): CellValue;
  /** 0.8 in a percent cell, "80%", "0,8"; the raw text when unreadable (zod then says why). */
  ratio(column: string): unknown;
  number(column: string): unknown;
  /** "Có"/"Không" (or blank: undefined); anything else is reported at the cell. */
  flag(column: string): boolean | undefined;
  fail(column: string, message: string): void;
}

export interface RuleKindDefinition<S extends z.ZodObject> {
  kind: z.infer<S>["kind"];
  schema: S;
  /** The Vietnamese name the "Cách chấm" column shows. */
  label: string;
  /** The result sub-column the rule reads ("Tỷ lệ" for a ratio, "Số liệu" for a count). */
  resultColumn: SubColumnKind;
  /** The sheet columns holding its parameters (noCaseFull is common to all kinds). */
  sheetColumns: readonly SheetColumn[];
  writeSheet(rule: z.infer<S>, row: SheetRowWriter): void;
  /** The rule's parameters as read (unvalidated: the schema checks them after). */
  readSheet(row: SheetRowReader): Record<string, unknown>;
  score(rule: z.infer<S>, cell: ResultCell, max: number): RuleOutcome;
  /**
   * A worked example: the rule as a set file writes it, a criterion's maximum, a result
   * and the points it scores (test/core/criteria/rule-kinds.test.ts runs every kind's).
   */
  example: { rule: z.input<S>; maxPoints: number; result: CellValue; points: number };
  /**
   * Phrasings of a self-assessment table's scoring method that read as this kind
   * (assessment/method-text.ts tries every kind's, by `order`, lowest first: the most
   * specific phrasing first), each named for the derived set's report.
   */
  methodPatterns?: ReadonlyArray<{
    name: string;
    order: number;
    read(text: string): z.infer<S> | null;
  }>;
  /** Checks against the criterion (its maximum), run by the set's validation. */
  check?(rule: z.infer<S>, criterion: { code: string; maxPoints: number }): RuleIssue[];
}

/** A kind's definition, with its types inferred from its schema. */
export function defineRuleKind<S extends z.ZodObject>(
  definition: RuleKindDefinition<S>
): RuleKindDefinition<S> {
  return definition;
}

// ---- scoring helpers ----

export const scored = (points: number, warnings: RowWarning[] = []): RuleOutcome => ({
  points: roundHalfAwayFromZero(points, 2),
  warnings,
});

/** The cell as a warning quotes it: on one line, at most 80 characters (whole characters). */
export function quote(cell: ResultCell): string {
  if (typeof cell.value !== "string") return String(cell.value);
  const head = Array.from(cell.value.slice(0, 400)).slice(0, 80).join("");
  return `"${collapseSpaces(head)}${head.length < cell.value.length ? "…" : ""}"`;
}

export function unreadable(cell: ResultCell, expected: string): RuleOutcome {
  return {
    points: null,
    warnings: [warning("invalid_value", `Không đọc được kết quả ${quote(cell)}: cần ${expected}`)],
  };
}

export function lost(max: number): string {
  return `không chấm điểm, mất ${formatNumberVi(max)} điểm`;
}

export const RATIO_EXAMPLE = "một tỷ lệ, ví dụ 96,5% hoặc 41/42";

// ---- sheet cell helpers ----

export const YES = "Có";
export const NO = "Không";

/** A percent format that shows the ratio exactly: "80%", "12.5%". */
export function percentFormat(value: number): string {
  return Number.isInteger(Number((value * 100).toPrecision(12))) ? "0%" : "0.##########%";
}

/** Formats a ratio as the sheet's texts show it: "80%", "12,5%". */
export function percentText(value: number): string {
  return `${formatNumberVi(value * 100, 10)}%`;
}

export function numberOrRaw(value: CellValue): unknown {
  if (typeof value === "number") return value;
  if (isBlankCell(value)) return undefined;
  return parseDecimal(cellText(value)) ?? cellText(value);
}

/** A ratio cell: 0.8 in a percent cell, "80%", "0,8". The raw text when unreadable (zod then says why). */
export function ratioOrRaw(value: CellValue): unknown {
  if (isBlankCell(value)) return undefined;
  if (typeof value === "number") return value;
  const text = collapseSpaces(cellText(value));
  const read = /%$/.test(text) ? parseRatio({ value: text }) : parseDecimal(text);
  return read === null ? text : cleanFloat(read);
}

/** Removes the binary noise of "12,5%" / 100 so that values survive a round trip. */
function cleanFloat(n: number): number {
  return Number(n.toPrecision(12));
}

export function yesNo(value: CellValue): boolean | null | "invalid" {
  if (typeof value === "boolean") return value;
  const text = normalizeVi(cellText(value));
  if (text === "") return null;
  if (text === normalizeVi(YES) || text === "x" || text === "true") return true;
  if (text === normalizeVi(NO) || text === "false") return false;
  return "invalid";
}

export function splitList(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

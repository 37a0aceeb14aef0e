/**
 * The rows that belong to a table's header without being its first row: a sub-header row
 * under a merged parent ("Kết quả" over "Số liệu | Tỷ lệ"), a row numbering the columns
 * ("1 2 3", "(1) (2) (3)", "(8) =(5+6)/(1) X 100"), and a ministry template's explanation
 * row ("Thời gian yêu cầu của nhiệm vụ đặt ra (ghi rõ thời gian phải hoàn thành)").
 */
import { headerRole, type ColumnRole } from "./columns";
import { cellAt, type Grid } from "./grid";
import { mergeStartingAt } from "./merged-cells";
import { cellText, collapseSpaces, isBlankCell, normalizeVi } from "../parse/text";

/** What a result sub-column holds, by its name: a share, a count, or something else. */
export type SubColumnKind = "ratio" | "count" | "other";

export interface ResultSubColumn {
  /** 0-based grid column. */
  column: number;
  /** The sub-header as written ("Tỷ lệ (%)"). */
  name: string;
  kind: SubColumnKind;
}

/**
 * The kind of value a result sub-column names.
 *
 * @example subColumnKind("Tỷ lệ (%)") === "ratio"
 * @example subColumnKind("Số liệu") === "count"
 */
export function subColumnKind(name: string): SubColumnKind {
  const key = normalizeVi(name);
  if (/^(?:tỷ lệ|tỉ lệ|%|phần trăm)|\(%\)|tỷ lệ|tỉ lệ/.test(key)) return "ratio";
  if (/^(?:số liệu|số lượng|số|tổng số|kết quả \(số\))/.test(key)) return "count";
  return "other";
}

export interface SubHeader {
  /** 0-based grid row of the sub-header row. */
  row: number;
  /** Result sub-columns, left to right (empty when the parent is not "Kết quả"). */
  results: ResultSubColumn[];
  /** Roles that sub-headers name on their own ("Tình trạng" under "Kết quả thực hiện"). */
  roles: Partial<Record<ColumnRole, number>>;
}

const MAX_SUB_HEADER_LENGTH = 60;

/**
 * Reads the row under a header as a sub-header row when a parent header spans several
 * columns (merged, or followed by blank header cells) and the row names the parts.
 * Returns null when the row is data.
 *
 * @example readSubHeader(grid, 2, { content: 1, result: 4 }, 7) // { row: 3, results: [{ column: 4, name: "Số liệu", kind: "count" }, { column: 5, name: "Tỷ lệ", kind: "ratio" }], roles: {} }
 */
export function readSubHeader(
  grid: Grid,
  headerRow: number,
  columns: Partial<Record<ColumnRole, number>>,
  lastInputColumn: number
): SubHeader | null {
  const row = headerRow + 1;
  if (row >= grid.values.length) return null;
  // A data row names its task or its number; a sub-header row leaves both to the header.
  for (const role of ["content", "index", "code"] as const) {
    const c = columns[role];
    if (c !== undefined && !isBlankCell(cellAt(grid, row, c))) return null;
  }
  let labelled = 0;
  for (let c = 0; c <= lastInputColumn; c++) {
    const value = cellAt(grid, row, c);
    if (isBlankCell(value)) continue;
    if (typeof value !== "string") return null;
    if (collapseSpaces(value).length > MAX_SUB_HEADER_LENGTH) return null;
    labelled++;
  }
  if (labelled < 2) return null;
  const results: ResultSubColumn[] = [];
  const roles: SubHeader["roles"] = {};
  let spanned = 0;
  for (const [left, right] of parentSpans(grid, headerRow, lastInputColumn)) {
    const parts: number[] = [];
    for (let c = left; c <= right; c++) if (!isBlankCell(cellAt(grid, row, c))) parts.push(c);
    if (parts.length < 2) continue;
    spanned += parts.length;
    const parentIsResult = columns.result !== undefined && columns.result === left;
    for (const c of parts) {
      const name = collapseSpaces(cellText(cellAt(grid, row, c)));
      const role = headerRole(name);
      if (role !== null && role !== "result" && columns[role] === undefined && !roles[role]) {
        roles[role] = c;
      } else if (parentIsResult || role === "result") {
        results.push({ column: c, name, kind: subColumnKind(name) });
      }
    }
  }
  // Every labelled cell must sit under a parent that spans it: otherwise the row is data.
  if (spanned === 0 || spanned < labelled) return null;
  return { row, results, roles };
}

/** Header cells that span several columns: a horizontal merge, or a cell followed by blank header cells. */
function parentSpans(
  grid: Grid,
  headerRow: number,
  lastInputColumn: number
): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let c = 0; c <= lastInputColumn; c++) {
    if (isBlankCell(cellAt(grid, headerRow, c))) continue;
    const merge = mergeStartingAt(grid.merges, headerRow, c);
    let right = merge && merge.right > c ? merge.right : c;
    if (!merge) {
      while (right + 1 <= lastInputColumn && isBlankCell(cellAt(grid, headerRow, right + 1)))
        right++;
    }
    if (right > c) spans.push([c, right]);
    c = right;
  }
  return spans;
}

/**
 * A row that numbers the columns under the header, possibly with the formula a column
 * holds: "1 2 3 4 5", "(1) (2) (3)", "(8) =(5+6)/(1) X 100". The numbers increase.
 *
 * @example isColumnNumberRow(["(1)", "(2)", "(3) =(1)/(2) X 100"]) === true
 */
export function isColumnNumberRow(texts: readonly string[]): boolean {
  if (texts.length < 3) return false;
  let previous = 0;
  for (const text of texts) {
    const match = /^\(?(\d{1,2})\)?\s*(?:=\s*[()\d\s+\-*/xX×:.,%]*)?$/.exec(text);
    if (!match || Number(match[1]) <= previous) return false;
    previous = Number(match[1]);
  }
  return true;
}

// Only phrases a template uses to tell what to write; a task's own wording rarely has them.
const EXPLANATION =
  /ghi rõ|nêu rõ|ghi cụ thể|nêu cụ thể|ghi tên|nêu tên|yêu cầu của nhiệm vụ|nhiệm vụ đặt ra|hướng dẫn ghi/;

/**
 * A template's explanation under a header cell: what to write in the column.
 *
 * @example isTemplateExplanation("Thời gian yêu cầu của nhiệm vụ đặt ra (ghi rõ thời gian phải hoàn thành)") === true
 */
export function isTemplateExplanation(text: string): boolean {
  return EXPLANATION.test(normalizeVi(text));
}

/**
 * The result sub-column a rule reads: the one whose name fits the rule ("Tỷ lệ" for a
 * ratio, "Số liệu" for a count: the rule kind's `resultColumn`, criteria/rules/) when it
 * holds something, else the first that holds something, else the fitting one, else the first.
 *
 * @example pickResult([{ kind: "count", value: 1000 }, { kind: "ratio", value: 0.935 }], "ratio") // { kind: "ratio", value: 0.935 }
 */
export function pickResult<T extends { kind: SubColumnKind; value: unknown }>(
  results: readonly T[],
  wanted: SubColumnKind
): T | undefined {
  const filled = results.filter((r) => !isBlankCell(r.value));
  return (
    filled.find((r) => r.kind === wanted) ??
    filled[0] ??
    results.find((r) => r.kind === wanted) ??
    results[0]
  );
}

/**
 * Reads the rows of a self-assessment table into its tree: areas, criteria, sub-criteria
 * and the option rows under them, with the cell each came from. Codes are written as
 * text or numbers ("1.3" stored as 1.3), numbered "1 / 1.1 / 1.1.1" or in four levels
 * "A / I / 1 / a". Option rows (no code, "text: points" or points in the maximum
 * column) belong to the criterion above. "Tổng cộng", footnotes and signatures are not
 * criteria. Problems with the numbering are collected with their cells, not guessed
 * away silently.
 */
import { cellAddress, cellAt, type Grid } from "../read/grid";
import { formatNumberVi, parseDecimal } from "../parse/numbers";
import { endsTable, footerKind } from "../read/footer-rows";
import { leadingCode } from "../read/table-reader";
import { cellText, collapseSpaces, isBlankCell, normalizeVi } from "../parse/text";
import type { CellValue } from "../parse/values";
import { findAssessmentLayouts, type AssessmentLayout, type AssessmentRole } from "./layout";
import { methodNote, splitOptionText, statedMaximum } from "./method-text";
import { listBands } from "../criteria/option-bands";

export interface ReadOption {
  /** 0-based grid row. */
  row: number;
  label: string;
  points: number;
  /** The letter written in the code column ("a", "đ"), or "" for a row without STT. */
  letter?: string;
}

export interface ReadCriterion {
  row: number;
  /** The code the tree uses ("1.1.1", "A.I.1"). */
  code: string;
  /** The code as written in the sheet. */
  written: string;
  name: string;
  /** The maximum written on the row, or stated in its method text. */
  max: number | null;
  children: ReadCriterion[];
  options: ReadOption[];
  /** The scoring-method text: the method column, or the "Lưu ý" part of the requirement. */
  method: string;
}

export interface ReadArea {
  row: number;
  code: string;
  name: string;
  max: number | null;
  section?: "bonus" | "deduction";
  criteria: ReadCriterion[];
}

export interface TableProblem {
  /** 0-based grid row and column of the cell at fault. */
  row: number;
  column: number;
  kind: "code_not_under_parent" | "code_repeated" | "code_ambiguous" | "structure_ambiguous";
  message: string;
}

export interface StatedLine {
  /** 0-based grid row and column of the line. */
  row: number;
  column: number;
  text: string;
  value: number;
}

/**
 * A summary line the form writes under its table: "1. Điểm tiêu chí chung: 30",
 * "3. Tổng điểm …: 100", "4. Tổng điểm cộng (nếu có): 2".
 *
 * @example statedLine("4. Tổng điểm cộng (nếu có): 2") === 2
 */
export function statedLine(text: string): number | null {
  const key = normalizeVi(text);
  const match =
    /^(?:\d{1,2}[.)]\s*)?(?:tổng (?:số )?điểm|điểm (?:tiêu chí|lĩnh vực|phần|mục))(?=[\s:(])[^:]*:\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*(?:điểm)?\.?$/.exec(
      key
    );
  return match ? Number(match[1].replace(",", ".")) : null;
}

export interface ReadAssessment {
  layout: AssessmentLayout;
  areas: ReadArea[];
  /** The "Tổng cộng" row, with the maximum it states. */
  total: { row: number; max: number | null } | null;
  /** The total the title states ("thang điểm 100", "(60 điểm)"), if any. */
  statedTotal: number | null;
  /** The form's own summary lines under the table ("1. Điểm tiêu chí chung: 30"). */
  statements: StatedLine[];
  /** Every criterion row and option row, by grid row. */
  rowKinds: Map<number, "area" | "criterion" | "option" | "total">;
  problems: TableProblem[];
  /** 0-based grid row of the table's last row. */
  lastRow: number;
}

/** Totals with a note after them, "Tổng cộng (A + B + C - D)", beside footer-rows' exact labels. */
const TOTAL = /^(?:tổng cộng|tổng số điểm|tổng điểm)(?:\s|:|$)|^cộng:?$/;
const BONUS = /điểm thưởng|điểm cộng|cộng điểm/;
const DEDUCTION = /điểm trừ|bị trừ|trừ điểm/;

/** The row's non-blank texts, left to right, as the footer patterns read them. */
function rowTexts(grid: Grid, row: number, lastColumn: number): string[] {
  const texts: string[] = [];
  for (let c = 0; c <= lastColumn; c++) {
    const value = cellAt(grid, row, c);
    if (!isBlankCell(value)) texts.push(collapseSpaces(cellText(value)));
  }
  return texts;
}

function numberCell(value: CellValue): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return parseDecimal(cellText(value));
}

/** A code cell as written: 1.3 (a number) is "1.3", "1.1." is "1.1", "I" stays "I". */
function writtenCode(value: CellValue): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return collapseSpaces(cellText(value)).replace(/\s/g, "").replace(/\.$/, "");
}

const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;
const isRoman = (code: string) => code !== "" && ROMAN.test(code);
const isLetterArea = (code: string) => /^[A-H]$/.test(code) && !isRoman(code);
/** A lettered item as Vietnamese forms letter them: a, b, c, d, đ, e, ê, g, h … */
const isLetterOption = (code: string) => /^[a-zđăâêôơư]\)?$/.test(code);
const isDotted = (code: string) => /^\d{1,3}(?:\.\d{1,3}){0,3}$/.test(code);

function isUpperTitle(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  if (letters.length < 4) return false;
  return letters.replace(/[^\p{Lu}]/gu, "").length / letters.length > 0.8;
}

/**
 * Reads every self-assessment table of a sheet.
 *
 * @example readAssessments(grid)[0].areas[0].criteria[0].code === "1.1"
 */
export function readAssessments(grid: Grid): ReadAssessment[] {
  const layouts = findAssessmentLayouts(grid);
  return layouts.map((layout, i) =>
    readAssessment(grid, layout, layouts[i + 1]?.headerRow ?? grid.values.length)
  );
}

function readAssessment(grid: Grid, layout: AssessmentLayout, end: number): ReadAssessment {
  const cols = layout.columns;
  const get = (r: number, role: AssessmentRole): CellValue =>
    cols[role] === undefined ? "" : cellAt(grid, r, cols[role]!);
  const problems: TableProblem[] = [];
  const areas: ReadArea[] = [];
  const rowKinds: ReadAssessment["rowKinds"] = new Map();
  const seen = new Map<string, number>();
  let total: ReadAssessment["total"] = null;
  const statements: StatedLine[] = [];
  let lastRow = layout.headerRow;
  let stack: ReadCriterion[] = [];
  let letterScheme = false;
  let optionsOpen = false;
  const codeColumn = cols.code ?? cols.index ?? cols.content!;
  // The four-level "A / I / 1 / a" numbering is known by a letter area in the table.
  for (let r = layout.headerRow + 1; r < end; r++)
    if (isLetterArea(writtenCode(get(r, cols.code !== undefined ? "code" : "index")))) {
      letterScheme = true;
      break;
    }
  const currentArea = (r: number): ReadArea => {
    if (areas.length === 0)
      areas.push({ row: r, code: "1", name: "(Chưa có tên lĩnh vực)", max: null, criteria: [] });
    return areas[areas.length - 1];
  };
  const claim = (criterion: ReadCriterion) => {
    const first = seen.get(criterion.code);
    if (first !== undefined) {
      problems.push({
        row: criterion.row,
        column: codeColumn,
        kind: "code_repeated",
        message: `Ô ${cellAddress(grid, criterion.row, codeColumn)}: mã ${criterion.written} trùng với mã ở dòng ${first + (grid.firstRow ?? 1)}; sửa lại số thứ tự của một trong hai tiêu chí`,
      });
    } else seen.set(criterion.code, criterion.row);
  };
  const titleText = titleAbove(grid, layout.headerRow);
  for (let r = layout.headerRow + 1; r < end; r++) {
    const rawCode = writtenCode(get(r, cols.code !== undefined ? "code" : "index"));
    const content = collapseSpaces(cellText(get(r, "content")));
    const first = normalizeVi(rawCode !== "" ? rawCode : content);
    if (rawCode === "" && content === "") continue;
    const texts = rowTexts(grid, r, layout.lastInputColumn);
    // A summary line stands alone on its row, after a blank row or a criterion row (never
    // among the option rows of a criterion, where "Điểm …: 1" is a level).
    const stated =
      rawCode === "" &&
      texts.length === 1 &&
      !TOTAL.test(normalizeVi(content)) &&
      areas.length > 0 &&
      (!optionsOpen ||
        statements.length > 0 ||
        rowTexts(grid, r - 1, layout.lastInputColumn).length === 0)
        ? statedLine(content)
        : null;
    if (stated !== null) {
      statements.push({ row: r, column: cols.content!, text: content, value: stated });
      continue;
    }
    // Below the form's summary lines, nothing is a criterion.
    if (statements.length > 0) break;
    const footer = footerKind(texts);
    if (footer === "total" || TOTAL.test(normalizeVi(content)) || TOTAL.test(first)) {
      total = { row: r, max: numberCell(get(r, "maxPoints")) };
      rowKinds.set(r, "total");
      lastRow = r;
      continue;
    }
    if (footer !== null && endsTable(footer)) break;
    if (footer !== null) continue; // a note or a link under a row: not a criterion
    // Column-number rows under the header: "1 2 3 4" or "(1) (2) (3)".
    if (/^\(?1\)?$/.test(rawCode) && /^\(?2\)?$/.test(content)) continue;
    const max = numberCell(get(r, "maxPoints"));
    const method = collapseSpaces(
      [cellText(get(r, "method")), methodNote(cellText(get(r, "requirement")))].join(" ")
    );
    // "I. CÔNG TÁC CHỈ ĐẠO" written in the name column opens an area too.
    const indexText = collapseSpaces(cellText(get(r, cols.code !== undefined ? "code" : "index")));
    const inlineRoman = /^([IVX]{1,5})[.\s]\s*(.+)$/.exec(rawCode === "" ? content : indexText);
    const romanTitle = inlineRoman && isRoman(inlineRoman[1]) && isUpperTitle(inlineRoman[2]);
    const code = romanTitle
      ? inlineRoman[1]
      : rawCode !== ""
        ? rawCode
        : (leadingCode(content) ?? "");
    const name = romanTitle
      ? inlineRoman[2]
      : rawCode === "" && code !== ""
        ? content.replace(/^\s*[\d.]+\s*[.)]?\s*/, "")
        : content;
    lastRow = r;
    // An area: "I", "1" with an upper-case name, "A" in the four-level numbering, or an upper-case title alone.
    const isArea =
      (letterScheme && isLetterArea(code)) ||
      (!letterScheme && isRoman(code) && layout.kind !== "plan") ||
      (!letterScheme && layout.kind === "plan" && isRoman(code)) ||
      (!letterScheme &&
        /^\d{1,2}$/.test(code) &&
        (isUpperTitle(name) ||
          BONUS.test(normalizeVi(name)) ||
          DEDUCTION.test(normalizeVi(name))) &&
        layout.kind !== "plan") ||
      (code === "" &&
        isUpperTitle(name) &&
        (max !== null || BONUS.test(normalizeVi(name)) || DEDUCTION.test(normalizeVi(name))));
    if (isArea) {
      const key = normalizeVi(name);
      const section = BONUS.test(key) ? "bonus" : DEDUCTION.test(key) ? "deduction" : undefined;
      areas.push({
        row: r,
        code: code !== "" ? code : String(areas.length + 1),
        name,
        max: max ?? statedMaximum(name),
        ...(section ? { section } : {}),
        criteria: [],
      });
      rowKinds.set(r, "area");
      stack = [];
      optionsOpen = false;
      continue;
    }
    const top = optionsOpen ? stack[stack.length - 1] : undefined;
    // Option rows: no code (or a, b, c in the four-level numbering) right under a criterion.
    if ((code === "" || isLetterOption(code)) && top) {
      const option = splitOptionText(name);
      const points = option.points ?? max;
      if (points !== null) {
        top.options.push({ row: r, label: option.label, points, letter: code.replace(/\)$/, "") });
        rowKinds.set(r, "option");
      } else if (top.method === "" && method !== "") top.method = method;
      continue;
    }
    // A row not understood closes the options of the criterion above it.
    optionsOpen = false;
    if (code === "") continue;
    const area = currentArea(r);
    let treeCode = code;
    if (letterScheme) {
      if (isRoman(code)) treeCode = `${area.code}.${code}`;
      else if (/^\d{1,2}$/.test(code)) {
        const parent = stack.find((c) => isRoman(c.written));
        treeCode = parent ? `${parent.code}.${code}` : `${area.code}.${code}`;
      }
    } else if (layout.kind === "plan" && isDotted(code)) treeCode = `${area.code}.${code}`;
    else if (!isDotted(code)) continue;
    const criterion: ReadCriterion = {
      row: r,
      code: treeCode,
      written: code,
      name,
      max: max ?? statedMaximum(method),
      children: [],
      options: [],
      method,
    };
    rowKinds.set(r, "criterion");
    optionsOpen = true;
    placeCriterion(grid, criterion, area, stack, codeColumn, problems, letterScheme);
    claim(criterion);
  }
  for (const area of areas)
    for (const criterion of area.criteria)
      decideStructure(grid, criterion, cols, problems, rowKinds);
  return {
    layout,
    areas,
    total,
    statedTotal: statedTotalOf(titleText),
    statements,
    rowKinds,
    problems,
    lastRow,
  };
}

/**
 * Puts a criterion under its parent. A code that does not extend the open criterion's
 * code ("1.4.1" right under "1.3") stays where the sheet puts it, with a problem; a
 * "7.11" right under "7.1" is read as "7.1.1", with a problem.
 */
function placeCriterion(
  grid: Grid,
  criterion: ReadCriterion,
  area: ReadArea,
  stack: ReadCriterion[],
  codeColumn: number,
  problems: TableProblem[],
  letterScheme: boolean
): void {
  const at = cellAddress(grid, criterion.row, codeColumn);
  const open = stack[stack.length - 1];
  if (!letterScheme && open && !criterion.code.startsWith(`${open.code}.`)) {
    const joined = /^(\d{1,2})\.(\d)(\d)$/.exec(criterion.code);
    if (
      joined &&
      open.code === `${joined[1]}.${joined[2]}` &&
      open.children.length === 0 &&
      open.options.length === 0
    ) {
      const meant = `${joined[1]}.${joined[2]}.${joined[3]}`;
      problems.push({
        row: criterion.row,
        column: codeColumn,
        kind: "code_ambiguous",
        message: `Ô ${at}: mã ${criterion.written} nằm ngay dưới tiêu chí ${open.written}, có lẽ là ${meant}; đã đọc là ${meant}, sửa lại mã trong bảng cho rõ`,
      });
      criterion.code = meant;
    }
  }
  while (stack.length > 0 && !criterion.code.startsWith(`${stack[stack.length - 1].code}.`)) {
    const leaving = stack[stack.length - 1];
    // A sub-criterion numbered as if under the next criterion: "1.4.1" under "1.3".
    const parts = criterion.code.split(".");
    const sameDepth = leaving.code.split(".").length === parts.length - 1;
    if (
      !letterScheme &&
      sameDepth &&
      parts.length >= 3 &&
      stack.length === 1 &&
      leaving.max !== null
    ) {
      const childSum = leaving.children.reduce((s, c) => s + (c.max ?? 0), 0);
      if (
        childSum + (criterion.max ?? 0) <= leaving.max + 0.001 &&
        childSum < leaving.max - 0.001
      ) {
        // Read by place: the child of the criterion above, under the code that fits it;
        // the written code stays for messages, and nothing drops out of the maximum.
        const corrected = `${leaving.code}.${leaving.children.length + 1}`;
        problems.push({
          row: criterion.row,
          column: codeColumn,
          kind: "code_not_under_parent",
          message: `Ô ${at}: tiêu chí thành phần ${criterion.written} nằm dưới tiêu chí ${leaving.written} nhưng mã không bắt đầu bằng ${leaving.written}; đã đọc là ${corrected}, sửa mã trong bảng thành ${corrected}`,
        });
        criterion.code = corrected;
        leaving.children.push(criterion);
        stack.push(criterion);
        return;
      }
    }
    stack.pop();
  }
  const parent = stack[stack.length - 1];
  if (parent) parent.children.push(criterion);
  else {
    const areaNumber = criterion.code.split(".")[0];
    const expected = isRoman(area.code) ? String(romanValue(area.code)) : area.code;
    if (
      !letterScheme &&
      /^\d+$/.test(expected) &&
      areaNumber !== expected &&
      criterion.code.includes(".")
    ) {
      problems.push({
        row: criterion.row,
        column: codeColumn,
        kind: "code_not_under_parent",
        message: `Ô ${at}: mã ${criterion.written} không thuộc lĩnh vực ${area.code} (mã phải bắt đầu bằng ${expected}.)`,
      });
    }
    area.criteria.push(criterion);
  }
  stack.push(criterion);
}

const TOLERANCE_POINTS = 0.01;

/** Rows that read as alternatives: bands ("từ … đến dưới …", "dưới …"), "Có/Không". */
function readsAsAlternatives(options: ReadOption[]): boolean {
  if (listBands(options.map((o) => o.label)).some((band) => band !== null)) return true;
  const key = (o: ReadOption) => normalizeVi(o.label);
  if (options.some((o) => /^(?:có|không)(?:\s*[:,(]|$)/.test(key(o)))) return true;
  return options.some((o) => /(?:^|\s)(?:từ \S+ (?:đến|-)|dưới \d|trên \d|đạt \d)/.test(key(o)));
}

/** Points that fall from the first row to the last (never rising): a scale of levels. */
function descending(options: ReadOption[]): boolean {
  for (let i = 1; i < options.length; i++)
    if (options[i].points > options[i - 1].points + TOLERANCE_POINTS) return false;
  return options[0].points > options[options.length - 1].points + TOLERANCE_POINTS;
}

/**
 * Parts or options, by the form's arithmetic and wording: rows under a criterion whose
 * maxima add up to its maximum are parts (each scored, summed); rows whose best points
 * equal its maximum and read as alternatives are options (one chosen). When neither fits,
 * a problem names the cell and says which reading was taken (options, as before).
 */
function decideStructure(
  grid: Grid,
  criterion: ReadCriterion,
  cols: AssessmentLayout["columns"],
  problems: TableProblem[],
  rowKinds: ReadAssessment["rowKinds"]
): void {
  for (const child of criterion.children) decideStructure(grid, child, cols, problems, rowKinds);
  const options = criterion.options;
  if (options.length < 2 || criterion.children.length > 0) return;
  const sum = options.reduce((s, o) => s + o.points, 0);
  const best = options.reduce((m, o) => Math.max(m, o.points), -Infinity);
  const max = criterion.max;
  // A row worth nothing, a band or a "Có/Không" is a level to choose, never a part.
  const alternatives =
    readsAsAlternatives(options) || options.some((o) => !(o.points > 0)) || descending(options);
  const partsFit =
    max !== null &&
    Math.abs(sum - max) <= TOLERANCE_POINTS &&
    best < max - TOLERANCE_POINTS &&
    options.every((o) => o.points > 0) &&
    !readsAsAlternatives(options);
  const optionsFit = max === null || Math.abs(best - max) <= TOLERANCE_POINTS;
  if (partsFit) {
    criterion.children = options.map((o, i) => {
      const letter = o.letter ?? "";
      return {
        row: o.row,
        code: `${criterion.code}.${letter !== "" ? letter : String(i + 1)}`,
        written: letter !== "" ? `${criterion.written}.${letter}` : `${criterion.written}.${i + 1}`,
        name: o.label,
        max: o.points,
        children: [],
        options: [],
        method: "",
      };
    });
    criterion.options = [];
    for (const child of criterion.children) rowKinds.set(child.row, "criterion");
    return;
  }
  // Levels whose best is not the maximum are still levels: the set check says so.
  if (optionsFit || alternatives) return;
  const column = cols.maxPoints ?? cols.content!;
  const at = cellAddress(grid, criterion.row, column);
  problems.push({
    row: criterion.row,
    column,
    kind: "structure_ambiguous",
    message: `Ô ${at}: các dòng dưới tiêu chí ${criterion.written} cộng lại ${formatNumberVi(sum)} điểm, dòng cao nhất ${formatNumberVi(best)} điểm, không khớp điểm tối đa ${formatNumberVi(max ?? 0)}: chưa rõ là các phần cộng lại hay các mức chọn một; đã đọc là các mức chọn một, sửa điểm trong bảng cho khớp`,
  });
}

function romanValue(text: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10 };
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = values[text[i]];
    total += v < (values[text[i + 1]] ?? 0) ? -v : v;
  }
  return total;
}

/** Text of the rows above the header (the title block). */
function titleAbove(grid: Grid, headerRow: number): string {
  const parts: string[] = [];
  for (let r = 0; r < headerRow; r++)
    for (const value of grid.values[r] ?? []) if (!isBlankCell(value)) parts.push(cellText(value));
  return parts.join(" ");
}

/**
 * The total a title states: "thang điểm 100", "tổng điểm tối đa: 100 điểm".
 *
 * @example statedTotalOf("BẢNG TỰ ĐÁNH GIÁ (thang điểm 100)") === 100
 */
export function statedTotalOf(text: string): number | null {
  const key = normalizeVi(text).replace(/(\d),(\d)/g, "$1.$2");
  const match =
    /(?:thang điểm|tổng (?:số )?điểm(?: tối đa)?)(?: là)?:? (\d{1,3}(?:\.\d{1,2})?)(?: điểm)?/.exec(
      key
    ) ?? /\((?:tối đa |tổng )?(\d{1,3}(?:\.\d{1,2})?) điểm\)/.exec(key);
  return match ? Number(match[1]) : null;
}

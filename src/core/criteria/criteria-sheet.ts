/**
 * The "Bộ tiêu chí" sheet: a criteria set as an Excel table a civil servant edits like
 * any other (one row per area or criterion, one column per rule parameter), and back.
 * Writing then reading gives the same set (tested over generated sets). Errors point at
 * cells: "'Bộ tiêu chí'!D7: Điểm tối đa phải là số lớn hơn 0".
 */
import { cellAddress, cellAt, type Grid } from "../read/grid";
import { parseDecimal } from "../parse/numbers";
import { CRITERIA_SHEET_NAME } from "../read/output-columns";
import {
  formatPath,
  MAX_CRITERIA_DEPTH,
  parseCriteriaSet,
  type CriteriaSet,
  type CriteriaSetInput,
  type Criterion,
  type Rule,
} from "./schema";
import { RULE_KINDS, ruleKind, ruleKinds } from "./rules";
import { NO, numberOrRaw, percentFormat, ratioOrRaw, YES, yesNo } from "./rules/define";
import { cellText, collapseSpaces, isBlankCell, normalizeVi } from "../parse/text";
import type { CellValue } from "../parse/values";

/** Vietnamese names of the rule kinds, as the "Cách chấm" column shows them (from each kind's file). */
export const RULE_LABELS = Object.fromEntries(
  RULE_KINDS.map((kind) => [kind, ruleKind(kind).label])
) as Record<Rule["kind"], string>;

/** The sheet's columns as they have always been laid out; a new kind's own columns come after. */
const LAID_OUT_COLUMNS = [
  "Mã",
  "Cấp",
  "Tên",
  "Điểm tối đa",
  "Cách chấm",
  "Ngưỡng tối thiểu",
  "Đạt tối đa từ",
  "Số lượng cần đạt",
  "Chia điểm khi chưa đủ số lượng",
  "Hệ số vượt",
  "Hệ số đạt",
  "Ngưỡng (vượt + đạt)/tổng",
  "Các mức (ngưỡng: điểm)",
  "Các điều kiện (tên ≥ ngưỡng)",
  "Không phát sinh = đủ điểm",
  "Tên khác (cách nhau bởi ;)",
  "Lĩnh vực chưa đầy đủ",
  "Các mức chọn (mỗi dòng một mức: tên: điểm)",
  "Phần cộng/trừ",
  "Cách tính điểm (theo bảng)",
];

export const SHEET_COLUMNS: readonly string[] = [
  ...LAID_OUT_COLUMNS,
  ...new Set(
    ruleKinds()
      .flatMap((kind) => kind.sheetColumns.map((column) => column.name))
      .filter((name) => !LAID_OUT_COLUMNS.includes(name))
  ),
];

const COL: Record<string, number> = Object.fromEntries(SHEET_COLUMNS.map((name, i) => [name, i]));

const LEVEL_AREA = "Lĩnh vực";
/** How the "Phần cộng/trừ" column names a bonus or deduction section. */
const SECTION_LABELS = { bonus: "Điểm thưởng", deduction: "Điểm trừ" } as const;
const SECTION_BY_LABEL = new Map<string, "bonus" | "deduction">([
  [normalizeVi(SECTION_LABELS.bonus), "bonus"],
  [normalizeVi("Điểm cộng"), "bonus"],
  [normalizeVi(SECTION_LABELS.deduction), "deduction"],
]);
const LEVEL_CRITERION = "Tiêu chí";

/** Rows of metadata above the table: label in A, value in B. */
const META = [
  ["Mã bộ tiêu chí", "id"],
  ["Tên bộ tiêu chí", "name"],
  ["Năm", "year"],
  ["Nguồn", "source"],
] as const;
const HEADER_ROW = META.length + 2; // a title, the metadata, a blank row, then the header
const TITLE =
  "BỘ TIÊU CHÍ CHẤM ĐIỂM (sửa trực tiếp: mỗi dòng một lĩnh vực hoặc tiêu chí; tỷ lệ ghi dạng 80%)";

export interface SheetContent {
  values: CellValue[][];
  numberFormats: string[][];
  /** 0-based header row, for styling. */
  headerRow: number;
}

/**
 * Writes a criteria set as the sheet's cells.
 *
 * @example criteriaSetToSheet(set).values[HEADER_ROW] // the header
 */
export function criteriaSetToSheet(set: CriteriaSet): SheetContent {
  const width = SHEET_COLUMNS.length;
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const push = (row: CellValue[], formats: Record<number, string> = {}) => {
    const full = Array.from({ length: width }, (_, i) => row[i] ?? "");
    values.push(full);
    numberFormats.push(full.map((_, i) => formats[i] ?? "General"));
  };
  push([TITLE]);
  for (const [label, key] of META) {
    const value = set[key];
    push([label, value === undefined ? "" : value]);
  }
  push([]);
  push([...SHEET_COLUMNS]);
  for (const area of set.areas) {
    const row: CellValue[] = [];
    row[COL["Mã"]] = area.code;
    row[COL["Cấp"]] = LEVEL_AREA;
    row[COL["Tên"]] = area.name;
    row[COL["Điểm tối đa"]] = area.maxPoints;
    row[COL["Lĩnh vực chưa đầy đủ"]] = area.partial ? YES : area.partial === false ? NO : "";
    if (area.section) row[COL["Phần cộng/trừ"]] = SECTION_LABELS[area.section];
    push(row);
    const visit = (criterion: Criterion) => {
      const { cells, formats } = criterionRow(criterion);
      push(cells, formats);
      for (const child of criterion.children ?? []) visit(child);
    };
    area.criteria.forEach(visit);
  }
  return { values, numberFormats, headerRow: HEADER_ROW };
}

function criterionRow(criterion: Criterion): {
  cells: CellValue[];
  formats: Record<number, string>;
} {
  const cells: CellValue[] = [];
  const formats: Record<number, string> = {};
  cells[COL["Mã"]] = criterion.code;
  cells[COL["Cấp"]] = LEVEL_CRITERION;
  cells[COL["Tên"]] = criterion.name;
  cells[COL["Điểm tối đa"]] = criterion.maxPoints;
  if (criterion.aliases?.length)
    cells[COL["Tên khác (cách nhau bởi ;)"]] = criterion.aliases.join("; ");
  if (criterion.method !== undefined) cells[COL["Cách tính điểm (theo bảng)"]] = criterion.method;
  const rule = criterion.rule;
  if (!rule) return { cells, formats };
  cells[COL["Cách chấm"]] = RULE_LABELS[rule.kind];
  if (rule.noCaseFull !== undefined)
    cells[COL["Không phát sinh = đủ điểm"]] = rule.noCaseFull ? YES : NO;
  ruleKind(rule.kind).writeSheet(rule, {
    value: (column, value) => {
      cells[COL[column]] = value;
    },
    // Ratios are numbers in percent-formatted cells: Excel shows 80% and keeps 0.8.
    ratio: (column, value) => {
      cells[COL[column]] = value;
      formats[COL[column]] = percentFormat(value);
    },
  });
  return { cells, formats };
}

export interface SheetProblem {
  /** A1 address with the sheet name, e.g. 'Bộ tiêu chí'!D7. */
  address: string;
  /** "'Bộ tiêu chí'!D7: Điểm tối đa phải là số lớn hơn 0" */
  message: string;
}

export type SheetParseResult =
  { ok: true; value: CriteriaSet } | { ok: false; problems: SheetProblem[] };

/** JSON path (formatted) → the cell it came from. */
type CellMap = Map<string, { row: number; column: number }>;

/**
 * Sets read from sheets, by the sheet's content (name, origin, values): the 300 workbooks
 * of a district's roll-up carry the same sheet, read once, not 300 times. Only sets that
 * read without a problem are kept (callers never mutate a set).
 */
const readSheets = new Map<string, SheetParseResult>();
const READ_SHEETS_KEPT = 64;

/**
 * Reads the sheet back into a criteria set, with every problem located at its cell.
 *
 * @example readCriteriaSheet(grid) // { ok: true, value } or { ok: false, problems: [{ address, message }] }
 */
export function readCriteriaSheet(grid: Grid): SheetParseResult {
  const key = JSON.stringify([
    grid.sheetName,
    grid.firstRow ?? 1,
    grid.firstColumn ?? 0,
    grid.values,
  ]);
  const known = readSheets.get(key);
  if (known) return known;
  const result = readSheetContent(grid);
  if (result.ok) {
    if (readSheets.size >= READ_SHEETS_KEPT) readSheets.clear();
    readSheets.set(key, result);
  }
  return result;
}

function readSheetContent(grid: Grid): SheetParseResult {
  const cells: CellMap = new Map();
  const problems: SheetProblem[] = [];
  const at = (row: number, column: number) => cellAddress(grid, row, column);
  const fail = (row: number, column: number, message: string) =>
    problems.push({ address: at(row, column), message: `${at(row, column)}: ${message}` });
  const mark = (path: Array<string | number>, row: number, column: number) =>
    cells.set(formatPath(path), { row, column });

  const header = findHeader(grid);
  if (header === null) {
    return {
      ok: false,
      problems: [
        {
          address: at(0, 0),
          message: `${at(0, 0)}: không tìm thấy dòng tiêu đề (cột "Mã", "Cấp", "Tên", "Điểm tối đa"…) của trang ${CRITERIA_SHEET_NAME}`,
        },
      ],
    };
  }
  const input: Record<string, unknown> = { areas: [] };
  for (let r = 0; r < header; r++) {
    const label = normalizeVi(cellText(cellAt(grid, r, 0)));
    const meta = META.find(([name]) => normalizeVi(name) === label);
    if (!meta) continue;
    const value = cellAt(grid, r, 1);
    if (isBlankCell(value)) continue;
    const key = meta[1];
    input[key] =
      key === "year"
        ? typeof value === "number"
          ? value
          : (parseDecimal(cellText(value)) ?? cellText(value))
        : collapseSpaces(cellText(value));
    mark([key], r, 1);
  }
  const areas = input.areas as Array<Record<string, unknown>>;
  // Criteria nest by code: a criterion goes under the nearest criterion above whose code it extends.
  let stack: Array<{ code: string; node: Record<string, unknown>; path: Array<string | number> }> =
    [];
  let tooDeep: string | null = null;
  for (let r = header + 1; r < grid.values.length; r++) {
    const get = (column: number) => cellAt(grid, r, column);
    if (SHEET_COLUMNS.every((_, c) => isBlankCell(get(c)))) continue;
    const level = normalizeVi(cellText(get(COL["Cấp"])));
    const code = collapseSpaces(cellText(get(COL["Mã"])));
    const base = {
      code: code === "" ? undefined : code,
      name: isBlankCell(get(COL["Tên"])) ? undefined : cellText(get(COL["Tên"])),
      maxPoints: numberOrRaw(get(COL["Điểm tối đa"])),
    };
    if (level === normalizeVi(LEVEL_AREA)) {
      const path = ["areas", areas.length];
      const partial = yesNo(get(COL["Lĩnh vực chưa đầy đủ"]));
      if (partial === "invalid")
        fail(r, COL["Lĩnh vực chưa đầy đủ"], `ghi "${YES}" hoặc "${NO}" (hoặc để trống)`);
      const area: Record<string, unknown> = { ...base, criteria: [] };
      if (partial !== null && partial !== "invalid") area.partial = partial;
      const section = normalizeVi(cellText(get(COL["Phần cộng/trừ"])));
      if (section !== "") {
        const kind = SECTION_BY_LABEL.get(section);
        if (kind) area.section = kind;
        else
          fail(
            r,
            COL["Phần cộng/trừ"],
            `ghi "${SECTION_LABELS.bonus}" hoặc "${SECTION_LABELS.deduction}" (hoặc để trống)`
          );
      }
      areas.push(area);
      markRow(mark, path, r);
      stack = [];
      continue;
    }
    if (level !== normalizeVi(LEVEL_CRITERION)) {
      fail(r, COL["Cấp"], `ghi "${LEVEL_AREA}" hoặc "${LEVEL_CRITERION}"`);
      continue;
    }
    const area = areas[areas.length - 1];
    if (!area) {
      fail(r, COL["Cấp"], `tiêu chí phải nằm dưới một dòng "${LEVEL_AREA}"`);
      continue;
    }
    while (stack.length > 0 && !code.startsWith(`${stack[stack.length - 1].code}.`)) stack.pop();
    // Refused here, at its cell, before anything recurses over the nesting; the rows
    // under a refused one are not reported again.
    if (tooDeep !== null && code.startsWith(`${tooDeep}.`)) continue;
    if (stack.length >= MAX_CRITERIA_DEPTH) {
      fail(
        r,
        COL["Mã"],
        `tiêu chí ${code} lồng nhau quá sâu: bộ tiêu chí cho phép tối đa ${MAX_CRITERIA_DEPTH} cấp tiêu chí trong một lĩnh vực; hãy gộp bớt cấp`
      );
      tooDeep = code;
      continue;
    }
    const parent = stack[stack.length - 1];
    const siblings = parent
      ? ((parent.node.children ??= []) as unknown[])
      : (area.criteria as unknown[]);
    const path = parent
      ? [...parent.path, "children", siblings.length]
      : ["areas", areas.length - 1, "criteria", siblings.length];
    const node: Record<string, unknown> = { ...base };
    const aliases = cellText(get(COL["Tên khác (cách nhau bởi ;)"]))
      .split(";")
      .map((a) => a.trim())
      .filter((a) => a !== "");
    if (aliases.length > 0) node.aliases = aliases;
    const method = get(COL["Cách tính điểm (theo bảng)"]);
    if (!isBlankCell(method)) node.method = cellText(method);
    const rule = readRule(grid, r, fail);
    if (rule !== undefined) {
      node.rule = rule;
      markRule(mark, [...path, "rule"], r);
    }
    siblings.push(node);
    markRow(mark, path, r);
    stack.push({ code, node, path });
  }
  if (problems.length > 0) return { ok: false, problems };
  const parsed = parseCheckedSheet(input as CriteriaSetInput);
  if (parsed.ok) return parsed;
  return {
    ok: false,
    problems: parsed.problems.map((problem) => {
      const where = locate(cells, problem.path) ?? { row: header, column: 0 };
      const related = problem.related ? locate(cells, [...problem.related, "code"]) : undefined;
      const detail = related
        ? `mã ${cellText(cellAt(grid, where.row, where.column))} bị trùng với dòng ${related.row + (grid.firstRow ?? 1)}`
        : problem.detail;
      return {
        address: at(where.row, where.column),
        message: `${at(where.row, where.column)}: ${detail}`,
      };
    }),
  };
}

function markRow(
  mark: (path: Array<string | number>, row: number, column: number) => void,
  path: Array<string | number>,
  row: number
) {
  mark(path, row, COL["Mã"]);
  mark([...path, "code"], row, COL["Mã"]);
  mark([...path, "name"], row, COL["Tên"]);
  mark([...path, "maxPoints"], row, COL["Điểm tối đa"]);
  mark([...path, "partial"], row, COL["Lĩnh vực chưa đầy đủ"]);
}

function markRule(
  mark: (path: Array<string | number>, row: number, column: number) => void,
  path: Array<string | number>,
  row: number
) {
  mark(path, row, COL["Cách chấm"]);
  mark([...path, "kind"], row, COL["Cách chấm"]);
  for (const kind of ruleKinds())
    for (const column of kind.sheetColumns) mark([...path, ...column.field], row, COL[column.name]);
  mark([...path, "noCaseFull"], row, COL["Không phát sinh = đủ điểm"]);
}

/** The cell of the longest known prefix of a JSON path. */
function locate(
  cells: CellMap,
  path: Array<string | number>
): { row: number; column: number } | undefined {
  for (let n = path.length; n > 0; n--) {
    const hit = cells.get(formatPath(path.slice(0, n)));
    if (hit) return hit;
  }
  return undefined;
}

function findHeader(grid: Grid): number | null {
  for (let r = 0; r < grid.values.length; r++) {
    if (
      normalizeVi(cellText(cellAt(grid, r, COL["Mã"]))) === "mã" &&
      normalizeVi(cellText(cellAt(grid, r, COL["Cấp"]))) === "cấp"
    )
      return r;
  }
  return null;
}

const KIND_BY_LABEL = new Map<string, Rule["kind"]>();
for (const kind of RULE_KINDS) {
  KIND_BY_LABEL.set(normalizeVi(kind), kind);
  KIND_BY_LABEL.set(normalizeVi(RULE_LABELS[kind]), kind);
}

function readRule(
  grid: Grid,
  r: number,
  fail: (row: number, column: number, message: string) => void
): Record<string, unknown> | undefined {
  const get = (column: number) => cellAt(grid, r, column);
  const label = normalizeVi(cellText(get(COL["Cách chấm"])));
  if (label === "") return undefined;
  const kind = KIND_BY_LABEL.get(label);
  if (!kind) {
    fail(
      r,
      COL["Cách chấm"],
      `cách chấm "${cellText(get(COL["Cách chấm"]))}" không có; chọn một trong: ${RULE_KINDS.map((k) => RULE_LABELS[k]).join(", ")}`
    );
    return undefined;
  }
  const rule: Record<string, unknown> = { kind };
  const set = (key: string, value: unknown) => {
    if (value !== undefined) rule[key] = value;
  };
  const flag = (column: number) => {
    const value = yesNo(get(column));
    if (value === "invalid") {
      fail(r, column, `ghi "${YES}" hoặc "${NO}" (hoặc để trống)`);
      return undefined;
    }
    return value ?? undefined;
  };
  set("noCaseFull", flag(COL["Không phát sinh = đủ điểm"]));
  const fields = ruleKind(kind).readSheet({
    cell: (column) => get(COL[column]),
    ratio: (column) => ratioOrRaw(get(COL[column])),
    number: (column) => numberOrRaw(get(COL[column])),
    flag: (column) => flag(COL[column]),
    fail: (column, message) => fail(r, COL[column], message),
  });
  for (const [key, value] of Object.entries(fields)) set(key, value);
  return rule;
}

/** True when a grid is (or claims to be) the criteria sheet. */
export function isCriteriaSheet(grid: Grid): boolean {
  return normalizeVi(grid.sheetName) === normalizeVi(CRITERIA_SHEET_NAME);
}

/**
 * The sets read from sheets and validated, by their content. A district's 300 workbooks
 * carry the same province set: it is validated once, not 300 times (callers never mutate
 * a set).
 */
const validatedSets = new Map<string, CriteriaSet>();
const VALIDATED_SETS_KEPT = 64;

function parseCheckedSheet(input: CriteriaSetInput): ReturnType<typeof parseCriteriaSet> {
  const key = JSON.stringify(input);
  const known = validatedSets.get(key);
  if (known) return { ok: true, value: known };
  const parsed = parseCriteriaSet(input);
  if (parsed.ok) {
    if (validatedSets.size >= VALIDATED_SETS_KEPT) validatedSets.clear();
    validatedSets.set(key, parsed.value);
  }
  return parsed;
}

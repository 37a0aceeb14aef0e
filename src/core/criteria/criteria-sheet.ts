/**
 * The "Bộ tiêu chí" sheet: a criteria set as an Excel table a civil servant edits like
 * any other (one row per area or criterion, one column per rule parameter), and back.
 * Writing then reading gives the same set (tested over generated sets). Errors point at
 * cells: "'Bộ tiêu chí'!D7: Điểm tối đa phải là số lớn hơn 0".
 */
import { cellAddress, cellAt, type Grid } from "../read/grid";
import { formatNumberVi, parseDecimal } from "../parse/numbers";
import { CRITERIA_SHEET_NAME } from "../read/output-columns";
import {
  formatPath,
  MAX_CRITERIA_DEPTH,
  parseCriteriaSet,
  RULE_KINDS,
  type CriteriaSet,
  type CriteriaSetInput,
  type Criterion,
  type Rule,
} from "./schema";
import { cellText, collapseSpaces, isBlankCell, normalizeVi } from "../parse/text";
import { parseRatio, type CellValue } from "../parse/values";

/** Vietnamese names of the rule kinds, as the "Cách chấm" column shows them. */
export const RULE_LABELS: Record<Rule["kind"], string> = {
  manual: "Nhập điểm",
  boolean: "Có/Không",
  ratio: "Tỷ lệ",
  gate: "Đạt ngưỡng mới có điểm",
  tiers: "Theo mức",
  count: "Số lượng",
  weighted_share: "Vượt/đạt trên tổng",
  all_of: "Đạt tất cả điều kiện",
  options: "Chọn một mức",
};

export const SHEET_COLUMNS = [
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
] as const;

const COL = Object.fromEntries(SHEET_COLUMNS.map((name, i) => [name, i])) as Record<
  (typeof SHEET_COLUMNS)[number],
  number
>;

const LEVEL_AREA = "Lĩnh vực";
/** How the "Phần cộng/trừ" column names a bonus or deduction section. */
const SECTION_LABELS = { bonus: "Điểm thưởng", deduction: "Điểm trừ" } as const;
const SECTION_BY_LABEL = new Map<string, "bonus" | "deduction">([
  [normalizeVi(SECTION_LABELS.bonus), "bonus"],
  [normalizeVi("Điểm cộng"), "bonus"],
  [normalizeVi(SECTION_LABELS.deduction), "deduction"],
]);
const LEVEL_CRITERION = "Tiêu chí";
const YES = "Có";
const NO = "Không";

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

/** A percent format that shows the ratio exactly: "80%", "12.5%". */
function percentFormat(ratio: number): string {
  return Number.isInteger(Number((ratio * 100).toPrecision(12))) ? "0%" : "0.##########%";
}

/** Formats a ratio as the sheet's texts show it: "80%", "12,5%". */
function percentText(ratio: number): string {
  return `${formatNumberVi(ratio * 100, 10)}%`;
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
  // Ratios are numbers in percent-formatted cells: Excel shows 80% and keeps 0.8.
  const ratioCell = (column: number, value: number) => {
    cells[column] = value;
    formats[column] = percentFormat(value);
  };
  switch (rule.kind) {
    case "ratio":
      ratioCell(COL["Ngưỡng tối thiểu"], rule.min);
      ratioCell(COL["Đạt tối đa từ"], rule.full);
      break;
    case "gate":
      ratioCell(COL["Ngưỡng tối thiểu"], rule.min);
      break;
    case "count":
      cells[COL["Số lượng cần đạt"]] = rule.target;
      cells[COL["Chia điểm khi chưa đủ số lượng"]] = rule.partial ? YES : NO;
      break;
    case "weighted_share":
      cells[COL["Hệ số vượt"]] = rule.weights.exceeded;
      cells[COL["Hệ số đạt"]] = rule.weights.met;
      ratioCell(COL["Ngưỡng (vượt + đạt)/tổng"], rule.cutoff);
      break;
    case "tiers":
      cells[COL["Các mức (ngưỡng: điểm)"]] = rule.tiers
        .map((t) => `${percentText(t.min)}: ${formatNumberVi(t.points, 10)}`)
        .join("; ");
      break;
    case "all_of":
      cells[COL["Các điều kiện (tên ≥ ngưỡng)"]] = rule.conditions
        .map((c) => `${c.label} ≥ ${percentText(c.min)}`)
        .join("; ");
      break;
    case "options":
      // One option a line: labels may hold ";" and ":" ("Hoàn thành từ 50% - dưới 100%: 0,5").
      cells[COL["Các mức chọn (mỗi dòng một mức: tên: điểm)"]] = rule.options
        .map((o) => `${o.label}: ${formatNumberVi(o.points, 10)}`)
        .join("\n");
      break;
    case "manual":
    case "boolean":
      break;
  }
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
  mark([...path, "min"], row, COL["Ngưỡng tối thiểu"]);
  mark([...path, "full"], row, COL["Đạt tối đa từ"]);
  mark([...path, "target"], row, COL["Số lượng cần đạt"]);
  mark([...path, "partial"], row, COL["Chia điểm khi chưa đủ số lượng"]);
  mark([...path, "weights", "exceeded"], row, COL["Hệ số vượt"]);
  mark([...path, "weights", "met"], row, COL["Hệ số đạt"]);
  mark([...path, "cutoff"], row, COL["Ngưỡng (vượt + đạt)/tổng"]);
  mark([...path, "tiers"], row, COL["Các mức (ngưỡng: điểm)"]);
  mark([...path, "conditions"], row, COL["Các điều kiện (tên ≥ ngưỡng)"]);
  mark([...path, "noCaseFull"], row, COL["Không phát sinh = đủ điểm"]);
  mark([...path, "options"], row, COL["Các mức chọn (mỗi dòng một mức: tên: điểm)"]);
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

function numberOrRaw(value: CellValue): unknown {
  if (typeof value === "number") return value;
  if (isBlankCell(value)) return undefined;
  return parseDecimal(cellText(value)) ?? cellText(value);
}

/** A ratio cell: 0.8 in a percent cell, "80%", "0,8". The raw text when unreadable (zod then says why). */
function ratioOrRaw(value: CellValue): unknown {
  if (isBlankCell(value)) return undefined;
  if (typeof value === "number") return value;
  const text = collapseSpaces(cellText(value));
  const ratio = /%$/.test(text) ? parseRatio({ value: text }) : parseDecimal(text);
  return ratio === null ? text : cleanFloat(ratio);
}

/** Removes the binary noise of "12,5%" / 100 so that values survive a round trip. */
function cleanFloat(n: number): number {
  return Number(n.toPrecision(12));
}

function yesNo(value: CellValue): boolean | null | "invalid" {
  if (typeof value === "boolean") return value;
  const text = normalizeVi(cellText(value));
  if (text === "") return null;
  if (text === normalizeVi(YES) || text === "x" || text === "true") return true;
  if (text === normalizeVi(NO) || text === "false") return false;
  return "invalid";
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
  switch (kind) {
    case "ratio":
      set("min", ratioOrRaw(get(COL["Ngưỡng tối thiểu"])));
      set("full", ratioOrRaw(get(COL["Đạt tối đa từ"])));
      break;
    case "gate":
      set("min", ratioOrRaw(get(COL["Ngưỡng tối thiểu"])));
      break;
    case "count":
      set("target", numberOrRaw(get(COL["Số lượng cần đạt"])));
      set("partial", flag(COL["Chia điểm khi chưa đủ số lượng"]));
      break;
    case "weighted_share":
      rule.weights = {
        exceeded: numberOrRaw(get(COL["Hệ số vượt"])),
        met: numberOrRaw(get(COL["Hệ số đạt"])),
      };
      set("cutoff", ratioOrRaw(get(COL["Ngưỡng (vượt + đạt)/tổng"])));
      break;
    case "tiers": {
      const text = cellText(get(COL["Các mức (ngưỡng: điểm)"]));
      const tiers = splitList(text).map((part) => {
        const match = /^(.+?)\s*:\s*(.+)$/.exec(part);
        return match ? { min: ratioOrRaw(match[1]), points: numberOrRaw(match[2]) } : null;
      });
      if (tiers.some((t) => t === null))
        fail(r, COL["Các mức (ngưỡng: điểm)"], 'ghi các mức dạng "100%: 1; 0%: 0,5"');
      else rule.tiers = tiers;
      break;
    }
    case "all_of": {
      const text = cellText(get(COL["Các điều kiện (tên ≥ ngưỡng)"]));
      const conditions = splitList(text).map((part) => {
        const match = /^(.+?)\s*(?:≥|>=)\s*(.+)$/.exec(part);
        return match ? { label: match[1].trim(), min: ratioOrRaw(match[2]) } : null;
      });
      if (conditions.some((c) => c === null))
        fail(
          r,
          COL["Các điều kiện (tên ≥ ngưỡng)"],
          'ghi các điều kiện dạng "Tỷ lệ số hóa ≥ 80%; Tỷ lệ khai thác ≥ 50%"'
        );
      else rule.conditions = conditions;
      break;
    }
    case "options": {
      const column = COL["Các mức chọn (mỗi dòng một mức: tên: điểm)"];
      const options = cellText(get(column))
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "")
        .map((line) => {
          const match = /^(.+):\s*([^:]+)$/.exec(line);
          return match ? { label: match[1].trim(), points: numberOrRaw(match[2].trim()) } : null;
        });
      if (options.some((o) => o === null))
        fail(r, column, 'ghi mỗi mức một dòng dạng "Ban hành kịp thời: 1,5"');
      else rule.options = options;
      break;
    }
    case "manual":
    case "boolean":
      break;
  }
  return rule;
}

function splitList(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
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

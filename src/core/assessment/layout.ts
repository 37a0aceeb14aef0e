/**
 * Recognises the header of a self-assessment table (biểu tự đánh giá / tự chấm điểm) as
 * the province or district sends it, and the role of each of its columns.
 *
 * Headers are compared without diacritics, case, line breaks or the spaces around "/",
 * "," and parentheses, so "Lĩnh vực/ Tiêu chí/\nTiêu chí thành phần" and
 * "LĨNH VỰC/TIÊU CHÍ/TIÊU CHÍ THÀNH PHẦN" name the same column.
 */
import { headerRole } from "../read/columns";
import { isOwnedHeader } from "../read/output-columns";
import { cellAt, gridWidth, type Grid } from "../read/grid";
import { cellText, isBlankCell, memoize, stripDiacritics } from "../parse/text";

export const ASSESSMENT_ROLES = [
  "index",
  "code",
  "content",
  "maxPoints",
  "selfScore",
  "figure",
  "method",
  "requirement",
  "evidence",
  "explanation",
  "note",
  "appraised",
  "deducted",
  "appraisedFinal",
  "owner",
  "deadline",
] as const;
export type AssessmentRole = (typeof ASSESSMENT_ROLES)[number];
export type AssessmentColumns = Partial<Record<AssessmentRole, number>>;

/** Header texts as offices write them. Matched whole, after `headerKey`. */
const EXACT: Record<AssessmentRole, string[]> = {
  index: ["STT", "TT", "Số TT", "Số thứ tự"],
  code: ["Mã", "Mã tiêu chí", "Mã số"],
  content: [
    "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
    "Lĩnh vực/Tiêu chí/TCTP",
    "Lĩnh vực, tiêu chí, tiêu chí thành phần",
    "Tiêu chí, tiêu chí thành phần",
    "Tiêu chí/tiêu chí thành phần",
    "Tiêu chí chấm điểm",
    "Nội dung",
    "Nội dung tiêu chí",
    "Nội dung đánh giá",
    "Tiêu chí",
  ],
  maxPoints: [
    "Điểm tối đa",
    "Điểm tối đa (chuẩn)",
    "Điểm chuẩn",
    "Thang điểm tối đa",
    "Thang điểm",
    "Điểm tối đa (điểm)",
  ],
  selfScore: ["Điểm tự chấm", "Điểm tự đánh giá", "Điểm cá nhân tự chấm", "Tự chấm", "Tự đánh giá"],
  figure: ["Số liệu kê khai", "Số liệu", "Kết quả", "Kết quả thực hiện", "Kết quả đạt được"],
  method: ["Cách tính điểm", "Phương pháp chấm điểm", "Phương pháp tính điểm", "Cách chấm điểm"],
  requirement: [
    "Yêu cầu",
    "Các yêu cầu và tài liệu kiểm chứng",
    "Yêu cầu và tài liệu kiểm chứng",
    "Yêu cầu/sản phẩm/kết quả",
  ],
  evidence: ["Tài liệu kiểm chứng", "Minh chứng"],
  explanation: ["Giải trình"],
  note: ["Ghi chú", "Ý kiến của Hội đồng thẩm định", "Ý kiến thẩm định"],
  appraised: [
    "Điểm thẩm định",
    "Điểm đánh giá của cấp có thẩm quyền",
    "Điểm đánh giá của cấp trên",
  ],
  deducted: ["Điểm bị trừ", "Điểm trừ"],
  appraisedFinal: [
    "Điểm thẩm định sau khi trừ",
    "Điểm đánh giá chính thức",
    "Điểm đạt được",
    "Điểm chính thức",
  ],
  owner: ["Cơ quan chủ trì", "Bộ phận thực hiện", "Đơn vị chủ trì"],
  deadline: ["Tiến độ hoàn thành", "Thời gian hoàn thành", "Thời hạn"],
};

/** Name-column headers only self-assessment tables use. */
const ASSESSMENT_CONTENT = new Set(
  [
    "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
    "Lĩnh vực/Tiêu chí/TCTP",
    "Lĩnh vực, tiêu chí, tiêu chí thành phần",
    "Tiêu chí, tiêu chí thành phần",
    "Tiêu chí/tiêu chí thành phần",
    "Tiêu chí chấm điểm",
  ].map((text) => headerKey(text))
);

/** Headers that open with these words name the role whatever follows ("Tiêu chí Chỉ số CCHC cấp xã"). */
const PREFIX: Array<[string, AssessmentRole]> = [
  ["Tiêu chí chỉ số", "content"],
  ["Lĩnh vực/", "content"],
  ["Điểm tối đa", "maxPoints"],
  ["Điểm tự chấm", "selfScore"],
  ["Cách tính điểm", "method"],
  ["Phương pháp chấm", "method"],
  ["Tài liệu kiểm chứng", "evidence"],
  ["Ghi chú", "note"],
];

/**
 * The comparison key of a header: no diacritics, lower case, single spaces, no spaces
 * around "/", ",", "(" and ")".
 *
 * @example headerKey("Điểm tối đa\n( chuẩn )") === "diem toi da(chuan)"
 */
export function headerKey(text: string): string {
  return stripDiacritics(text)
    .replace(/\s*([/,()])\s*/g, "$1")
    .replace(/[:.*]+$/, "")
    .trim();
}

const EXACT_KEYS = new Map<string, AssessmentRole>();
for (const role of ASSESSMENT_ROLES)
  for (const text of EXACT[role]) EXACT_KEYS.set(headerKey(text), role);
const PREFIX_KEYS = PREFIX.map(([text, role]) => [headerKey(text), role] as const);

/**
 * The role a self-assessment header names, or null.
 *
 * @example assessmentRole("Lĩnh vực/ Tiêu chí/\nTiêu chí thành phần") === "content"
 * @example assessmentRole("ĐIỂM TỰ CHẤM") === "selfScore"
 */
export const assessmentRole = memoize((text: string): AssessmentRole | null => {
  if (text.length > 120) return null;
  const key = headerKey(text);
  if (key === "") return null;
  const exact = EXACT_KEYS.get(key);
  if (exact) return exact;
  for (const [prefix, role] of PREFIX_KEYS) if (key.startsWith(prefix)) return role;
  return null;
});

export interface AssessmentLayout {
  /** 0-based grid row of the header. */
  headerRow: number;
  columns: AssessmentColumns;
  /** "assessment": a table with maxima or self-scores; "plan": a plan appendix whose requirement column carries the method. */
  kind: "assessment" | "plan";
  /** 0-based grid column of the last header cell left of our own block. */
  lastInputColumn: number;
  /** 0-based grid column where our own "(tự động)" block starts, if a previous run wrote one. */
  ownedColumn: number | null;
  /** Width of that block as its marker records it now (null without a marker). */
  ownedWidth: number | null;
  /** The marker (defined name) that recorded the block, if any. */
  marker: string | null;
}

interface OwnedBlock {
  left: number;
  width: number | null;
  name: string | null;
}

/**
 * Our own block on a header row: the marker that starts on it decides; without one (a copy
 * that lost its names), the first header cell that is one of ours.
 */
function ownedBlockAt(grid: Grid, row: number, width: number): OwnedBlock | null {
  const firstRow = (grid.firstRow ?? 1) - 1;
  const firstColumn = grid.firstColumn ?? 0;
  const marker = grid.markers?.find((m) => m.top - firstRow === row);
  if (marker)
    return {
      left: marker.left - firstColumn,
      width: marker.right - marker.left + 1,
      name: marker.name,
    };
  for (let c = 0; c < width; c++)
    if (isOwnedHeader(cellAt(grid, row, c))) return { left: c, width: null, name: null };
  return null;
}

/** Reads one row as a header: every non-blank cell is text, and the roles it names. */
function headerColumns(
  grid: Grid,
  row: number,
  width: number
): { columns: AssessmentColumns; last: number; planColumns: boolean } | null {
  const columns: AssessmentColumns = {};
  let last = -1;
  let planColumns = false;
  for (let c = 0; c < width; c++) {
    const value = cellAt(grid, row, c);
    if (isBlankCell(value)) continue;
    if (typeof value !== "string") return null;
    // Our own columns are never the form's, whatever their header words look like.
    if (isOwnedHeader(value)) continue;
    last = c;
    const planRole = headerRole(value);
    if (planRole === "owner" || planRole === "deadline" || planRole === "status")
      planColumns = true;
    const role = assessmentRole(cellText(value));
    if (role === null) continue;
    if (role === "figure" && columns.figure !== undefined) continue;
    if (columns[role] === undefined) columns[role] = c;
  }
  // "Tiêu chí | Nội dung": the first holds the codes, the second the names.
  if (columns.content !== undefined && columns.code === undefined) {
    const first = stripDiacritics(cellText(cellAt(grid, row, columns.content)));
    const other = findOther(grid, row, width, columns.content);
    if (first === "tieu chi" && other !== null) {
      columns.code = columns.content;
      columns.content = other;
    }
  }
  return { columns, last, planColumns };
}

/** A second content header ("Nội dung") right of a "Tiêu chí" header. */
function findOther(grid: Grid, row: number, width: number, after: number): number | null {
  for (let c = after + 1; c < width; c++) {
    if (stripDiacritics(cellText(cellAt(grid, row, c))) === "noi dung") return c;
  }
  return null;
}

/**
 * Finds the self-assessment tables of a sheet: a header that names the criteria column
 * and a maximum or self-score column; or a plan appendix ("Tiêu chí … | Yêu cầu | Cơ quan
 * chủ trì | Tiến độ hoàn thành") whose requirement column may carry the scoring method.
 *
 * @example findAssessmentLayouts({ sheetName: "S", values: [["STT", "Tiêu chí chấm điểm", "Thang điểm tối đa", "Điểm cá nhân tự chấm"]] })[0].columns.maxPoints === 2
 */
export function findAssessmentLayouts(grid: Grid): AssessmentLayout[] {
  const width = gridWidth(grid);
  const layouts: AssessmentLayout[] = [];
  for (let r = 0; r < grid.values.length; r++) {
    const owned = ownedBlockAt(grid, r, width);
    const found = headerColumns(grid, r, owned ? Math.min(owned.left, width) : width);
    if (!found) continue;
    const { columns, last, planColumns } = found;
    if (columns.content === undefined) continue;
    // A maximum alone is a plan appendix's scoring table (read by the plan reader); a
    // self-assessment table has somewhere to put the unit's or the appraiser's points.
    const scored =
      columns.selfScore !== undefined ||
      columns.appraised !== undefined ||
      columns.appraisedFinal !== undefined ||
      (columns.maxPoints !== undefined && columns.method !== undefined);
    // A plan appendix (owners, deadlines) stays with the plan reader, even with a
    // self-score column; its requirement column may still state maxima and methods.
    const plan = planColumns || columns.owner !== undefined || columns.deadline !== undefined;
    // A table with a plain result column ("Kết quả") and a generic name column is a plan
    // appendix's scoring table, read by the plan reader: claim only what is ours.
    const ours =
      columns.figure === undefined ||
      columns.method !== undefined ||
      ASSESSMENT_CONTENT.has(headerKey(cellText(cellAt(grid, r, columns.content))));
    if (!(scored && ours) && !(plan && columns.requirement !== undefined)) continue;
    const previous = layouts[layouts.length - 1];
    // A header repeated after a page break continues the table above.
    if (previous && sameColumns(previous.columns, columns)) continue;
    layouts.push({
      headerRow: r,
      columns,
      kind: plan ? "plan" : "assessment",
      lastInputColumn: last,
      ownedColumn: owned?.left ?? null,
      ownedWidth: owned?.width ?? null,
      marker: owned?.name ?? null,
    });
  }
  return layouts;
}

function sameColumns(a: AssessmentColumns, b: AssessmentColumns): boolean {
  return ASSESSMENT_ROLES.every((role) => a[role] === b[role]);
}

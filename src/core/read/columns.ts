/**
 * Column roles of an appendix table and the header texts offices use for them.
 */
import { cellText, memoize, stripDiacritics } from "../parse/text";

export const COLUMN_ROLES = [
  "index",
  "code",
  "content",
  "maxPoints",
  "result",
  "selfScore",
  "deadline",
  "owner",
  "status",
  "evidence",
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Header synonyms, written as users write them; matched without diacritics. */
const SYNONYMS: Record<ColumnRole, { exact: string[]; prefix?: string[] }> = {
  index: { exact: ["TT", "STT", "Số TT", "Số thứ tự"] },
  code: { exact: ["Mã", "Mã tiêu chí", "Mã số", "Mã TC"] },
  content: {
    exact: [
      "Nội dung",
      "Nội dung nhiệm vụ",
      "Nội dung tiêu chí",
      "Tiêu chí",
      "Mục tiêu/Chỉ tiêu/nội dung",
      "Nội dung công việc",
    ],
    prefix: ["Nội dung", "Tiêu chí", "Mục tiêu/", "Tên tiêu chí"],
  },
  maxPoints: { exact: ["Điểm tối đa", "Điểm chuẩn", "Điểm tối đa (điểm)"] },
  result: {
    exact: [
      "Kết quả",
      "Kết quả thực hiện",
      "Số liệu",
      "Số liệu kê khai",
      "Kết quả đạt được",
      "Kết quả, số liệu",
      "Điểm thẩm định",
      "Điểm đạt",
    ],
  },
  selfScore: { exact: ["Điểm tự chấm", "Điểm tự đánh giá", "Tự chấm", "Điểm tự chấm điểm"] },
  deadline: {
    exact: [
      "Thời gian hoàn thành",
      "Tiến độ hoàn thành",
      "Thời hạn",
      "Thời gian thực hiện",
      "Thời hạn hoàn thành",
      "Tiến độ",
    ],
  },
  owner: {
    exact: [
      "Bộ phận thực hiện",
      "Cơ quan chủ trì",
      "Chủ trì",
      "Trách nhiệm tham mưu",
      "Đơn vị chủ trì",
      "Người thực hiện",
      "Đơn vị thực hiện",
    ],
  },
  status: { exact: ["Tình trạng", "Trạng thái", "Tình trạng thực hiện", "Trạng thái thực hiện"] },
  evidence: { exact: ["Tài liệu kiểm chứng", "Tài liệu kiểm chứng (đường dẫn)", "Minh chứng"] },
};

function headerKey(text: string): string {
  return stripDiacritics(text)
    .replace(/^\d+\s*[-.)]\s*/, "") // "7- Thời gian hoàn thành"
    .replace(/\s*\/\s*/g, "/")
    .replace(/[:.]+$/, "")
    .trim();
}

const MAX_HEADER_LENGTH = 80;

const EXACT = new Map<string, ColumnRole>();
const PREFIX: Array<[string, ColumnRole]> = [];
for (const role of COLUMN_ROLES) {
  for (const text of SYNONYMS[role].exact) EXACT.set(headerKey(text), role);
  for (const text of SYNONYMS[role].prefix ?? []) PREFIX.push([headerKey(text), role]);
}

/**
 * The role a header cell names, or null.
 *
 * @example headerRole("7- Thời gian\nhoàn thành") === "deadline"
 * @example headerRole("Ghi chú") === null
 */
export function headerRole(value: unknown): ColumnRole | null {
  const text = cellText(value);
  // No header synonym is longer than this; long cells are content, and skipping them
  // keeps header detection cheap on every row of a large table.
  if (text.length > MAX_HEADER_LENGTH || typeof value === "number") return null;
  return roleOfText(text);
}

/** Header detection looks at every row, so the answer for each distinct text is kept. */
const roleOfText = memoize((text: string): ColumnRole | null => {
  const key = headerKey(text);
  if (key === "") return null;
  const exact = EXACT.get(key);
  if (exact) return exact;
  for (const [prefix, role] of PREFIX) {
    if (key.startsWith(prefix)) return role;
  }
  return null;
});

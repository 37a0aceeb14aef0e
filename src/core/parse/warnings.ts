/**
 * Row warnings: a stable code for programs, a Vietnamese message for people.
 */

export const WARNING_CODES = [
  "below_threshold",
  "invalid_value",
  "missing_result",
  "unknown_criterion",
  "max_mismatch",
  "self_score_mismatch",
  "missing_evidence",
  "invalid_date",
  "unparsed_deadline",
  "milestone_passed",
  "duplicate_criterion",
  "ambiguous_number",
  "unknown_status",
] as const;

export type WarningCode = (typeof WARNING_CODES)[number];

export interface RowWarning {
  code: WarningCode;
  message: string;
  /** Points lost because of this warning, when it is a threshold. */
  pointsLost?: number;
}

/**
 * A warning. Its message is one line whatever it quotes: the warnings column holds one
 * "⚠ " line per warning, and a re-run recognises its own cell by those lines, so a
 * quoted cell with line breaks ("Tổng 10\nVượt 5") must not split a warning in two.
 *
 * @example warning("invalid_value", "Không đọc được \"Tổng 10\nVượt 5\"").message === 'Không đọc được "Tổng 10 Vượt 5"'
 */
export function warning(code: WarningCode, message: string, pointsLost?: number): RowWarning {
  const line = oneLine(message);
  return pointsLost === undefined ? { code, message: line } : { code, message: line, pointsLost };
}

/** Every line break (CR, LF, VT, FF, NEL, LS, PS) becomes one space. */
function oneLine(text: string): string {
  return LINE_BREAKS.test(text) ? text.replace(LINE_BREAKS_ALL, " ") : text;
}

const LINE_BREAKS = /[\n\r\v\f\u0085\u2028\u2029]/;
const LINE_BREAKS_ALL = /[\n\r\v\f\u0085\u2028\u2029]+/g;

/** Short Vietnamese names of the warning codes, for summaries and the task pane. */
export const WARNING_LABELS: Record<WarningCode, string> = {
  below_threshold: "Dưới ngưỡng chấm điểm",
  invalid_value: "Kết quả không đọc được",
  missing_result: "Chưa có kết quả",
  unknown_criterion: "Mã tiêu chí không có trong bộ tiêu chí",
  max_mismatch: "Điểm tối đa khác bộ tiêu chí",
  self_score_mismatch: "Điểm tự chấm khác điểm tính toán",
  missing_evidence: "Thiếu tài liệu kiểm chứng",
  invalid_date: "Ngày không hợp lệ",
  unparsed_deadline: "Không đọc được thời hạn",
  milestone_passed: "Đã qua mốc trung gian",
  duplicate_criterion: "Tiêu chí ghi ở nhiều dòng",
  ambiguous_number: "Số viết dấu chấm thập phân",
  unknown_status: "Không hiểu tình trạng",
};

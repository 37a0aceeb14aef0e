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
] as const;

export type WarningCode = (typeof WARNING_CODES)[number];

export interface RowWarning {
  code: WarningCode;
  message: string;
  /** Points lost because of this warning, when it is a threshold. */
  pointsLost?: number;
}

export function warning(code: WarningCode, message: string, pointsLost?: number): RowWarning {
  return pointsLost === undefined ? { code, message } : { code, message, pointsLost };
}

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
};

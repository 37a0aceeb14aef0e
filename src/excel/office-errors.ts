/**
 * Vietnamese messages for the errors Office.js raises, by where they happened. The codes
 * are those of Excel.ErrorCodes and OfficeExtension.ErrorCodes ("Error handling with the
 * application-specific JavaScript APIs", learn.microsoft.com): every code listed there
 * has a message here (test/excel/office-errors.test.ts checks the list).
 */

/** Where an error happened: it decides what the user is told to do. */
export type ErrorPlace =
  /** Reading the active sheet before scoring (nothing written yet). */
  | "read"
  /** Writing the results of a scoring (some may be written). */
  | "write"
  /** Selecting a row or cell the pane points at. */
  | "select"
  /** Reading or keeping the settings in the workbook. */
  | "settings"
  /** Writing the roll-up sheets. */
  | "rollup"
  /** Adding the criteria sheet. */
  | "criteria";

/**
 * A refusal of our own, already in Vietnamese (e.g. "the workbook structure is
 * protected"): shown as it is.
 */
export class AddinRefusal extends Error {
  readonly code = "AddinRefusal";
}

/** The error's Office.js code, if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** What to do again, said for the place. */
const AGAIN: Record<ErrorPlace, string> = {
  read: "rồi bấm Chấm điểm lại",
  write: "rồi bấm Chấm điểm lại (lần chấm sau hoàn tất phần còn dở)",
  select: "rồi bấm lại vào dòng cần xem",
  settings: "rồi chọn lại cài đặt",
  rollup: "rồi bấm Tổng hợp lại",
  criteria: "rồi chèn lại bộ tiêu chí",
};

const TOO_LARGE =
  "Dữ liệu gửi qua lại với Excel vượt giới hạn (Excel trên web chỉ nhận tới 5 MB một lần)";

/** Cause (and what to do before trying again) for each code. */
function cause(code: string, place: ErrorPlace): string | null {
  const again = AGAIN[place];
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return `Excel đang ở chế độ sửa ô: hãy bấm Enter hoặc Esc để thoát khỏi ô đang sửa ${again}.`;
    case "AccessDenied":
      return `Excel không cho phép sửa sổ làm việc này (có thể đang ở chế độ chỉ đọc, bị bảo vệ, hoặc phần mềm diệt virus chặn): hãy mở bản có quyền sửa ${again}.`;
    case "ItemNotFound":
      return place === "select"
        ? `Không tìm thấy trang hoặc dòng cần chọn: có thể trang đã bị đổi tên hoặc xoá; hãy bấm Chấm điểm lại để cập nhật danh sách.`
        : `Không tìm thấy một trang hoặc một tên (Name Manager) mà công cụ cần: có thể vừa có người đổi tên hoặc xoá trong lúc chạy; ${again.replace(/^rồi /, "hãy ")}.`;
    case "ItemAlreadyExists":
      return `Trong sổ làm việc đã có một trang hoặc một tên (Name Manager) trùng với tên công cụ định tạo — có thể do một lần chạy khác đang chạy cùng lúc: hãy đợi lần chạy kia xong ${again}.`;
    case "ApiNotFound":
    case "ApiNotAvailable":
    case "NotImplemented":
    case "UnsupportedFeature":
    case "UnsupportedOperation":
      return `Phiên bản Excel này chưa có chức năng công cụ cần (${code}): hãy cập nhật Office (File → Account → Update Options) hoặc dùng Excel trên web, ${again}.`;
    case "GeneralException":
      return `Excel báo lỗi chung không rõ nguyên nhân (GeneralException): hãy lưu tệp, đóng và mở lại Excel ${again}; nếu vẫn lỗi, hãy gửi thông báo này cho bộ phận hỗ trợ.`;
    case "InvalidArgument":
    case "InvalidReference":
    case "InvalidBinding":
    case "InvalidSelection":
    case "InvalidRequest":
      return `Excel không nhận một thao tác của công cụ (${code}), thường vì trang vừa bị thay đổi trong lúc chạy (chèn/xoá dòng, gộp ô): hãy đợi Excel xong việc ${again}.`;
    case "InvalidOperation":
      return `Excel không làm được thao tác lúc này (InvalidOperation), thường vì trang đang ẩn, đang lọc, hoặc bị khoá một phần: hãy bỏ ẩn/bỏ lọc trang ${again}.`;
    case "InactiveWorkbook":
      return `Sổ làm việc không còn là sổ đang mở (đã chuyển sang cửa sổ khác hoặc đóng tệp): hãy quay lại cửa sổ của sổ này ${again}.`;
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return `${TOO_LARGE}: hãy chia bớt trang (mỗi trang một bảng) hoặc xoá các cột/dòng thừa ở cuối trang ${again}.`;
    case "RangeExceedsLimit":
    case "OperationCellsExceedLimit":
    case "MemoryLimitReached":
      return `Vùng ô quá lớn với Excel (${code}): hãy xoá các dòng/cột trống thừa ở cuối trang (Ctrl+End cho biết trang dài tới đâu) ${again}.`;
    case "ActivityLimitReached":
    case "RequestAborted":
    case "ServiceNotAvailable":
    case "ConnectionFailure":
    case "Conflict":
      return `Excel đang bận hoặc mất kết nối (${code}): hãy đợi một lát ${again}.`;
    case "Unauthenticated":
      return `Phiên đăng nhập Microsoft đã hết hạn: hãy đăng nhập lại ${again}.`;
    case "MergedRangeConflict":
    case "InsertDeleteConflict":
    case "FilteredRangeConflict":
    case "PivotTableRangeConflict":
    case "NonBlankCellOffSheet":
      return `Chỗ công cụ cần ghi vướng ô gộp, bảng lọc hoặc PivotTable (${code}): hãy bỏ gộp ô/bỏ lọc ở các cột bên phải bảng ${again}.`;
    case "FormulaLengthExceedsLimit":
      return `Một công thức công cụ định ghi dài quá giới hạn của Excel: hãy gửi thông báo này cho bộ phận hỗ trợ.`;
    case "UnsupportedSheet":
      return `Trang đang mở không phải trang bảng tính thường (ví dụ trang biểu đồ hoặc macro): hãy mở trang có bảng ${again}.`;
    case "EmptyChartSeries":
    case "RangeImageExceedsLimit":
    case "UnsupportedFillType":
      return `Excel không vẽ được biểu đồ hoặc tô màu (${code}): phần số liệu vẫn được ghi; ${again.replace(/^rồi /, "hãy ")}.`;
    case "OpenWorkbookLinksBlocked":
    case "RefreshWorkbookLinksBlocked":
    case "WorkbookLinksBlocked":
    case "PowerQueryRefreshResourceChallenge":
      return `Sổ làm việc có liên kết tới tệp hoặc nguồn dữ liệu khác mà Excel đang chặn (${code}): hãy cho phép cập nhật liên kết (Enable Content) ${again}.`;
    case "BadPassword":
      return `Mật khẩu bảo vệ không đúng: hãy bỏ bảo vệ trang/sổ bằng mật khẩu đúng ${again}.`;
    case "UndoNotSupported":
      return `Excel không hoàn tác được thao tác này: hãy kiểm tra trang rồi chạy lại.`;
    case "PropertyNotLoaded":
    case "ValueNotLoaded":
    case "InvalidObjectPath":
    case "InvalidRequestContext":
    case "RunMustReturnPromise":
    case "CannotRegisterEvent":
      return `Công cụ gặp lỗi nội bộ khi nói chuyện với Excel (${code}): hãy đóng và mở lại ngăn công cụ ${again}; nếu vẫn lỗi, hãy gửi thông báo này cho bộ phận hỗ trợ.`;
    default:
      return null;
  }
}

/** Every code given its own message (for the tests and the README). */
export const KNOWN_OFFICE_ERROR_CODES = [
  "AccessDenied",
  "ActivityLimitReached",
  "ApiNotAvailable",
  "ApiNotFound",
  "BadPassword",
  "CannotRegisterEvent",
  "Conflict",
  "ConnectionFailure",
  "EmptyChartSeries",
  "FilteredRangeConflict",
  "FormulaLengthExceedsLimit",
  "GeneralException",
  "InactiveWorkbook",
  "InsertDeleteConflict",
  "InvalidArgument",
  "InvalidBinding",
  "InvalidObjectPath",
  "InvalidOperation",
  "InvalidOperationInCellEditMode",
  "InvalidReference",
  "InvalidRequest",
  "InvalidRequestContext",
  "InvalidSelection",
  "ItemAlreadyExists",
  "ItemNotFound",
  "MemoryLimitReached",
  "MergedRangeConflict",
  "NonBlankCellOffSheet",
  "NotImplemented",
  "OpenWorkbookLinksBlocked",
  "OperationCellsExceedLimit",
  "PivotTableRangeConflict",
  "PowerQueryRefreshResourceChallenge",
  "PropertyNotLoaded",
  "RangeExceedsLimit",
  "RangeImageExceedsLimit",
  "RefreshWorkbookLinksBlocked",
  "RequestAborted",
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "RunMustReturnPromise",
  "ServiceNotAvailable",
  "Unauthenticated",
  "UndoNotSupported",
  "UnsupportedFeature",
  "UnsupportedFillType",
  "UnsupportedOperation",
  "UnsupportedSheet",
  "ValueNotLoaded",
  "WorkbookLinksBlocked",
] as const;

/** The message for a code at a place, or null for a code not listed. */
export function officeErrorAdvice(code: string | undefined, place: ErrorPlace): string | null {
  return code === undefined ? null : cause(code, place);
}

/**
 * A Vietnamese message for an error thrown by Office.js or the adapter, fitted to where it
 * happened. Only a caller that knows nothing was written yet (`nothingWritten`) may say
 * so: a batch is not atomic, and an error at a sync can follow writes that were applied.
 *
 * @example describeOfficeError({ code: "InactiveWorkbook" }, { place: "rollup" }).startsWith("Sổ làm việc không còn") // true
 */
export function describeOfficeError(
  error: unknown,
  { place = "read", nothingWritten = false }: { place?: ErrorPlace; nothingWritten?: boolean } = {}
): string {
  const unchanged = nothingWritten ? " Chưa có ô nào bị thay đổi." : "";
  if (error instanceof AddinRefusal) return error.message;
  const code = errorCode(error);
  const advice = officeErrorAdvice(code, place);
  if (advice) return `${advice}${unchanged}`;
  const detail = error instanceof Error ? error.message : String(error);
  return `Không thực hiện được do lỗi từ Excel (${code ?? "không rõ mã"}: ${detail}).${unchanged} Hãy thử lại; nếu vẫn lỗi, hãy gửi thông báo này cho bộ phận hỗ trợ.`;
}

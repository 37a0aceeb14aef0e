/**
 * What the command line tells a person when something stops it: an error they can act on
 * (CliError), a file-system failure worded in Vietnamese with what to do, and the one
 * last-resort message for a bug. Never a stack trace unless CHAM_DIEM_DEBUG=1.
 */
import path from "node:path";

/** An error the user can act on; exitCode 1 (unusable input or file) or 2 (wrong usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1
  ) {
    super(message);
  }
}

/** Where a person sends a bug report. */
export const REPORT_TO =
  "mục Issues của kho mã nguồn công cụ, hoặc bộ phận phụ trách cải cách hành chính của xã/phường";

/** A Node file-system error (ENOENT, EACCES, ENOSPC…): has a string `code`. */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === "string" &&
    /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code!)
  );
}

/** Why a file could not be read, and what to do, by the error's code. */
export function readFailureMessage(code: string | undefined, shown: string): string {
  switch (code) {
    case "ENOENT":
      return `Không tìm thấy tệp "${shown}": kiểm tra tên tệp và thư mục.`;
    case "EISDIR":
      return `"${shown}" là một thư mục, không phải tệp: hãy chỉ tới tệp bên trong thư mục đó.`;
    case "ENOTDIR":
      return `Không tìm thấy tệp "${shown}": một phần của đường dẫn không phải thư mục.`;
    case "EACCES":
    case "EPERM":
    case "EBUSY":
      return `Không có quyền đọc tệp "${shown}" (tệp đang bị khoá hoặc thiếu quyền): đóng tệp trong chương trình khác hoặc chép tệp sang thư mục của mình rồi chạy lại.`;
    case "ENAMETOOLONG":
      return `Đường dẫn "${shown}" quá dài: chuyển tệp tới thư mục có đường dẫn ngắn hơn.`;
    case "ELOOP":
      return `Đường dẫn "${shown}" là vòng liên kết (symlink) trỏ về chính nó: chỉ tới tệp thật.`;
    default:
      return `Không đọc được tệp "${shown}"${code ? ` (mã lỗi ${code})` : ""}: kiểm tra tệp còn mở được bằng Excel, rồi chạy lại.`;
  }
}

/** Why a file could not be written, and what to do, by the error's code. */
export function writeFailureMessage(code: string | undefined, shown: string): string {
  const folder = path.dirname(shown);
  switch (code) {
    case "ENOENT":
      return `Thư mục "${folder}" không tồn tại: tạo thư mục hoặc chọn --out khác.`;
    case "ENOTDIR":
      return `"${folder}" không phải thư mục: chọn --out trong một thư mục có thật.`;
    case "EISDIR":
      return `"${shown}" là một thư mục: --out phải là tên tệp, ví dụ "${path.join(shown, "ket-qua.xlsx")}".`;
    case "EACCES":
    case "EPERM":
    case "EBUSY":
      return `Không ghi được "${shown}": tệp đang mở trong Excel? Hoặc tệp, thư mục chỉ cho đọc. Đóng tệp trong Excel hoặc chọn --out ở thư mục khác rồi chạy lại.`;
    case "EROFS":
      return `Không ghi được "${shown}": ổ đĩa chỉ cho đọc (USB khoá ghi, đĩa CD, thư mục mạng chỉ đọc). Chọn --out ở ổ đĩa khác.`;
    case "ENOSPC":
    case "EDQUOT":
      return `Không ghi được "${shown}": ổ đĩa đã đầy. Giải phóng chỗ trống hoặc chọn --out ở ổ đĩa khác; tệp cũ (nếu có) vẫn giữ nguyên.`;
    case "ENAMETOOLONG":
      return `Tên hoặc đường dẫn "${shown}" quá dài: chọn --out ngắn hơn.`;
    case "EEXIST":
      return `Không tạo được tệp tạm trong "${folder}": chạy lại lệnh.`;
    default:
      return `Không ghi được "${shown}"${code ? ` (mã lỗi ${code})` : ""}: kiểm tra thư mục, quyền ghi và chỗ trống trên ổ đĩa, hoặc chọn --out khác.`;
  }
}

/**
 * The last-resort message for an error nobody foresaw (a bug): short, Vietnamese, where to
 * report it. The technical line helps whoever fixes it; the stack only with CHAM_DIEM_DEBUG=1.
 */
export function unexpectedErrorMessage(
  error: unknown,
  env: NodeJS.ProcessEnv = process.env
): string {
  const detail =
    error instanceof Error ? `${error.name}: ${error.message}` : String(error ?? "không rõ");
  const firstLine = detail.split("\n")[0].slice(0, 300);
  const lines = [
    "Lỗi không mong đợi: công cụ gặp lỗi chưa lường trước và đã dừng. Tệp gốc không bị thay đổi.",
    `Hãy gửi tệp và lệnh đã chạy tới ${REPORT_TO}, kèm dòng sau:`,
    `  ${firstLine}`,
  ];
  if (env.CHAM_DIEM_DEBUG === "1" && error instanceof Error && error.stack) lines.push(error.stack);
  return `${lines.join("\n")}\n`;
}

/**
 * What a file is, by its bytes (never by its name): a zip package, an OLE2/CFB file
 * (Excel 97-2003 or a password-protected Office file), text (CSV), empty, or unknown.
 * A zip is told apart further (workbook, .ods, .xlsb, .docx…) once its entries are listed,
 * in package.ts; the messages for every kind are here, one place.
 */
import { PackageError } from "./package-error";

export type ByteKind = "zip" | "cfb" | "encrypted" | "empty" | "text" | "unknown";

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** "EncryptedPackage" as a CFB directory entry name stores it (UTF-16LE). */
const ENCRYPTED_PACKAGE_UTF16 = utf16le("EncryptedPackage");

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) bytes[i * 2] = text.charCodeAt(i);
  return bytes;
}

function startsWith(bytes: Uint8Array, prefix: ArrayLike<number>): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/**
 * Whether `needle` occurs in `haystack`. The needle is short and starts with a byte that is
 * rare at each position, so this stays linear in practice.
 *
 * @example containsBytes(new Uint8Array([1, 2, 3]), new Uint8Array([2, 3])) === true
 */
export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  const last = haystack.length - needle.length;
  for (let i = haystack.indexOf(first); i >= 0 && i <= last; i = haystack.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

/** Text has no NUL bytes in its first kilobytes (UTF-8/ANSI CSV, TSV, HTML "xls"). */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true; // UTF-16 BOM
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control <= sample.length / 100;
}

/**
 * The kind of a file by its first bytes (and, for OLE2, its directory names).
 *
 * @example byteKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04])) === "zip"
 */
export function byteKind(bytes: Uint8Array): ByteKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, [0x50, 0x4b])) return "zip";
  if (startsWith(bytes, CFB_SIGNATURE))
    return containsBytes(bytes, ENCRYPTED_PACKAGE_UTF16) ? "encrypted" : "cfb";
  return looksLikeText(bytes) ? "text" : "unknown";
}

const SAVE_AS_XLSX =
  "mở bằng Excel hoặc LibreOffice rồi lưu dạng .xlsx (Sổ làm việc Excel) và chạy lại với tệp .xlsx đó";

/** The message for a file of a kind that is not read. */
export function unreadableKind(
  kind: "empty" | "xls" | "encrypted" | "ods" | "text" | "xlsb" | "not-spreadsheet" | "unknown"
): PackageError {
  switch (kind) {
    case "empty":
      return new PackageError("empty", "Tệp rỗng (0 byte): chọn đúng tệp bảng tính .xlsx đã lưu.");
    case "xls":
      return new PackageError(
        "xls",
        `Đây là tệp Excel 97-2003 (.xls), công cụ chỉ đọc .xlsx/.xlsm: ${SAVE_AS_XLSX}.`
      );
    case "encrypted":
      return new PackageError(
        "encrypted",
        "Tệp có mật khẩu (đã mã hóa) nên không đọc được: gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu) rồi lưu lại và chạy lại."
      );
    case "ods":
      return new PackageError(
        "ods",
        `Đây là tệp OpenDocument (.ods), công cụ chỉ đọc .xlsx/.xlsm: ${SAVE_AS_XLSX}.`
      );
    case "text":
      return new PackageError(
        "text",
        `Đây là tệp văn bản (CSV hoặc tương tự), không phải sổ làm việc Excel: ${SAVE_AS_XLSX}.`
      );
    case "xlsb":
      return new PackageError(
        "xlsb",
        `Đây là sổ làm việc nhị phân Excel (.xlsb), công cụ chỉ đọc .xlsx/.xlsm: ${SAVE_AS_XLSX}.`
      );
    case "not-spreadsheet":
      return new PackageError(
        "not-spreadsheet",
        "Tệp là gói nén nhưng không phải sổ làm việc Excel (có thể là tệp Word, PowerPoint hoặc .zip): chọn đúng tệp bảng tính .xlsx."
      );
    case "unknown":
      return new PackageError(
        "unknown",
        `Tệp không phải sổ làm việc Excel (.xlsx/.xlsm): chọn đúng tệp, hoặc ${SAVE_AS_XLSX}.`
      );
  }
}

/** The message for a zip that cannot be opened (truncated, damaged). */
export function corruptPackage(): PackageError {
  return new PackageError(
    "corrupt",
    "Tệp bị hỏng hoặc chưa tải/chép xong (gói nén .xlsx không đọc được): lấy lại bản đầy đủ của tệp, hoặc mở bằng Excel/LibreOffice, lưu lại dạng .xlsx rồi chạy lại."
  );
}

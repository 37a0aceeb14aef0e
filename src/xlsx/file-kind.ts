/**
 * What a file is, by its bytes (never by its name): a zip package, an OLE2/CFB file
 * (Excel 97-2003 or a password-protected Office file), text (CSV), empty, or unknown.
 * A zip is told apart further (workbook, .ods, .xlsb, .docx…) once its entries are listed,
 * in package.ts; the messages for every kind are here, one place.
 */
import { PackageError } from "./package-error";

export type ByteKind = "zip" | "cfb" | "encrypted" | "encrypted-xls" | "empty" | "text" | "unknown";

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
 * The kind of a file by its first bytes (and, for OLE2, its directory names and the start
 * of its workbook stream).
 *
 * @example byteKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04])) === "zip"
 */
export function byteKind(bytes: Uint8Array): ByteKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, [0x50, 0x4b])) return "zip";
  if (startsWith(bytes, CFB_SIGNATURE)) {
    if (containsBytes(bytes, ENCRYPTED_PACKAGE_UTF16)) return "encrypted";
    return hasFilePass(bytes) ? "encrypted-xls" : "cfb";
  }
  return looksLikeText(bytes) ? "text" : "unknown";
}

/** BIFF record types: the workbook's first record (BOF, BIFF8 / BIFF5-7) and FILEPASS. */
const BOF_RECORDS = new Set([0x0809, 0x0409, 0x0209, 0x0009]);
const FILEPASS = 0x002f;
const END_OF_CHAIN = 0xfffffffe;
/** More directory sectors or records than this is a damaged file, not a workbook to look into. */
const MAX_STEPS = 4096;

/**
 * True when an OLE2/CFB file is an Excel 97-2003 workbook encrypted with a password: its
 * "Workbook" (or BIFF5 "Book") stream starts with BOF and then FILEPASS (0x002F), the record
 * that says the rest is XOR- or RC4-encrypted. Reads the directory and the stream's first
 * sector only (FILEPASS follows BOF directly); any inconsistency answers false, so a
 * damaged file is still called an .xls rather than refused for a password it may not have.
 *
 * @example hasFilePass(new Uint8Array(512)) === false
 */
export function hasFilePass(bytes: Uint8Array): boolean {
  if (bytes.length < 512 || !startsWith(bytes, CFB_SIGNATURE)) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorShift = view.getUint16(30, true);
  const miniShift = view.getUint16(32, true);
  if (sectorShift !== 9 && sectorShift !== 12) return false;
  if (miniShift !== 6) return false;
  const sectorSize = 1 << sectorShift;
  const miniCutoff = view.getUint32(56, true);
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  /** The next sector of a chain, from the FAT sectors the header lists (the first 109). */
  const nextSector = (sector: number): number | null => {
    const perSector = sectorSize / 4;
    const fatIndex = Math.floor(sector / perSector);
    if (fatIndex >= 109) return null;
    const fatSector = view.getUint32(76 + fatIndex * 4, true);
    const at = sectorOffset(fatSector) + (sector % perSector) * 4;
    return fatSector < END_OF_CHAIN && at + 4 <= bytes.length ? view.getUint32(at, true) : null;
  };
  /** The byte offset of `position` in a stream that starts at `start`, following its chain. */
  const offsetInChain = (start: number, position: number): number | null => {
    let sector = start;
    for (let skip = Math.floor(position / sectorSize), steps = 0; skip > 0; skip--) {
      const next = nextSector(sector);
      if (next === null || next >= END_OF_CHAIN || ++steps > MAX_STEPS) return null;
      sector = next;
    }
    const at = sectorOffset(sector) + (position % sectorSize);
    return at < bytes.length ? at : null;
  };

  const entries = directoryEntries(bytes, view, view.getUint32(48, true), sectorOffset, nextSector);
  const root = entries.find((e) => e.type === 5);
  const workbook = entries.find(
    (e) => e.type === 2 && (e.name === "Workbook" || e.name === "Book")
  );
  if (!root || !workbook || workbook.size < 8) return false;
  let start: number | null;
  if (workbook.size >= miniCutoff) start = offsetInChain(workbook.start, 0);
  else {
    // A small stream lives in the mini stream (the root entry's chain), in 64-byte sectors.
    const miniFat = view.getUint32(60, true);
    if (miniFat >= END_OF_CHAIN) return false;
    start = offsetInChain(root.start, workbook.start << miniShift);
  }
  if (start === null) return false;
  return startsWithBofThenFilePass(bytes, view, start, Math.min(workbook.size, 64));
}

interface DirectoryEntry {
  name: string;
  type: number;
  start: number;
  size: number;
}

/** The CFB directory entries (128 bytes each), following the directory's sector chain. */
function directoryEntries(
  bytes: Uint8Array,
  view: DataView,
  first: number,
  sectorOffset: (sector: number) => number,
  nextSector: (sector: number) => number | null
): DirectoryEntry[] {
  const entries: DirectoryEntry[] = [];
  const sectorSize = sectorOffset(0);
  for (let sector = first, steps = 0; sector < END_OF_CHAIN && steps < MAX_STEPS; steps++) {
    const base = sectorOffset(sector);
    if (base + sectorSize > bytes.length) break;
    for (let at = base; at < base + sectorSize; at += 128) {
      const nameBytes = Math.min(view.getUint16(at + 64, true), 64);
      let name = "";
      for (let i = 0; i + 2 < nameBytes; i += 2)
        name += String.fromCharCode(view.getUint16(at + i, true));
      entries.push({
        name,
        type: bytes[at + 66],
        start: view.getUint32(at + 116, true),
        size: view.getUint32(at + 120, true),
      });
    }
    const next = nextSector(sector);
    if (next === null) break;
    sector = next;
  }
  return entries;
}

/** True when the bytes at `start` are a BOF record followed by FILEPASS. */
function startsWithBofThenFilePass(
  bytes: Uint8Array,
  view: DataView,
  start: number,
  available: number
): boolean {
  if (start + 4 > bytes.length || available < 8) return false;
  if (!BOF_RECORDS.has(view.getUint16(start, true))) return false;
  const next = start + 4 + view.getUint16(start + 2, true);
  if (next + 4 > bytes.length || next - start + 4 > available) return false;
  return view.getUint16(next, true) === FILEPASS;
}

const REMOVE_PASSWORD =
  "gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu)";

const SAVE_AS_XLSX =
  "mở bằng Excel hoặc LibreOffice rồi lưu dạng .xlsx (Sổ làm việc Excel) và chạy lại với tệp .xlsx đó";

/** The message for a file of a kind that is not read. */
export function unreadableKind(
  kind:
    | "empty"
    | "xls"
    | "encrypted"
    | "encrypted-xls"
    | "ods"
    | "text"
    | "xlsb"
    | "not-spreadsheet"
    | "unknown"
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
        `Tệp có mật khẩu (đã mã hóa) nên không đọc được: ${REMOVE_PASSWORD} rồi lưu lại và chạy lại.`
      );
    case "encrypted-xls":
      return new PackageError(
        "encrypted",
        `Tệp Excel 97-2003 (.xls) này có mật khẩu (đã mã hóa) nên không đọc được, kể cả khi đổi tên thành .xlsx: mở tệp bằng Excel, nhập mật khẩu, ${REMOVE_PASSWORD}, rồi lưu dạng .xlsx (Sổ làm việc Excel) và chạy lại với tệp .xlsx đó (LibreOffice: mở tệp, nhập mật khẩu, Tệp → Lưu thành, chọn định dạng Excel 2007-365 (.xlsx) và bỏ chọn "Lưu với mật khẩu").`
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

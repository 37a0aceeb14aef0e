/**
 * Rows under or inside an appendix table that are not tasks: totals ("Tổng cộng", "Cộng"),
 * notes ("Ghi chú: …", "* …"), link notes, the signature block ("TM. ỦY BAN NHÂN DÂN",
 * "KT. CHỦ TỊCH", "NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)", the signer's name under it)
 * and the recipients list ("Nơi nhận:", "- Như trên;", "- Lưu: VT.").
 *
 * Each form is a small pattern over the row's texts (normalizeVi: NFC, lower case).
 */
import { normalizeVi } from "../parse/text";

/**
 * total and note and link rows are skipped; signature and recipients rows end the table
 * (everything under them, such as the signer's name, is not part of it).
 */
export type FooterKind = "total" | "note" | "link" | "signature" | "recipients";

/** Whether the table goes on after a footer row of this kind. */
export function endsTable(kind: FooterKind): boolean {
  return kind === "signature" || kind === "recipients";
}

const TOTAL_LABELS = new Set([
  "tổng cộng",
  "cộng",
  "tổng",
  "tổng số",
  "cộng chung",
  "tổng cộng điểm",
]);

/**
 * A totals label: "Tổng cộng", "TỔNG CỘNG:", "Cộng".
 *
 * @example isTotalLabel("TỔNG CỘNG:") === true
 */
export function isTotalLabel(text: string): boolean {
  return TOTAL_LABELS.has(normalizeVi(text).replace(/[\s:.]+$/, ""));
}

/**
 * A note under a table: "Ghi chú: …", "Lưu ý: …", "Chú thích: …", "* …", "(*) …".
 *
 * @example isNoteText("Ghi chú: Điểm thẩm định do quận chấm") === true
 */
export function isNoteText(text: string): boolean {
  const key = normalizeVi(text);
  return /^(?:ghi chú|lưu ý|chú thích|chú ý)\s*[:\-–]/.test(key) || /^(?:\*|\(\*\))/.test(key);
}

/**
 * A note that only points somewhere: a bare link, or "Link: …", "Đường dẫn: …".
 *
 * @example isLinkNote("Tài liệu xem tại: https://dienban.danang.gov.vn/cchc") === true
 */
export function isLinkNote(text: string): boolean {
  const key = normalizeVi(text);
  return (
    /^(?:link|đường link|đường dẫn|liên kết)\s*[:\-–]/.test(key) ||
    /^\S*https?:\/\/|tại:?\s*https?:\/\//.test(key)
  );
}

const TITLE_WORDS = new Set([
  "chủ tịch",
  "phó chủ tịch",
  "người lập biểu",
  "người lập bảng",
  "người lập",
  "người tổng hợp",
  "thủ trưởng đơn vị",
  "thủ trưởng cơ quan",
  "trưởng phòng",
  "giám đốc",
  "phó giám đốc",
  "bí thư",
]);

/**
 * A line of a signature block: a title ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
 * "PHÓ CHỦ TỊCH", "NGƯỜI LẬP BIỂU"), "(Ký, ghi rõ họ tên)", or the place and date line
 * ("La Khê, ngày 20 tháng 11 năm 2025").
 *
 * @example isSignatureText("TM. ỦY BAN NHÂN DÂN") === true
 * @example isSignatureText("(Ký, ghi rõ họ tên)") === true
 */
export function isSignatureText(text: string): boolean {
  const key = normalizeVi(text).replace(/[\s.:;]+$/, "");
  if (TITLE_WORDS.has(key)) return true;
  if (/^(?:tm|t\/m|kt|tl|ttl|q|tuq)\s*\.\s*\S/.test(key)) return true;
  if (/^\(\s*ký(?:[\s,)]|$)/.test(key)) return true;
  return /^[^\d,]{2,40},\s*ngày\s+\d{0,2}\s*tháng\s+\d{0,2}\s*năm\s+\d{4}$/.test(key);
}

/**
 * A line of the recipients list: "Nơi nhận:", "- Như trên;", "- Lưu: VT.".
 *
 * @example isRecipientsText("- Lưu: VT.") === true
 */
export function isRecipientsText(text: string): boolean {
  const key = normalizeVi(text);
  return /^nơi nhận\b/.test(key) || /^[-–+]?\s*(?:như trên|lưu\s*:?\s*vt)\b/.test(key);
}

/**
 * The title of the next appendix on the same sheet: "PHỤ LỤC II", "Phụ lục 2: …",
 * "BIỂU SỐ 02", "Biểu mẫu số 3". Such a row ends the table above it, so that the header
 * under it starts a table of its own even when its columns are the same.
 *
 * @example isAppendixTitle(["PHỤ LỤC II"]) === true
 * @example isAppendixTitle(["Phụ lục kèm theo hồ sơ"]) === false
 */
export function isAppendixTitle(texts: readonly string[]): boolean {
  const cells = texts.filter((text) => text.trim() !== "");
  if (cells.length !== 1) return false;
  return /^(?:phụ lục|biểu|biểu số|biểu mẫu số|mẫu số)\s*(?:số\s*)?(?:[ivxlc]+|\d{1,3}[a-z]?)(?:$|[\s:.\-–(])/u.test(
    normalizeVi(cells[0])
  );
}

/**
 * The footer kind of a row, from its non-blank texts left to right, or null for a row
 * that may be a task.
 *
 * @example footerKind(["Tổng cộng", "", "45,5"]) === "total"
 * @example footerKind(["NGƯỜI LẬP BIỂU", "TM. ỦY BAN NHÂN DÂN"]) === "signature"
 */
export function footerKind(texts: readonly string[]): FooterKind | null {
  const cells = texts.filter((text) => text.trim() !== "");
  if (cells.length === 0) return null;
  if (isTotalLabel(cells[0])) return "total";
  if (cells.some(isRecipientsText) && cells.every((t) => isRecipientsText(t) || isSignatureText(t)))
    return "recipients";
  if (cells.every(isSignatureText)) return "signature";
  if (cells.length <= 2 && isNoteText(cells[0])) return "note";
  if (cells.length === 1 && isLinkNote(cells[0])) return "link";
  return null;
}

/**
 * Small .xlsx packages built in memory for the reader's tests and bench (fflate zipSync):
 * sheets given as their sheetData rows, everything else minimal.
 */
import { strToU8, zipSync } from "fflate";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface SheetSpec {
  name: string;
  /** The content of <sheetData> (rows). */
  rows?: string;
  /** Elements after </sheetData> (mergeCells…). */
  after?: string;
  /** Elements before <sheetData> (cols…). */
  before?: string;
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** An inline-string cell. */
export function textCell(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`;
}

/** A number cell. */
export function numberCell(ref: string, value: number, style?: number): string {
  return `<c r="${ref}"${style !== undefined ? ` s="${style}"` : ""}><v>${value}</v></c>`;
}

export function sheetXml(spec: SheetSpec): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}">${spec.before ?? ""}<sheetData>${spec.rows ?? ""}</sheetData>${spec.after ?? ""}</worksheet>`;
}

/** The parts of a workbook with these sheets (sheet parts optional, for sheet-count tests). */
export function workbookParts(
  sheets: SheetSpec[],
  options: { withSheetParts?: boolean; styles?: string } = {}
): Record<string, Uint8Array> {
  const withSheetParts = options.withSheetParts ?? true;
  const parts: Record<string, Uint8Array> = {};
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
    )
    .join("");
  parts["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${withSheetParts ? overrides : ""}</Types>`
  );
  parts["_rels/.rels"] = strToU8(
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  parts["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets
      .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("")}</sheets></workbook>`
  );
  const rels = sheets.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
  );
  if (options.styles) {
    rels.push(`<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>`);
    parts["xl/styles.xml"] = strToU8(options.styles);
  }
  parts["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`
  );
  if (withSheetParts)
    sheets.forEach((s, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s))));
  return parts;
}

export function workbookBytes(
  sheets: SheetSpec[],
  options: { withSheetParts?: boolean; styles?: string } = {}
): Uint8Array {
  return zipSync(workbookParts(sheets, options), { level: 6 });
}

/** A small appendix table (header + `rows` task rows) as sheetData rows. */
export function appendixRows(rows: number): string {
  const header = ["STT", "Nội dung nhiệm vụ", "Thời gian hoàn thành", "Tình trạng", "Kết quả"];
  const out = [`<row r="1">${header.map((h, c) => textCell(`${"ABCDE"[c]}1`, h)).join("")}</row>`];
  for (let r = 2; r <= rows + 1; r++) {
    out.push(
      `<row r="${r}">${numberCell(`A${r}`, r - 1)}${textCell(`B${r}`, `Nhiệm vụ số ${r - 1}`)}${textCell(`C${r}`, "Trước ngày 15/11/2025")}${textCell(`D${r}`, r % 2 ? "Đã hoàn thành" : "Đang thực hiện")}${textCell(`E${r}`, "100%")}</row>`
    );
  }
  return out.join("");
}

/**
 * Rewrites the uncompressed size an entry declares: in the zip's central directory and its
 * local header, as a zip bomb would (the reader must refuse from the declaration alone), or
 * with `where: "local"` in the local header only, the directory left as it was (the two
 * then disagree, as in a file built to fool a streaming reader).
 */
export function declareUncompressedSize(
  zip: Uint8Array,
  entryName: string,
  size: number,
  where: "both" | "local" = "both"
): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const name = strToU8(entryName);
  let found = false;
  for (let i = 0; i + 46 < bytes.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue; // central directory header
    const nameLength = view.getUint16(i + 28, true);
    const stored = bytes.subarray(i + 46, i + 46 + nameLength);
    if (stored.length === name.length && stored.every((b, k) => b === name[k])) {
      if (where === "both") view.setUint32(i + 24, size, true);
      const local = view.getUint32(i + 42, true);
      view.setUint32(local + 22, size, true);
      found = true;
    }
  }
  if (!found) throw new Error(`no entry ${entryName}`);
  return bytes;
}

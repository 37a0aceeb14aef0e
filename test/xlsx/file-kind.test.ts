/**
 * Files that are not .xlsx/.xlsm are told apart by their bytes (never by name), each with a
 * Vietnamese message that says what the file is and what to do.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { byteKind, containsBytes } from "../../src/xlsx/file-kind";
import { openPackage } from "../../src/xlsx/package";
import { isPackageError, type PackageError } from "../../src/xlsx/package-error";
import { convertWithLibreOffice, describeWithLibreOffice } from "../support/libreoffice";

const CORPUS = path.join(__dirname, "../fixtures/corpus");
const corpusBytes = (file: string) => new Uint8Array(readFileSync(path.join(CORPUS, file)));

/** The PackageError openPackage throws for `bytes` (fails the test if it throws none). */
function refusal(bytes: Uint8Array): PackageError {
  let caught: unknown = null;
  try {
    openPackage(bytes);
  } catch (error) {
    caught = error;
  }
  expect(isPackageError(caught)).toBe(true);
  return caught as PackageError;
}

function utf16le(text: string): number[] {
  return [...text].flatMap((ch) => [ch.charCodeAt(0), 0]);
}

/** An OLE2/CFB file: its signature, then a directory entry name further in. */
function cfb(entryName: string): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set(utf16le("Root Entry"), 1024);
  bytes.set(utf16le(entryName), 1152);
  return bytes;
}

const RELS = (target: string) =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;
const TYPES = (part: string, type: string) =>
  `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/${part}" ContentType="${type}"/></Types>`;

describe("file kinds by bytes", () => {
  it("0 bytes: says the file is empty", () => {
    const error = refusal(new Uint8Array(0));
    expect(error.code).toBe("empty");
    expect(error.message).toContain("Tệp rỗng (0 byte)");
  });

  it(".xls (OLE2 without EncryptedPackage): says Excel 97-2003 and to save as .xlsx", () => {
    const error = refusal(cfb("Workbook"));
    expect(error.code).toBe("xls");
    expect(error.message).toContain("Excel 97-2003 (.xls)");
    expect(error.message).toContain("mở bằng Excel hoặc LibreOffice rồi lưu dạng .xlsx");
  });

  it("a password-protected file (OLE2 with EncryptedPackage): says to remove the password", () => {
    const error = refusal(cfb("EncryptedPackage"));
    expect(error.code).toBe("encrypted");
    expect(error.message).toContain("mật khẩu");
    expect(error.message).toContain("gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc");
  });

  it("CSV text (UTF-8, Vietnamese): says it is text and to save as .xlsx", () => {
    const error = refusal(
      strToU8("STT,Nội dung nhiệm vụ,Tình trạng\n1,Ban hành kế hoạch,Đã hoàn thành\n")
    );
    expect(error.code).toBe("text");
    expect(error.message).toContain("tệp văn bản (CSV");
    expect(error.message).toContain("lưu dạng .xlsx");
  });

  it("an .ods (zip whose mimetype is OpenDocument): says OpenDocument", () => {
    const ods = zipSync({
      mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"),
      "content.xml": strToU8("<office:document-content/>"),
    });
    const error = refusal(ods);
    expect(error.code).toBe("ods");
    expect(error.message).toContain("OpenDocument (.ods)");
  });

  it("a truncated .xlsx: says damaged or not fully copied", () => {
    const whole = corpusBytes("lo-merged.xlsx");
    const error = refusal(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(error.code).toBe("corrupt");
    expect(error.message).toContain("bị hỏng hoặc chưa tải/chép xong");
  });

  it("a .docx (an Office zip that is no workbook): says it is not a workbook", () => {
    const docx = zipSync({
      "[Content_Types].xml": strToU8(
        TYPES(
          "word/document.xml",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
        )
      ),
      "_rels/.rels": strToU8(RELS("word/document.xml")),
      "word/document.xml": strToU8("<w:document/>"),
    });
    const error = refusal(docx);
    expect(error.code).toBe("not-spreadsheet");
    expect(error.message).toContain("không phải sổ làm việc Excel");
  });

  it("an .xlsb: says binary workbook", () => {
    const xlsb = zipSync({
      "[Content_Types].xml": strToU8(
        TYPES("xl/workbook.bin", "application/vnd.ms-excel.sheet.binary.macroEnabled.main")
      ),
      "_rels/.rels": strToU8(RELS("xl/workbook.bin")),
      "xl/workbook.bin": new Uint8Array([0x83, 0x01, 0x00]),
    });
    const error = refusal(xlsb);
    expect(error.code).toBe("xlsb");
    expect(error.message).toContain("(.xlsb)");
  });

  it("binary bytes of no known kind: says it is not an Excel workbook", () => {
    const error = refusal(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
    );
    expect(error.code).toBe("unknown");
    expect(error.message).toContain("không phải sổ làm việc Excel");
  });

  it("a workbook part with broken XML: names the part", () => {
    const broken = zipSync({
      "[Content_Types].xml": strToU8(
        TYPES(
          "xl/workbook.xml",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
        )
      ),
      "_rels/.rels": strToU8(RELS("xl/workbook.xml")),
      "xl/workbook.xml": strToU8("<workbook><sheets><sheet name='a'"),
    });
    const error = refusal(broken);
    expect(error.code).toBe("corrupt");
    expect(error.message).toContain('"xl/workbook.xml"');
  });

  it("an entity bomb in a part is refused as damaged, not expanded", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><workbook><sheets><sheet name="&b;" sheetId="1"/></sheets></workbook>`;
    const file = zipSync({
      "[Content_Types].xml": strToU8(
        TYPES(
          "xl/workbook.xml",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
        )
      ),
      "_rels/.rels": strToU8(RELS("xl/workbook.xml")),
      "xl/workbook.xml": strToU8(bomb),
    });
    expect(refusal(file).code).toBe("corrupt");
  });

  it("a valid .xlsx with comments written the openpyxl way opens", () => {
    const pkg = openPackage(corpusBytes("openpyxl-comments.xlsx"));
    expect(pkg.sheets.map((s) => s.name)).toEqual(["Phụ lục", "Danh mục"]);
  });

  it("detection helpers: byteKind and containsBytes", () => {
    expect(byteKind(corpusBytes("lo-merged.xlsx"))).toBe("zip");
    expect(byteKind(cfb("Workbook"))).toBe("cfb");
    expect(byteKind(cfb("EncryptedPackage"))).toBe("encrypted");
    expect(byteKind(new Uint8Array(0))).toBe("empty");
    expect(containsBytes(new Uint8Array([1, 2, 1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(containsBytes(new Uint8Array([1, 2, 1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
  });
});

describeWithLibreOffice("file kinds of files written by LibreOffice", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "file-kind-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("an .ods saved by LibreOffice: says OpenDocument and to save as .xlsx", () => {
    const ods = convertWithLibreOffice(path.join(CORPUS, "lo-merged.xlsx"), "ods", dir);
    const error = refusal(new Uint8Array(readFileSync(ods)));
    expect(error.code).toBe("ods");
    expect(error.message).toContain("lưu dạng .xlsx");
  });

  it("an .xls saved by LibreOffice: says Excel 97-2003", () => {
    const source = path.join(dir, "bang.xlsx");
    writeFileSync(source, readFileSync(path.join(CORPUS, "lo-merged.xlsx")));
    const xls = convertWithLibreOffice(source, "xls", dir);
    expect(refusal(new Uint8Array(readFileSync(xls))).code).toBe("xls");
  });
});

/**
 * Files that are not .xlsx/.xlsm are told apart by their bytes (never by name), each with a
 * Vietnamese message that says what the file is and what to do.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { byteKind, containsBytes, hasFilePass } from "../../src/xlsx/file-kind";
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

/** A BIFF record: type, length, body (little-endian). */
function record(type: number, body: number[]): number[] {
  return [type & 0xff, type >> 8, body.length & 0xff, body.length >> 8, ...body];
}

const BOF = record(0x0809, [0x00, 0x06, 0x05, 0x00, ...Array(12).fill(0)]); // BIFF8 workbook globals
/** FILEPASS bodies: XOR obfuscation (type 0, key, verifier) and RC4 (type 1, version 1.1, salt…). */
const XOR_FILEPASS = record(0x002f, [0x00, 0x00, 0x34, 0x12, 0x78, 0x56]);
const RC4_FILEPASS = record(0x002f, [0x01, 0x00, 0x01, 0x00, 0x01, 0x00, ...Array(48).fill(0xab)]);
const WINDOW1 = record(0x003d, Array(18).fill(0));

/**
 * A real-shaped CFB file (version 3, 512-byte sectors) holding one "Workbook" stream: the
 * header, one FAT sector, one directory sector, then the stream. A stream of at least 4096
 * bytes lives in regular sectors; a shorter one in the mini stream (64-byte sectors, the
 * root entry's chain), as in a small .xls.
 */
function biffFile(records: number[], streamName = "Workbook", streamSize = 4096): Uint8Array {
  const mini = streamSize < 4096;
  const stream = new Uint8Array(Math.max(streamSize, records.length));
  stream.set(records);
  const dataSectors = Math.ceil(stream.length / 512);
  // Sectors: 0 FAT, 1 directory, 2 mini FAT (when mini), then data.
  const firstData = mini ? 3 : 2;
  const bytes = new Uint8Array(512 * (1 + firstData + dataSectors));
  const view = new DataView(bytes.buffer);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(24, 0x003e, true);
  view.setUint16(26, 3, true);
  view.setUint16(28, 0xfffe, true);
  view.setUint16(30, 9, true); // 512-byte sectors
  view.setUint16(32, 6, true); // 64-byte mini sectors
  view.setUint32(44, 1, true); // one FAT sector
  view.setUint32(48, 1, true); // directory at sector 1
  view.setUint32(56, 4096, true);
  view.setUint32(60, mini ? 2 : 0xfffffffe, true);
  view.setUint32(64, mini ? 1 : 0, true);
  view.setUint32(68, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) view.setUint32(76 + i * 4, i === 0 ? 0 : 0xffffffff, true);
  const fat = (sector: number, next: number) => view.setUint32(512 + sector * 4, next, true);
  for (let i = 0; i < 128; i++) fat(i, 0xffffffff);
  fat(0, 0xfffffffd); // the FAT's own sector
  fat(1, 0xfffffffe);
  if (mini) fat(2, 0xfffffffe);
  for (let i = 0; i < dataSectors; i++)
    fat(firstData + i, i + 1 < dataSectors ? firstData + i + 1 : 0xfffffffe);
  const entry = (index: number, name: string, type: number, start: number, size: number) => {
    const at = 1024 + index * 128;
    for (let i = 0; i < name.length; i++) view.setUint16(at + i * 2, name.charCodeAt(i), true);
    view.setUint16(at + 64, (name.length + 1) * 2, true);
    bytes[at + 66] = type;
    view.setUint32(at + 116, start, true);
    view.setUint32(at + 120, size, true);
  };
  entry(0, "Root Entry", 5, mini ? firstData : 0xfffffffe, mini ? dataSectors * 512 : 0);
  entry(1, streamName, 2, mini ? 0 : firstData, streamSize);
  bytes.set(stream, 512 * (1 + firstData));
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

  it.each([
    ["XOR", XOR_FILEPASS, "Workbook", 4096],
    ["RC4", RC4_FILEPASS, "Workbook", 4096],
    ["RC4, in the mini stream", RC4_FILEPASS, "Workbook", 600],
    ['XOR, a BIFF5 "Book" stream', XOR_FILEPASS, "Book", 4096],
  ] as const)(
    "a password-protected .xls (FILEPASS, %s): says it has a password and how to remove it",
    (_kind, filePass, stream, size) => {
      const file = biffFile([...BOF, ...filePass, ...WINDOW1], stream, size);
      expect(hasFilePass(file)).toBe(true);
      const error = refusal(file);
      expect(error.code).toBe("encrypted");
      expect(error.message).toContain("Excel 97-2003 (.xls) này có mật khẩu");
      expect(error.message).toContain("gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc");
      expect(error.message).toContain("lưu dạng .xlsx");
    }
  );

  it("an .xls without FILEPASS is still just an Excel 97-2003 file", () => {
    for (const size of [4096, 600]) {
      const file = biffFile([...BOF, ...WINDOW1], "Workbook", size);
      expect(hasFilePass(file)).toBe(false);
      expect(refusal(file).code).toBe("xls");
    }
    // FILEPASS further in (not right after BOF) is no encryption header.
    expect(hasFilePass(biffFile([...BOF, ...WINDOW1, ...XOR_FILEPASS]))).toBe(false);
  });

  it("LibreOffice's own .xls, saved with and without a password (and the first renamed .xlsx)", () => {
    const badInput = path.join(__dirname, "../fixtures/bad-input");
    const read = (file: string) => new Uint8Array(readFileSync(path.join(badInput, file)));
    expect(byteKind(read("password.xls"))).toBe("encrypted-xls");
    expect(byteKind(read("password-renamed.xlsx"))).toBe("encrypted-xls");
    expect(refusal(read("password-renamed.xlsx")).message).toContain("có mật khẩu");
    expect(byteKind(read("plain.xls"))).toBe("cfb");
    expect(refusal(read("plain.xls")).code).toBe("xls");
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

describe("the @example lines of file-kind.ts", () => {
  it("hold as written", () => {
    expect(hasFilePass(new Uint8Array(512))).toBe(false);
    expect(byteKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe("zip");
  });
});

/**
 * openPackage's API (what the patcher builds on) and the reader's small pattern functions.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { builtInFormat, formatPattern, isDateFormat } from "../../src/xlsx/number-formats";
import { NODE_INFLATE } from "../../src/cli/node-zlib";
import {
  openPackage,
  relsPathOf,
  resolveTarget,
  xmlBoolean,
  type InflateRaw,
} from "../../src/xlsx/package";
import { decodeXString } from "../../src/xlsx/read-shared-strings";
import { isoToSerial, parseCellRef, parseRangeRef } from "../../src/xlsx/read-sheet";
import { localName } from "../../src/xlsx/xml-stream";
import { excelSerial } from "../../src/core/parse/dates";
import {
  appendixRows,
  declareUncompressedSize,
  workbookBytes,
  workbookParts,
} from "./workbook-bytes";

const CORPUS = path.join(__dirname, "../fixtures/corpus");
const open = (file: string) => openPackage(new Uint8Array(readFileSync(path.join(CORPUS, file))));

describe("openPackage", () => {
  it("finds the workbook through _rels/.rels and lists sheets in order with their parts", () => {
    const pkg = open("lo-validation-cf.xlsx");
    expect(pkg.workbookPath).toBe("xl/workbook.xml");
    expect(pkg.sheets).toEqual([
      expect.objectContaining({
        name: "Phụ lục",
        sheetId: 1,
        partPath: "xl/worksheets/sheet1.xml",
        state: "visible",
        kind: "worksheet",
      }),
      expect.objectContaining({
        name: "Danh mục",
        sheetId: 2,
        partPath: "xl/worksheets/sheet2.xml",
        state: "visible",
        kind: "worksheet",
      }),
    ]);
    expect(pkg.sheets[0].relId).toMatch(/^rId\d+$/);
    expect(pkg.stylesPath).toBe("xl/styles.xml");
    expect(pkg.sharedStringsPath).toBe("xl/sharedStrings.xml");
    expect(pkg.isMacroEnabled).toBe(false);
  });

  it("resolves absolute targets and an unusual workbook path; keeps hidden states", () => {
    const pkg = open("min-x-prefix.xlsx");
    expect(pkg.workbookPath).toBe("workbook/book.xml");
    expect(pkg.sheets.map((s) => [s.name, s.partPath, s.state, s.sheetId])).toEqual([
      ["Phụ lục", "workbook/sheets/s1.xml", "visible", 3],
      ["Ẩn", "workbook/sheets/s2.xml", "hidden", 4],
    ]);
    expect(pkg.sharedStringsPath).toBe("workbook/strings.xml");
    expect(pkg.stylesPath).toBe("workbook/styles.xml");
    expect(pkg.definedNames).toEqual([
      { name: "_ParIndex_demo_1", reference: "'Phụ lục'!$I$2:$M$2", localSheetId: 0 },
      { name: "_ParIndex_demo_1", reference: "'Ẩn'!$B$1:$F$1", localSheetId: 1 },
    ]);
  });

  it("keeps every part's bytes as stored, and reads content types and relationships", () => {
    const pkg = open("lo-chart-image-comments.xlsx");
    expect(pkg.parts.get("xl/media/image1.png")!.subarray(0, 4)).toEqual(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47])
    );
    expect(pkg.contentTypeOf("xl/charts/chart1.xml")).toBe(
      "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    );
    expect(pkg.contentTypeOf("/xl/media/image1.png")).toBe("image/png");
    const sheetRels = pkg.relationshipsOf("xl/worksheets/sheet1.xml");
    expect(sheetRels.map((r) => r.partPath)).toEqual(
      expect.arrayContaining(["xl/drawings/drawing1.xml", "xl/comments1.xml"])
    );
    expect(pkg.partText("XL/WORKBOOK.XML")).toContain("<sheets>");
    expect(pkg.findPart("XL/Workbook.xml")).toBe("xl/workbook.xml");
  });

  it("reads the 1904 flag, the macro-enabled content type, sheet-scoped names", () => {
    expect(open("lo-1904.xlsx").date1904).toBe(true);
    expect(open("lo-merged.xlsx").date1904).toBe(false);
    const macro = open("lo-macro.xlsm");
    expect(macro.isMacroEnabled).toBe(true);
    expect(macro.parts.has("xl/vbaProject.bin")).toBe(true);
    const names = open("lo-print-frozen.xlsx").definedNames;
    expect(names).toContainEqual({
      name: "_xlnm.Print_Area",
      reference: "'Phụ lục'!$A$1:$I$23",
      localSheetId: 0,
    });
  });

  it("lists a chart sheet as kind chartsheet (it has no grid)", () => {
    const parts = workbookParts([{ name: "Bảng", rows: "" }]);
    parts["xl/workbook.xml"] = strToU8(
      new TextDecoder()
        .decode(parts["xl/workbook.xml"])
        .replace("</sheets>", '<sheet name="Biểu đồ" sheetId="9" r:id="rIdC"/></sheets>')
    );
    parts["xl/_rels/workbook.xml.rels"] = strToU8(
      new TextDecoder()
        .decode(parts["xl/_rels/workbook.xml.rels"])
        .replace(
          "</Relationships>",
          '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>'
        )
    );
    const pkg = openPackage(zipSync(parts));
    expect(pkg.sheets.map((s) => [s.name, s.kind, s.partPath])).toEqual([
      ["Bảng", "worksheet", "xl/worksheets/sheet1.xml"],
      ["Biểu đồ", "chartsheet", "xl/chartsheets/sheet1.xml"],
    ]);
  });
});

describe("openPackage with the platform's inflater (Node's zlib in the CLI)", () => {
  const SAMPLE = path.join(__dirname, "..", "..", "samples", "phu-luc-par-index-2025.xlsx");
  const corpus = readdirSync(CORPUS).filter((f) => /\.xls[xm]$/.test(f));
  const counting = () => {
    const calls: number[] = [];
    const inflateRaw: InflateRaw = (data, size) => {
      calls.push(size);
      return NODE_INFLATE(data, size);
    };
    return { calls, inflateRaw };
  };
  const sameParts = (a: Map<string, Uint8Array>, b: Map<string, Uint8Array>) => {
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [name, bytes] of a) expect(Buffer.from(bytes).equals(b.get(name)!)).toBe(true);
  };

  it.each([...corpus.map((f) => path.join(CORPUS, f)), SAMPLE])(
    "gives every part of %s byte for byte as fflate alone does",
    (file) => {
      const bytes = new Uint8Array(readFileSync(file));
      const { inflateRaw } = counting();
      sameParts(openPackage(bytes, undefined, { inflateRaw }).parts, openPackage(bytes).parts);
    }
  );

  it("inflates with it when every local header states its sizes (the sample, fflate's zipSync)", () => {
    const { calls, inflateRaw } = counting();
    openPackage(new Uint8Array(readFileSync(SAMPLE)), undefined, { inflateRaw });
    expect(calls.length).toBeGreaterThan(5);
    const built = counting();
    openPackage(workbookBytes([{ name: "Phụ lục", rows: appendixRows(50) }]), undefined, {
      inflateRaw: built.inflateRaw,
    });
    expect(built.calls.length).toBeGreaterThan(3);
  });

  it("leaves a file with data descriptors (LibreOffice's) to fflate", () => {
    const { calls, inflateRaw } = counting();
    const pkg = openPackage(
      new Uint8Array(readFileSync(path.join(CORPUS, "lo-merged.xlsx"))),
      undefined,
      {
        inflateRaw,
      }
    );
    expect(calls).toEqual([]);
    expect(pkg.sheets.length).toBeGreaterThan(0);
  });

  it("lets fflate decide when the inflater fails or gives another size than the directory lists", () => {
    const bytes = workbookBytes([{ name: "Phụ lục", rows: appendixRows(50) }]);
    const throwing: InflateRaw = () => {
      throw new Error("zlib: invalid distance");
    };
    sameParts(
      openPackage(bytes, undefined, { inflateRaw: throwing }).parts,
      openPackage(bytes).parts
    );
    const short: InflateRaw = (data, size) => NODE_INFLATE(data, size).subarray(0, 1);
    sameParts(openPackage(bytes, undefined, { inflateRaw: short }).parts, openPackage(bytes).parts);
  });

  it("never lets it write more than the directory lists: a local header that says more is left to fflate", () => {
    const bytes = workbookBytes([{ name: "Phụ lục", rows: appendixRows(200) }]);
    const listed = new Map<string, number>();
    unzipSync(bytes, {
      filter: (file) => {
        listed.set(file.name, file.originalSize);
        return false;
      },
    });
    const honest = counting();
    openPackage(bytes, undefined, { inflateRaw: honest.inflateRaw });
    expect(honest.calls.sort()).toEqual([...listed.values()].filter((n) => n > 0).sort());

    const sheet = "xl/worksheets/sheet1.xml";
    const lying = declareUncompressedSize(bytes, sheet, 500 * 1024 * 1024, "local");
    const { calls, inflateRaw } = counting();
    const parts = openPackage(lying, undefined, { inflateRaw }).parts;
    expect(calls).not.toContain(500 * 1024 * 1024);
    expect(Math.max(0, ...calls)).toBeLessThanOrEqual(Math.max(...listed.values()));
    sameParts(parts, openPackage(bytes).parts);
  });

  it("refuses a lying or cut file with the same message as without it", () => {
    const bytes = workbookBytes([{ name: "Phụ lục", rows: appendixRows(200) }]);
    const outcome = (input: Uint8Array, inflateRaw?: InflateRaw) => {
      try {
        return [...openPackage(input, undefined, { inflateRaw }).parts.keys()].join();
      } catch (error) {
        return (error as Error).message;
      }
    };
    const lying = declareUncompressedSize(bytes, "xl/worksheets/sheet1.xml", 100);
    expect(outcome(lying, NODE_INFLATE)).toBe(outcome(lying));
    const cut = bytes.slice(0, Math.floor(bytes.length * 0.6));
    expect(outcome(cut, NODE_INFLATE)).toBe(outcome(cut));
    expect(outcome(cut)).toMatch(/hỏng|chưa tải/);
  });
});

describe("pattern functions", () => {
  it("resolveTarget", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe(
      "xl/worksheets/sheet1.xml"
    );
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml")).toBe(
      "xl/drawings/drawing1.xml"
    );
    expect(resolveTarget("xl/workbook.xml", "/xl/styles.xml")).toBe("xl/styles.xml");
    expect(resolveTarget("xl/workbook.xml", "./media/a%20b.png")).toBe("xl/media/a b.png");
    expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
  });

  it("relsPathOf", () => {
    expect(relsPathOf("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
    expect(relsPathOf("")).toBe("_rels/.rels");
  });

  it("xmlBoolean", () => {
    expect([
      xmlBoolean("1"),
      xmlBoolean("true"),
      xmlBoolean("0"),
      xmlBoolean("false"),
      xmlBoolean(undefined),
    ]).toEqual([true, true, false, false, false]);
  });

  it("localName", () => {
    expect(localName("x:c")).toBe("c");
    expect(localName("row")).toBe("row");
  });

  it("parseCellRef", () => {
    expect(parseCellRef("AB12")).toEqual({ column: 27, row: 12 });
    expect(parseCellRef("$A$1")).toEqual({ column: 0, row: 1 });
    expect(parseCellRef("XFD1048576")).toEqual({ column: 16383, row: 1048576 });
    expect(parseCellRef("XFE1")).toBeNull();
    expect(parseCellRef("A1048577")).toBeNull();
    expect(parseCellRef("12")).toBeNull();
    expect(parseCellRef("C")).toEqual({ column: 2, row: 0 });
  });

  it("parseRangeRef", () => {
    expect(parseRangeRef("B2:C3")).toEqual({ top: 1, left: 1, bottom: 2, right: 2 });
    expect(parseRangeRef("C3:B2")).toEqual({ top: 1, left: 1, bottom: 2, right: 2 });
    expect(parseRangeRef("B2")).toBeNull();
  });

  it("isoToSerial", () => {
    expect(isoToSerial("2025-11-10")).toBe(excelSerial("2025-11-10"));
    expect(isoToSerial("2025-11-10T12:00:00Z")).toBe(excelSerial("2025-11-10") + 0.5);
    expect(isoToSerial("1900-01-01")).toBe(1);
    expect(isoToSerial("10/11/2025")).toBeNull();
  });

  it("decodeXString", () => {
    expect(decodeXString("a_x000D_b")).toBe("a\rb");
    expect(decodeXString("x_x005F_y")).toBe("x_y");
    expect(decodeXString("plain")).toBe("plain");
  });

  it("builtInFormat, formatPattern, isDateFormat", () => {
    expect(builtInFormat(14)).toBe("mm-dd-yy");
    expect(builtInFormat(10)).toBe("0.00%");
    expect(builtInFormat(999)).toBe("General");
    expect(formatPattern('dd/mm/yyyy" (hạn)"')).toBe("dd/mm/yyyy");
    expect(formatPattern("[$-42A]dd/mm/yyyy;[Red]@")).toBe("dd/mm/yyyy;@");
    expect(isDateFormat("dd/mm/yyyy")).toBe(true);
    expect(isDateFormat("[$-409]dd/mm/yyyy")).toBe(true);
    expect(isDateFormat("mmm-yy")).toBe(true);
    expect(isDateFormat("h:mm")).toBe(false);
    expect(isDateFormat("[h]:mm:ss")).toBe(false);
    expect(isDateFormat("0.0%")).toBe(false);
    expect(isDateFormat("General")).toBe(false);
    expect(isDateFormat('0" ngày"')).toBe(false);
    expect(isDateFormat("0.00E+00")).toBe(false);
  });
});

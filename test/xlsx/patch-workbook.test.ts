import { readFileSync } from "node:fs";
import path from "node:path";
import { DOMParser, type Element } from "@xmldom/xmldom";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { criteriaSetToSheet } from "../../src/core/criteria/criteria-sheet";
import { CRITERIA_SHEET_NAME } from "../../src/core/read/output-columns";
import { scoreWorkbook } from "../../src/core/run";
import { parseCriteriaSet } from "../../src/core/criteria/schema";
import { SUMMARY_MARKER_NAME } from "../../src/core/write/summary-sheet";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { NODE_COMPRESSOR } from "../../src/cli/node-zlib";
import { openPackage } from "../../src/xlsx/package";
import { patchWorkbook } from "../../src/xlsx/patch-workbook";
import { comparePackages, unzipParts } from "../support/package-compare";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "samples", "phu-luc-par-index-2025.xlsx");
const parsedSet = parseCriteriaSet(
  JSON.parse(readFileSync(path.join(ROOT, "src/core/criteria-sets/dien-ban-2025.json"), "utf8"))
);
if (!parsedSet.ok) throw new Error("built-in criteria set does not parse");
const CRITERIA = parsedSet.value;
const TODAY = "2025-11-20";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Scores `bytes` as the CLI does (same reader, core and patcher) and returns the copy. */
async function score(bytes: Uint8Array): Promise<Uint8Array> {
  const book = readWorkbook(bytes);
  const run = scoreWorkbook(
    book.sheets.map((s) => s.grid),
    {
      criteria: CRITERIA,
      today: TODAY,
      workbook: { sheetNames: book.package.sheets.map((s) => s.name), names: book.names },
    }
  );
  expect(run.blocked).toBeNull();
  return patchWorkbook(bytes, { plans: run.plans, summary: run.summarySheet }, {}, book);
}

/** Value and full style of every cell of a sheet in columns 1..lastColumn. */
function userCells(sheet: ExcelJS.Worksheet, lastColumn: number): string[] {
  const cells: string[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    for (let c = 1; c <= lastColumn; c++) {
      const cell = sheet.getCell(r, c);
      cells.push(
        `${cell.address}=${JSON.stringify(cell.value)}|${cell.numFmt ?? ""}|${JSON.stringify(cell.font ?? null)}|${JSON.stringify(cell.fill ?? null)}|${JSON.stringify(cell.border ?? null)}|${JSON.stringify(cell.alignment ?? null)}`
      );
    }
  }
  return cells;
}

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

function namesOf(workbookXml: string): Array<{ name: string; local: string | null; ref: string }> {
  const list = new DOMParser()
    .parseFromString(workbookXml, "text/xml")
    .getElementsByTagName("definedName");
  const out = [];
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as Element;
    out.push({
      name: e.getAttribute("name")!,
      local: e.getAttribute("localSheetId"),
      ref: e.textContent ?? "",
    });
  }
  return out;
}

/** The sample with a user's own "Tổng hợp" sheet, names of both scopes and shared styles. */
async function richSample(): Promise<Uint8Array> {
  const workbook = await load(readFileSync(SAMPLE));
  const own = workbook.addWorksheet("Tổng hợp");
  own.getCell("A1").value = "Tổng hợp của văn phòng";
  own.getCell("B2").value = { formula: "1+1", result: 2 };
  workbook.definedNames.add("'Tổng hợp'!$B$2", "TongSoCuaVanPhong");
  const written = new Uint8Array(await workbook.xlsx.writeBuffer());
  // ExcelJS does not write sheet-scoped names: add one to the workbook part as Excel would.
  const files: Record<string, Uint8Array> = {};
  for (const [name, data] of unzipParts(written)) files[name] = data;
  const sheetName = workbook.worksheets[0].name;
  files["xl/workbook.xml"] = strToU8(
    text(files["xl/workbook.xml"]).replace(
      "</definedNames>",
      `<definedName name="VungIn" localSheetId="0">'${sheetName}'!$A$1:$H$31</definedName></definedNames>`
    )
  );
  return zipSync(files);
}

describe("patchWorkbook on the sample workbook", () => {
  const input = new Uint8Array(readFileSync(SAMPLE));
  let copy: Uint8Array;
  beforeAll(async () => {
    copy = await score(input);
  });

  it("copies every part it has no reason to touch byte for byte, and keeps every element of the parts it changes", () => {
    const pkg = openPackage(input);
    const scoredParts = new Set(pkg.sheets.map((s) => s.partPath));
    const changed = new Set([
      "[Content_Types].xml",
      pkg.workbookPath,
      "xl/_rels/workbook.xml.rels",
      pkg.stylesPath!,
      ...scoredParts,
    ]);
    expect(comparePackages(input, copy, { changedParts: (part) => changed.has(part) })).toEqual([]);
    const before = unzipParts(input);
    const untouched = [...before.keys()].filter((part) => !changed.has(part));
    expect(untouched.length).toBeGreaterThan(3);
  });

  it("leaves the user's cells as ExcelJS reads them: values, fonts, fills, borders, formats", async () => {
    const before = await load(input);
    const after = await load(copy);
    for (const sheet of before.worksheets) {
      const lastUserColumn = sheet.name === before.worksheets[0].name ? 8 : 9;
      expect(userCells(after.getWorksheet(sheet.name)!, lastUserColumn)).toEqual(
        userCells(sheet, lastUserColumn)
      );
    }
  });

  it("writes our header, numbers and the summary sheet readable by ExcelJS", async () => {
    const after = await load(copy);
    const sheet = after.worksheets[0];
    expect(sheet.getCell("I5").value).toBe("Điểm tính toán (tự động)");
    expect(sheet.getCell("I5").font?.bold).toBe(true);
    expect(sheet.getCell("L10").numFmt).toBe("dd/mm/yyyy");
    expect(sheet.getCell("A10").font?.bold).not.toBe(true);
    const summary = after.getWorksheet("Tổng hợp")!;
    expect(String(summary.getCell("A1").value)).toContain("TỔNG HỢP");
  });

  it("adds a native bar chart to the summary sheet (drawing, chart, relationships, content types)", () => {
    const parts = unzipParts(copy);
    const chart = [...parts.keys()].find((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))!;
    expect(chart).toBeDefined();
    expect(text(parts.get(chart))).toContain('<c:barDir val="bar"/>');
    expect(text(parts.get("[Content_Types].xml"))).toContain(`PartName="/${chart}"`);
    const pkg = openPackage(copy);
    const summary = pkg.sheets.find((s) => s.name === "Tổng hợp")!;
    const drawing = pkg.relationshipsOf(summary.partPath).find((r) => r.type.endsWith("/drawing"))!;
    expect(pkg.relationshipsOf(drawing.partPath)[0].partPath).toBe(chart);
  });

  it("changes no part when the copy is scored again", async () => {
    const again = await score(copy);
    const first = unzipParts(copy);
    const second = unzipParts(again);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [part, bytes] of first)
      expect([part, text(second.get(part))]).toEqual([part, text(bytes)]);
  });
});

describe("patchWorkbook and what belongs to the user", () => {
  let input: Uint8Array;
  let copy: Uint8Array;
  beforeAll(async () => {
    input = await richSample();
    copy = await score(input);
  });

  it("never touches the user's own 'Tổng hợp' sheet: ours goes to 'Tổng hợp (tự động)', marked by a name", () => {
    const before = openPackage(input);
    const after = openPackage(copy);
    const users = before.sheets.find((s) => s.name === "Tổng hợp")!;
    expect(text(after.parts.get(users.partPath))).toBe(text(before.parts.get(users.partPath)));
    expect(after.sheets.map((s) => s.name)).toEqual([
      ...before.sheets.map((s) => s.name),
      "Tổng hợp (tự động)",
    ]);
    const marker = after.definedNames.find((n) => n.name === SUMMARY_MARKER_NAME)!;
    expect(marker.reference).toBe("'Tổng hợp (tự động)'!$A$1");
  });

  it("keeps the user's names: the workbook one unchanged, the sheet-scoped one with its localSheetId", () => {
    const before = namesOf(text(unzipParts(input).get("xl/workbook.xml")));
    const after = namesOf(text(unzipParts(copy).get("xl/workbook.xml")));
    for (const name of before) expect(after).toContainEqual(name);
    expect(after).toContainEqual(expect.objectContaining({ name: "VungIn", local: "0" }));
    expect(after.filter((n) => n.name.startsWith("_ParIndex_")).length).toBeGreaterThan(0);
  });

  it("re-uses our marked summary sheet on a re-run and changes nothing, the kept-sheet notice included", async () => {
    const again = await score(copy);
    const first = unzipParts(copy);
    const second = unzipParts(again);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [part, bytes] of first) {
      expect([part, text(second.get(part))]).toEqual([part, text(bytes)]);
    }
    const ours = openPackage(copy).sheets.find((s) => s.name === "Tổng hợp (tự động)")!.partPath;
    const strings = text(second.get("xl/sharedStrings.xml")) + text(second.get(ours));
    expect(strings).toContain("kết quả tổng hợp ghi vào trang");
    expect(strings).toContain("TỔNG HỢP CHẤM ĐIỂM");
  });
});

describe("patchWorkbook on a macro-enabled workbook", () => {
  it("keeps vbaProject.bin and the macro-enabled content type", async () => {
    const parts = unzipParts(readFileSync(SAMPLE));
    const vba = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4, 5]);
    const types = text(parts.get("[Content_Types].xml"))
      .replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
      )
      .replace(
        "</Types>",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'
      );
    const rels = text(parts.get("xl/_rels/workbook.xml.rels")).replace(
      "</Relationships>",
      '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'
    );
    const files: Record<string, Uint8Array> = {};
    for (const [name, bytes] of parts) files[name] = bytes;
    files["[Content_Types].xml"] = strToU8(types);
    files["xl/_rels/workbook.xml.rels"] = strToU8(rels);
    files["xl/vbaProject.bin"] = vba;
    const xlsm = zipSync(files);
    expect(openPackage(xlsm).isMacroEnabled).toBe(true);

    const copy = await score(xlsm);
    const pkg = openPackage(copy);
    expect(pkg.isMacroEnabled).toBe(true);
    expect(pkg.parts.get("xl/vbaProject.bin")).toEqual(vba);
    expect(pkg.workbookRelationships.some((r) => r.id === "rIdVba")).toBe(true);
  });
});

describe("patchWorkbook with a criteria sheet", () => {
  const input = new Uint8Array(readFileSync(SAMPLE));
  const content = criteriaSetToSheet(CRITERIA);

  it("appends a 'Bộ tiêu chí' sheet that reads back as the same values", async () => {
    const copy = patchWorkbook(input, {
      plans: [],
      criteriaSheet: { content, name: CRITERIA_SHEET_NAME, replace: false },
    });
    const pkg = openPackage(copy);
    expect(pkg.sheets.map((s) => s.name)).toContain(CRITERIA_SHEET_NAME);
    const sheet = (await load(copy)).getWorksheet(CRITERIA_SHEET_NAME)!;
    expect(sheet.getCell(content.headerRow + 1, 1).value).toBe(
      content.values[content.headerRow][0]
    );
    expect(
      comparePackages(input, copy, {
        changedParts: (p) =>
          [
            "[Content_Types].xml",
            "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels",
            "xl/styles.xml",
          ].includes(p),
      })
    ).toEqual([]);
  });

  it("refuses to replace an existing one unless asked, and replaces it when asked", async () => {
    const once = patchWorkbook(input, {
      plans: [],
      criteriaSheet: { content, name: CRITERIA_SHEET_NAME, replace: false },
    });
    expect(() =>
      patchWorkbook(once, {
        plans: [],
        criteriaSheet: { content, name: "BỘ TIÊU CHÍ", replace: false },
      })
    ).toThrow(/replace/);
    const twice = patchWorkbook(once, {
      plans: [],
      criteriaSheet: { content, name: CRITERIA_SHEET_NAME, replace: true },
    });
    expect(openPackage(twice).sheets.filter((s) => s.name === CRITERIA_SHEET_NAME)).toHaveLength(1);
  });
});

describe("patchWorkbook with the platform's compressor", () => {
  it("writes the same parts as with fflate's, in the same order, readable by fflate and ExcelJS", async () => {
    const input = new Uint8Array(readFileSync(SAMPLE));
    const book = readWorkbook(input);
    const run = scoreWorkbook(
      book.sheets.map((s) => s.grid),
      {
        criteria: CRITERIA,
        today: TODAY,
        workbook: { sheetNames: book.package.sheets.map((s) => s.name), names: book.names },
      }
    );
    const edits = {
      plans: run.plans,
      summary: run.summarySheet,
    };
    const plain = unzipParts(patchWorkbook(input, edits));
    const native = patchWorkbook(input, edits, { compressor: NODE_COMPRESSOR });
    const parts = unzipParts(native);
    expect([...parts.keys()]).toEqual([...plain.keys()]);
    for (const [part, bytes] of plain) expect([part, parts.get(part)]).toEqual([part, bytes]);
    expect((await load(native)).worksheets.length).toBe(book.sheets.length + 1);
  });
});

describe("comparePackages", () => {
  const input = new Uint8Array(readFileSync(SAMPLE));
  let copy: Uint8Array;
  beforeAll(async () => {
    copy = await score(input);
  });
  const repack = (bytes: Uint8Array, part: string, change: (xml: string) => string) => {
    const files: Record<string, Uint8Array> = {};
    for (const [name, data] of unzipParts(bytes)) files[name] = data;
    files[part] = strToU8(change(text(files[part])));
    return zipSync(files);
  };
  const changed = (p: string) => p.startsWith("xl/worksheets/") || p === "xl/styles.xml";

  it("fails when a user's cell changed inside a part the run may change", () => {
    const planted = repack(copy, "xl/worksheets/sheet1.xml", (xml) =>
      xml.replace('<c r="A6" s="2" t="s"><v>11</v>', '<c r="A6" s="2" t="s"><v>12</v>')
    );
    expect(text(unzipParts(planted).get("xl/worksheets/sheet1.xml"))).not.toBe(
      text(unzipParts(copy).get("xl/worksheets/sheet1.xml"))
    );
    const problems = comparePackages(input, planted, {
      changedParts: changed,
      mayRemove: () => false,
    });
    expect(problems.join("\n")).toContain("xl/worksheets/sheet1.xml");
  });

  it("fails when a part the run had no reason to touch differs", () => {
    const planted = repack(copy, "xl/theme/theme1.xml", (xml) => xml.replace("Office", "Offica"));
    expect(comparePackages(input, planted, { changedParts: changed })).toContainEqual(
      "xl/theme/theme1.xml: changed, but the run had no reason to touch it"
    );
  });
});

import { DOMParser, type Element } from "@xmldom/xmldom";
import { OUTPUT_COLUMNS } from "../../src/core/read/output-columns";
import type { PlannedCell, TableWritePlan } from "../../src/core/write/write-plan";
import { patchSheetXml } from "../../src/xlsx/patch-sheet";
import { StylesPatch } from "../../src/xlsx/patch-styles";
import { compareXml } from "../support/package-compare";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="13"/><name val="Times New Roman"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function sheet(body: string, tail = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}"><dimension ref="A1:B4"/>${body}${tail}</worksheet>`;
}

/** A table plan whose block starts at `origin` (header row) with the given data rows. */
function planAt(origin: { row: number; column: string }, rows: PlannedCell[][]): TableWritePlan {
  const last = String.fromCharCode(origin.column.charCodeAt(0) + 4);
  const due = String.fromCharCode(origin.column.charCodeAt(0) + 3);
  const firstData = origin.row + 1;
  const lastRow = origin.row + rows.length;
  return {
    top: origin.row - 1,
    left: origin.column.charCodeAt(0) - 65,
    range: `${origin.column}${origin.row}:${last}${lastRow}`,
    columns: OUTPUT_COLUMNS.map((c) => c.key),
    ownedBefore: 0,
    values: [OUTPUT_COLUMNS.map((c) => c.header), ...rows],
    numberFormats: ["0.00", "0.00", "@", "dd/mm/yyyy", "General"],
    widths: OUTPUT_COLUMNS.map((c) => c.width),
    conditionalRules: [
      {
        kind: "overdue",
        range: `A${firstData}:${last}${lastRow}`,
        formula: `AND(ISNUMBER($${due}${firstData}),$${due}${firstData}<TODAY(),NOT(FALSE))`,
      },
      {
        kind: "dueSoon",
        range: `A${firstData}:${last}${lastRow}`,
        formula: `AND(ISNUMBER($${due}${firstData}),$${due}${firstData}>=TODAY(),$${due}${firstData}<=TODAY()+7,NOT(FALSE))`,
      },
    ],
    dueLetter: due,
    statusLetter: null,
    stateFormulaR1C1: "",
    headerOffsets: [0],
  };
}

function parse(xml: string) {
  return new DOMParser().parseFromString(xml, "text/xml");
}

function cells(xml: string): Map<string, Element> {
  const map = new Map<string, Element>();
  const list = parse(xml).getElementsByTagNameNS(NS, "c");
  for (let i = 0; i < list.length; i++) map.set(list[i].getAttribute("r")!, list[i]);
  return map;
}

function textOf(cell: Element | undefined): string | null {
  if (!cell) return null;
  const t = cell.getElementsByTagNameNS(NS, "t")[0] ?? cell.getElementsByTagNameNS(NS, "v")[0];
  return t ? (t.textContent ?? "") : null;
}

const patch = (xml: string, tables: TableWritePlan[], date1904 = false) => {
  const styles = new StylesPatch(STYLES);
  return { xml: patchSheetXml(xml, tables, { styles, date1904 }), styles };
};

describe("patchSheetXml", () => {
  const original = sheet(
    `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>1.5</v></c></row>` +
      `<row r="2"><c r="A2"><v>1</v></c><c r="H2" s="1"><v>7</v></c></row>` +
      `<row r="4" spans="1:2"><c r="A4"><v>3</v></c></row></sheetData>`,
    `<mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="A2"><formula1>"x,y"</formula1></dataValidation></dataValidations><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`
  );
  const table = planAt({ row: 1, column: "C" }, [
    [1.5, 2, "⚠ cảnh báo", 45930, { value: "Quá hạn 51 ngày" }],
    [3, 3, "-", "Định kỳ", { value: "Định kỳ" }],
    [0, 1, "=1+1", "1.10", { value: "Thường xuyên" }],
  ]);
  const { xml } = patch(original, [table]);

  it("keeps every element that was there, unchanged and in order", () => {
    expect(compareXml(original, xml)).toEqual([]);
  });

  it("puts our cells inside existing rows in column order and creates missing rows in order", () => {
    const refs = [...cells(xml).keys()];
    expect(refs).toEqual([
      ...["A1", "B1", "C1", "D1", "E1", "F1", "G1"],
      ...["A2", "C2", "D2", "E2", "F2", "G2", "H2"],
      ...["C3", "D3", "E3", "F3", "G3"],
      ...["A4", "C4", "D4", "E4", "F4", "G4"],
    ]);
    const rows = parse(xml).getElementsByTagNameNS(NS, "row");
    expect([...Array(rows.length).keys()].map((i) => rows[i].getAttribute("r"))).toEqual([
      "1",
      "2",
      "3",
      "4",
    ]);
  });

  it("writes texts as inline strings, so '=1+1' and '1.10' stay text", () => {
    const all = cells(xml);
    expect(all.get("E4")!.getAttribute("t")).toBe("inlineStr");
    expect(textOf(all.get("E4"))).toBe("=1+1");
    expect(all.get("F4")!.getAttribute("t")).toBe("inlineStr");
    expect(textOf(all.get("F4"))).toBe("1.10");
    expect(textOf(all.get("C1"))).toBe(OUTPUT_COLUMNS[0].header);
  });

  it("writes the state column as one shared formula with cached texts", () => {
    const all = cells(xml);
    const master = all.get("G2")!.getElementsByTagNameNS(NS, "f")[0];
    expect(master.getAttribute("t")).toBe("shared");
    expect(master.getAttribute("ref")).toBe("G2:G4");
    expect(textOf(all.get("E3"))).toBe("-");
    expect(master.textContent).toContain("TODAY()-F2");
    const follower = all.get("G4")!.getElementsByTagNameNS(NS, "f")[0];
    expect(follower.getAttribute("si")).toBe(master.getAttribute("si"));
    expect(follower.textContent).toBe("");
    expect(textOf(all.get("G4"))).toBe("Thường xuyên");
  });

  it("gives our cells new styles and leaves the user's cells' styles alone", () => {
    const all = cells(xml);
    expect(all.get("B1")!.getAttribute("s")).toBe("1");
    expect(Number(all.get("C2")!.getAttribute("s"))).toBeGreaterThanOrEqual(2);
  });

  it("adds conditional formats after mergeCells and before dataValidations", () => {
    const root = parse(xml).documentElement!;
    const order: string[] = [];
    for (let node = root.firstChild; node; node = node.nextSibling)
      if (node.nodeType === 1) order.push((node as Element).localName!);
    const at = (name: string) => order.indexOf(name);
    expect(at("conditionalFormatting")).toBeGreaterThan(at("mergeCells"));
    expect(at("conditionalFormatting")).toBeLessThan(at("dataValidations"));
  });

  it("grows the dimension and the row spans to cover our block", () => {
    expect(parse(xml).getElementsByTagNameNS(NS, "dimension")[0].getAttribute("ref")).toBe("A1:G4");
    const row4 = parse(xml).getElementsByTagNameNS(NS, "row")[3];
    expect(row4.getAttribute("spans")).toBe("1:7");
  });

  it("adds <cols> for our columns only", () => {
    const cols = parse(xml).getElementsByTagNameNS(NS, "col");
    expect(cols.length).toBe(5);
    expect(cols[0].getAttribute("min")).toBe("3");
    expect(cols[4].getAttribute("max")).toBe("7");
  });

  it("changes nothing when run again on its own result", () => {
    const again = patch(xml, [table]).xml;
    expect(again).toBe(xml);
  });

  it("clears an earlier run's value on a row that is no longer a task, keeping the cell's format", () => {
    const emptied = planAt({ row: 1, column: "C" }, [
      ["", "", "", "", ""],
      [3, 3, "-", "Định kỳ", { value: "Định kỳ" }],
      [0, 1, "=1+1", "1.10", { value: "Thường xuyên" }],
    ]);
    const second = patch(xml, [emptied]).xml;
    const all = cells(second);
    expect(textOf(all.get("C2"))).toBeNull();
    expect(all.get("C2")!.getAttribute("s")).toBe(cells(xml).get("C2")!.getAttribute("s"));
    expect(textOf(all.get("C4"))).toBe("0");
  });
});

describe("patchSheetXml on rows and cells without r attributes", () => {
  it("computes positions as the spec says (next row, next column)", () => {
    const original = sheet(
      `<sheetData><row><c t="inlineStr"><is><t>STT</t></is></c><c><v>2</v></c></row><row><c><v>1</v></c></row></sheetData>`
    );
    const table = planAt({ row: 1, column: "C" }, [[1, 2, "", "", { value: "" }]]);
    const { xml } = patch(original, [table]);
    expect(compareXml(original, xml)).toEqual([]);
    const rows = parse(xml).getElementsByTagNameNS(NS, "row");
    expect(rows.length).toBe(2);
    const first = rows[0].getElementsByTagNameNS(NS, "c");
    expect(first.length).toBe(7);
    expect(first[2].getAttribute("r")).toBe("C1");
    expect(rows[1].getElementsByTagNameNS(NS, "c")[1].getAttribute("r")).toBe("C2");
  });
});

describe("patchSheetXml, columns and conditional formats of the user's", () => {
  const original = sheet(
    `<cols><col min="1" max="10" width="9" style="1" customWidth="1"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`,
    `<conditionalFormatting sqref="A1:A9"><cfRule type="cellIs" dxfId="0" priority="4" operator="greaterThan"><formula>5</formula></cfRule></conditionalFormatting>`
  );
  const table = planAt({ row: 1, column: "C" }, [[1, 2, "", 45930, { value: "x" }]]);
  const { xml } = patch(original, [table]);

  it("splits a <col> range around our columns, the user's columns keeping their attributes", () => {
    const cols = parse(xml).getElementsByTagNameNS(NS, "col");
    const ranges = [...Array(cols.length).keys()].map((i) => [
      cols[i].getAttribute("min"),
      cols[i].getAttribute("max"),
      cols[i].getAttribute("width"),
      cols[i].getAttribute("style"),
    ]);
    expect(ranges[0]).toEqual(["1", "2", "9", "1"]);
    expect(ranges[1]).toEqual(["3", "3", String(OUTPUT_COLUMNS[0].width), "1"]);
    expect(ranges[ranges.length - 1]).toEqual(["8", "10", "9", "1"]);
  });

  it("keeps the user's conditional format and gives ours higher priority numbers", () => {
    const rules = parse(xml).getElementsByTagNameNS(NS, "cfRule");
    expect(rules.length).toBe(3);
    expect(rules[0].getAttribute("type")).toBe("cellIs");
    expect(Number(rules[1].getAttribute("priority"))).toBe(5);
  });

  it("on a re-run replaces only the conditional formats it wrote", () => {
    const again = patch(xml, [table]).xml;
    expect(again).toBe(xml);
    expect(parse(again).getElementsByTagNameNS(NS, "cfRule").length).toBe(3);
  });
});

describe("patchSheetXml in a 1904 workbook", () => {
  it("converts our 1900-system due serials to the workbook's system", () => {
    const original = sheet(`<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`);
    const table = planAt({ row: 1, column: "C" }, [[1, 2, "", 45971, { value: "x" }]]);
    const xml = patch(original, [table], true).xml;
    expect(textOf(cells(xml).get("F2"))).toBe(String(45971 - 1462));
    const plain = patch(original, [table], false).xml;
    expect(textOf(cells(plain).get("F2"))).toBe("45971");
  });
});

describe("patchSheetXml with a prefixed main namespace", () => {
  it("writes our elements with the same prefix", () => {
    const original = `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const table = planAt({ row: 1, column: "B" }, []);
    const xml = patch(original, [table]).xml;
    expect(compareXml(original, xml)).toEqual([]);
    expect(cells(xml).get("B1")).toBeDefined();
    expect(xml).not.toMatch(/<c /);
  });
});

describe("patchSheetXml beside Excel 2010+ conditional formats kept in extLst", () => {
  // Data bars and icon sets are written twice by Excel: a standard rule and an x14 one in
  // extLst. Their priorities share one sequence with every other rule of the sheet.
  const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
  const original = sheet(
    `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`,
    `<conditionalFormatting sqref="A1:A9"><cfRule type="cellIs" dxfId="0" priority="2" operator="greaterThan"><formula>5</formula></cfRule></conditionalFormatting>` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
      `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" priority="7" id="{00000000-0000-0000-0000-000000000001}"><x14:dataBar minLength="0" maxLength="100"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/></x14:dataBar></x14:cfRule><xm:sqref>B1:B9</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>`
  );
  const table = planAt({ row: 1, column: "C" }, [[1, 2, "", 45930, { value: "x" }]]);

  it("numbers our rules after the highest priority of both kinds, so no two rules share one", () => {
    const xml = patch(original, [table]).xml;
    const doc = parse(xml);
    const priorities = [
      ...Array.from(doc.getElementsByTagNameNS(NS, "cfRule")),
      ...Array.from(doc.getElementsByTagNameNS(X14, "cfRule")),
    ].map((rule) => Number(rule.getAttribute("priority")));
    expect(priorities).toHaveLength(4);
    expect(new Set(priorities).size).toBe(4);
    expect(Math.min(...priorities.slice(1, 3))).toBe(8);
  });

  it("keeps the extLst rules and the order of the sheet's elements", () => {
    const xml = patch(original, [table]).xml;
    const names = Array.from(parse(xml).documentElement!.childNodes)
      .filter((n): n is Element => n.nodeType === 1)
      .map((n) => n.localName);
    expect(names.slice(-4)).toEqual([
      "conditionalFormatting",
      "conditionalFormatting",
      "pageMargins",
      "extLst",
    ]);
    expect(xml).toContain('<x14:cfRule type="dataBar" priority="7"');
  });
});

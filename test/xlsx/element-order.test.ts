import { DOMParser, type Element } from "@xmldom/xmldom";
import { elementsAfter, WORKBOOK_ORDER, WORKSHEET_ORDER } from "../../src/xlsx/element-order";
import { patchWorkbookXml } from "../../src/xlsx/patch-names";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** xl/workbook.xml as Excel 2016+ saves a workbook with no defined names (shortened). */
const EXCEL_WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="166925"/><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\VanPhong\\Documents\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent><xr:revisionPtr revIDLastSave="0" documentId="13_ncr:1_{00000000-0000-0000-0000-000000000000}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/><bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" xr2:uid="{00000000-000D-0000-FFFF-FFFF00000000}"/></bookViews><sheets><sheet name="Phụ lục" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/><extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>`;

function childNames(xml: string): string[] {
  const root = new DOMParser().parseFromString(xml, "text/xml").documentElement!;
  return Array.from(root.childNodes)
    .filter((n): n is Element => n.nodeType === 1)
    .map((n) => n.localName!);
}

describe("elementsAfter", () => {
  it("lists exactly the elements the schema puts after the given one", () => {
    const after = elementsAfter(WORKSHEET_ORDER, "conditionalFormatting");
    expect(after.has("dataValidations")).toBe(true);
    expect(after.has("extLst")).toBe(true);
    expect(after.has("mergeCells")).toBe(false);
    expect(after.has("conditionalFormatting")).toBe(false);
  });

  it("refuses an element the order does not know, rather than inserting anywhere", () => {
    expect(() => elementsAfter(WORKBOOK_ORDER, "AlternateContent" as never)).toThrow();
  });
});

describe("patchWorkbookXml on an Excel-written workbook with no defined names", () => {
  const patched = patchWorkbookXml(EXCEL_WORKBOOK, {
    removeNames: [],
    addNames: [{ name: "_ParIndex_t_1", reference: "'Phụ lục'!$H$4:$L$40" }],
    addSheets: [],
  });

  it("puts <definedNames> after <sheets> and before <calcPr>, as CT_Workbook orders them", () => {
    const names = childNames(patched);
    expect(names).toEqual([
      "fileVersion",
      "workbookPr",
      "AlternateContent",
      "revisionPtr",
      "bookViews",
      "sheets",
      "definedNames",
      "calcPr",
      "extLst",
    ]);
  });

  it("keeps every known child in schema order", () => {
    const ranks = childNames(patched)
      .map((n) => (WORKBOOK_ORDER as readonly string[]).indexOf(n))
      .filter((r) => r >= 0);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("changes nothing else in the part", () => {
    const added = `<definedNames><definedName name="_ParIndex_t_1">'Phụ lục'!$H$4:$L$40</definedName></definedNames>`;
    expect(patched.replace(added, "")).toBe(EXCEL_WORKBOOK);
  });
});

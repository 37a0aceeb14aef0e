/**
 * Workbooks written the way small generators write them (openpyxl-like, hand-made XML),
 * to prove that reading does not depend on one program's way of writing a file: no `r`
 * attributes, inline strings, an `x:` namespace prefix, a workbook part at an unusual path
 * reached through absolute relationship targets, comments as openpyxl stores them, and a
 * dropdown stored the Excel 2010+ way (x14 extension, list on another sheet).
 */
import { strToU8, zipSync } from "fflate";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "http://schemas.openxmlformats.org/package/2006/content-types";
const T_DOC = `${REL}/officeDocument`;
const T_SHEET = `${REL}/worksheet`;
const T_STYLES = `${REL}/styles`;
const T_SST = `${REL}/sharedStrings`;
const CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_WB = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const CT_SST = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function zip(files: Record<string, string>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(files)) entries[name] = strToU8(text);
  return zipSync(entries, { level: 6, mtime: new Date("2025-11-20T08:00:00Z") });
}

const HEADER = [
  "STT",
  "Nội dung nhiệm vụ",
  "Cơ quan chủ trì",
  "Thời gian hoàn thành",
  "Tình trạng",
  "Kết quả",
  "Tài liệu kiểm chứng",
];

type Cell = string | number | boolean | null;

const TASKS: Cell[][] = [
  ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"],
  [
    1,
    "Ban hành Kế hoạch CCHC năm 2025",
    "Văn phòng HĐND-UBND",
    "Trước ngày 31/3/2025",
    "Đã hoàn thành",
    "Đã ban hành",
    "KH số 45/KH-UBND",
  ],
  [
    2,
    "Báo cáo CCHC định kỳ hằng quý",
    "Văn phòng HĐND-UBND",
    "Quý III/2025",
    "Đang thực hiện",
    "3/3 báo cáo",
    "BC số 12/BC-UBND",
  ],
  ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"],
  [
    3,
    "Tỷ lệ hồ sơ giải quyết đúng hạn",
    "Bộ phận Một cửa",
    "Trước ngày 15/11/2025",
    "Đang thực hiện",
    0.97,
    "",
  ],
];

/** A cell without `r`, as an inline string / number / boolean. */
function plainCell(value: Cell, prefix = ""): string {
  if (value === null || value === "") return `<${prefix}c/>`;
  if (typeof value === "number")
    return `<${prefix}c><${prefix}v>${value}</${prefix}v></${prefix}c>`;
  if (typeof value === "boolean")
    return `<${prefix}c t="b"><${prefix}v>${value ? 1 : 0}</${prefix}v></${prefix}c>`;
  return `<${prefix}c t="inlineStr"><${prefix}is><${prefix}t xml:space="preserve">${escapeXml(value)}</${prefix}t></${prefix}is></${prefix}c>`;
}

/**
 * No `r` on rows or cells, inline strings only, no styles part, no shared strings; also a
 * boolean, an error, a cached formula string, an ISO date cell (t="d"), rich inline runs with
 * a phonetic run, and a row placed by `r` after rows without it.
 */
export function minimalNoRefs(): Uint8Array {
  const rows = [
    [["PHỤ LỤC NHIỆM VỤ CCHC NĂM 2025"]],
    [[]],
    [HEADER],
    ...TASKS.map((row) => [row]),
  ].map(([cells]) => `<row>${(cells as Cell[]).map((v) => plainCell(v)).join("")}</row>`);
  const special =
    '<row r="12">' +
    "<c><v>7</v></c>" +
    '<c t="inlineStr"><is><r><t>Ghi </t></r><r><rPr><b/></rPr><t>chú</t></r><rPh sb="0" eb="1"><t>NO</t></rPh></is></c>' +
    '<c t="b"><v>1</v></c>' +
    '<c t="e"><v>#DIV/0!</v></c>' +
    '<c t="str"><f>"Đạt"&amp;""</f><v>Đạt</v></c>' +
    '<c t="d"><v>2025-11-10T00:00:00</v></c>' +
    "</row>";
  const sheet = `${XML_DECL}<worksheet xmlns="${MAIN}"><sheetData>${rows.join("")}${special}</sheetData></worksheet>`;
  return zip({
    "[Content_Types].xml": `${XML_DECL}<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT_WB}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT_SHEET}"/></Types>`,
    "_rels/.rels": `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${T_DOC}" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${XML_DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Phụ lục" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${T_SHEET}" Target="worksheets/sheet1.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": sheet,
  });
}

/**
 * Every SpreadsheetML element with an `x:` prefix; the workbook part at "workbook/book.xml"
 * reached through absolute targets; shared strings with rich runs and "_x000D_" escapes; a
 * custom date format; a second, hidden sheet; a sheet-scoped defined name; merged cells and
 * hidden columns declared in the `x:` namespace too.
 */
export function prefixedNamespace(): Uint8Array {
  const strings = [
    ...HEADER,
    "Ban hành Kế hoạch CCHC năm 2025",
    "Đã hoàn thành",
    "Dòng 1_x000D_\nDòng 2",
    "Bảng ẩn",
  ];
  const sst = `${XML_DECL}<x:sst xmlns:x="${MAIN}" count="${strings.length + 1}" uniqueCount="${strings.length + 1}">${strings
    .map((s) => `<x:si><x:t xml:space="preserve">${escapeXml(s)}</x:t></x:si>`)
    .join(
      ""
    )}<x:si><x:r><x:t>Văn phòng </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>HĐND-UBND</x:t></x:r></x:si></x:sst>`;
  const s = (i: number) => `t="s"><x:v>${i}</x:v>`;
  const sheet1 =
    `${XML_DECL}<x:worksheet xmlns:x="${MAIN}" xmlns:r="${REL}"><x:cols><x:col min="9" max="26" width="9" hidden="1"/></x:cols><x:sheetData>` +
    `<x:row r="2">${HEADER.map((_, i) => `<x:c r="${"ABCDEFG"[i]}2" ${s(i)}</x:c>`).join("")}</x:row>` +
    `<x:row r="3"><x:c r="A3"><x:v>1</x:v></x:c><x:c r="B3" ${s(7)}</x:c><x:c r="C3" ${s(11)}</x:c><x:c r="D3" s="1"><x:v>45961</x:v></x:c><x:c r="E3" ${s(8)}</x:c><x:c r="F3" ${s(9)}</x:c></x:row>` +
    `<x:row r="5" hidden="1"><x:c r="A5" s="2"><x:v>0.5</x:v></x:c></x:row>` +
    `</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="F3:G3"/></x:mergeCells></x:worksheet>`;
  const sheet2 = `${XML_DECL}<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" ${s(10)}</x:c></x:row></x:sheetData></x:worksheet>`;
  const styles =
    `${XML_DECL}<x:styleSheet xmlns:x="${MAIN}"><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></x:numFmts>` +
    `<x:fonts count="1"><x:font><x:sz val="13"/><x:name val="Times New Roman"/></x:font></x:fonts><x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills><x:borders count="1"><x:border/></x:borders>` +
    `<x:cellStyleXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellStyleXfs>` +
    `<x:cellXfs count="3"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><x:xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><x:xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></x:cellXfs>` +
    `<x:cellStyles count="1"><x:cellStyle name="Normal" xfId="0" builtinId="0"/></x:cellStyles></x:styleSheet>`;
  return zip({
    "[Content_Types].xml": `${XML_DECL}<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/workbook/book.xml" ContentType="${CT_WB}"/><Override PartName="/workbook/sheets/s1.xml" ContentType="${CT_SHEET}"/><Override PartName="/workbook/sheets/s2.xml" ContentType="${CT_SHEET}"/><Override PartName="/workbook/strings.xml" ContentType="${CT_SST}"/><Override PartName="/workbook/styles.xml" ContentType="${CT_STYLES}"/></Types>`,
    "_rels/.rels": `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="R1" Type="${T_DOC}" Target="/workbook/book.xml"/></Relationships>`,
    "workbook/book.xml": `${XML_DECL}<x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}"><x:workbookPr/><x:sheets><x:sheet name="Phụ lục" sheetId="3" rel:id="R7"/><x:sheet name="Ẩn" sheetId="4" state="hidden" rel:id="R8"/></x:sheets><x:definedNames><x:definedName name="_ParIndex_demo_1" localSheetId="0">'Phụ lục'!$I$2:$M$2</x:definedName><x:definedName name="_ParIndex_demo_1" localSheetId="1">'Ẩn'!$B$1:$F$1</x:definedName></x:definedNames></x:workbook>`,
    "workbook/_rels/book.xml.rels": `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="R7" Type="${T_SHEET}" Target="/workbook/sheets/s1.xml"/><Relationship Id="R8" Type="${T_SHEET}" Target="sheets/s2.xml"/><Relationship Id="R9" Type="${T_SST}" Target="/workbook/strings.xml"/><Relationship Id="R10" Type="${T_STYLES}" Target="styles.xml"/></Relationships>`,
    "workbook/sheets/s1.xml": sheet1,
    "workbook/sheets/s2.xml": sheet2,
    "workbook/strings.xml": sst,
    "workbook/styles.xml": styles,
  });
}

/**
 * Shaped like openpyxl's output: comments in xl/comments/comment1.xml with a legacy VML
 * drawing, docProps, shared strings, and a status dropdown stored the Excel 2010+ way
 * (x14:dataValidation in the sheet's extLst, list on the "Danh mục" sheet).
 */
export function openpyxlComments(): Uint8Array {
  const strings = [
    ...HEADER,
    "Ban hành Kế hoạch CCHC năm 2025",
    "Văn phòng",
    "Đã hoàn thành",
    "Danh mục trạng thái",
    "Đang thực hiện",
    "Trước ngày 15/11/2025",
  ];
  const si = (text: string) => `<si><t>${escapeXml(text)}</t></si>`;
  const sc = (ref: string, i: number) => `<c r="${ref}" t="s"><v>${i}</v></c>`;
  const sheet1 =
    `${XML_DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr/></sheetPr><dimension ref="A1:G2"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/><sheetData>` +
    `<row r="1">${HEADER.map((_, i) => sc(`${"ABCDEFG"[i]}1`, i)).join("")}</row>` +
    `<row r="2"><c r="A2" t="n"><v>1</v></c>${sc("B2", 7)}${sc("C2", 8)}${sc("D2", 12)}${sc("E2", 9)}<c r="F2" t="n"><v>1</v></c></row>` +
    `</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/><legacyDrawing r:id="anysvml"/>` +
    `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>'Danh mục'!$A$2:$A$3</xm:f></x14:formula1><xm:sqref>E2:E50</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>`;
  const sheet2 = `${XML_DECL}<worksheet xmlns="${MAIN}"><sheetData><row r="1">${sc("A1", 10)}</row><row r="2">${sc("A2", 9)}</row><row r="3">${sc("A3", 11)}</row></sheetData></worksheet>`;
  const comments = `${XML_DECL}<comments xmlns="${MAIN}"><authors><author>Nguyễn Thị Bình</author></authors><commentList><comment ref="F2" authorId="0"><text><t>Số liệu đến hết tháng 10</t></text></comment></commentList></comments>`;
  const vml = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="anchor_1" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"/></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>1</x:Row><x:Column>5</x:Column></x:ClientData></v:shape></xml>`;
  const styles = `${XML_DECL}<styleSheet xmlns="${MAIN}"><numFmts count="0"/><fonts count="1"><font><name val="Calibri"/><family val="2"/><color theme="1"/><sz val="11"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" pivotButton="0" quotePrefix="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0" hidden="0"/></cellStyles><tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;
  return zip({
    "docProps/app.xml": `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application><AppVersion>3.1</AppVersion></Properties>`,
    "docProps/core.xml": `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>openpyxl</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2025-11-20T08:00:00Z</dcterms:created></cp:coreProperties>`,
    "xl/theme/theme1.xml": `${XML_DECL}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="1F497D"/></a:dk2><a:lt2><a:srgbClr val="EEECE1"/></a:lt2><a:accent1><a:srgbClr val="4F81BD"/></a:accent1><a:accent2><a:srgbClr val="C0504D"/></a:accent2><a:accent3><a:srgbClr val="9BBB59"/></a:accent3><a:accent4><a:srgbClr val="8064A2"/></a:accent4><a:accent5><a:srgbClr val="4BACC6"/></a:accent5><a:accent6><a:srgbClr val="F79646"/></a:accent6><a:hlink><a:srgbClr val="0000FF"/></a:hlink><a:folHlink><a:srgbClr val="800080"/></a:folHlink></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Cambria"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="25400"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="38100"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>`,
    "xl/worksheets/sheet1.xml": sheet1,
    "xl/worksheets/sheet2.xml": sheet2,
    "xl/worksheets/_rels/sheet1.xml.rels": `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="comments" Type="${REL}/comments" Target="/xl/comments/comment1.xml"/><Relationship Id="anysvml" Type="${REL}/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml"/></Relationships>`,
    "xl/comments/comment1.xml": comments,
    "xl/drawings/commentsDrawing1.vml": vml,
    "xl/sharedStrings.xml": `${XML_DECL}<sst xmlns="${MAIN}" uniqueCount="${strings.length}">${strings.map(si).join("")}</sst>`,
    "xl/styles.xml": styles,
    "xl/workbook.xml": `${XML_DECL}<workbook xmlns="${MAIN}"><workbookPr/><workbookProtection/><bookViews><workbookView visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1"/></bookViews><sheets><sheet xmlns:r="${REL}" name="Phụ lục" sheetId="1" state="visible" r:id="rId1"/><sheet xmlns:r="${REL}" name="Danh mục" sheetId="2" state="visible" r:id="rId2"/></sheets><definedNames/><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>`,
    "xl/_rels/workbook.xml.rels": `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Type="${T_SHEET}" Target="/xl/worksheets/sheet1.xml" Id="rId1"/><Relationship Type="${T_SHEET}" Target="/xl/worksheets/sheet2.xml" Id="rId2"/><Relationship Type="${T_STYLES}" Target="styles.xml" Id="rId3"/><Relationship Type="${REL}/theme" Target="theme/theme1.xml" Id="rId4"/><Relationship Type="${T_SST}" Target="sharedStrings.xml" Id="rId5"/></Relationships>`,
    "_rels/.rels": `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Type="${T_DOC}" Target="xl/workbook.xml" Id="rId1"/><Relationship Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml" Id="rId2"/><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml" Id="rId3"/></Relationships>`,
    "[Content_Types].xml": `${XML_DECL}<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/xl/workbook.xml" ContentType="${CT_WB}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT_SHEET}"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="${CT_SHEET}"/><Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT_SST}"/><Override PartName="/xl/comments/comment1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
  });
}

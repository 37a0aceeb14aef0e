/**
 * A workbook that is ours entirely (the roll-up file): every part written here, from the
 * same pieces the patcher uses for the sheets it adds (new-sheet.ts, chart.ts, the styles
 * patch over Excel's own empty-workbook styles). Platform-neutral: bytes out.
 */
import { barChartXml, drawingXml, type BarChartData } from "./chart";
import { newSheetXml, type NewSheet } from "./new-sheet";
import { MINIMAL_STYLES, StylesPatch } from "./patch-styles";
import {
  addContentTypes,
  addRelationships,
  PART_CONTENT_TYPE,
  RELATIONSHIP_TYPE,
} from "./patch-relations";
import { quoteSheetName } from "../core/read/grid";
import { THEME_XML } from "./theme";
import { escapeAttribute, escapeText, partBytes } from "./xml-splice";
import { zipPackage, type ZipOptions } from "./zip-package";

export interface WorkbookSheet {
  /** The sheet's name as Excel shows it (at most 31 characters, none of : \ / ? * [ ]). */
  name: string;
  sheet: Omit<NewSheet, "drawingRelId">;
  /** A bar chart drawn on this sheet, if any. */
  chart?: BarChartData;
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const OFFICE_DOCUMENT =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

const EMPTY_CONTENT_TYPES =
  XML_HEAD +
  `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="${PART_CONTENT_TYPE.relationships}"/>` +
  `<Default Extension="xml" ContentType="application/xml"/>` +
  `</Types>`;

/**
 * The workbook's print titles: each sheet's rows repeated at the top of its printed pages,
 * as Excel names them (`_xlnm.Print_Titles`, local to the sheet).
 *
 * @example printTitles([{ name: "Xếp hạng", sheet: { values: [], lookAt: () => undefined, widths: [], print: { landscape: true, fitToWidth: true, titleRows: { first: 2, last: 2 } } } }]) // "<definedNames><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'Xếp hạng'!$3:$3</definedName></definedNames>"
 */
export function printTitles(sheets: WorkbookSheet[]): string {
  const names = sheets
    .map(({ name, sheet }, i) => {
      const rows = sheet.print?.titleRows;
      if (!rows) return "";
      const range = `${quoteSheetName(name)}!$${rows.first + 1}:$${rows.last + 1}`;
      return `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeText(range)}</definedName>`;
    })
    .join("");
  return names ? `<definedNames>${names}</definedNames>` : "";
}

/**
 * The bytes of a new .xlsx holding `sheets` in order (the first is the active one).
 *
 * @example newWorkbook([{ name: "Xếp hạng", sheet: { values: [["Hạng"]], lookAt: () => undefined, widths: [] } }])
 */
export function newWorkbook(sheets: WorkbookSheet[], options: ZipOptions = {}): Uint8Array {
  if (sheets.length === 0) throw new Error("a workbook needs at least one sheet");
  const styles = new StylesPatch(MINIMAL_STYLES);
  const parts: Array<[string, string]> = [];
  const contentTypes: Array<{ part: string; type: string }> = [
    { part: "xl/workbook.xml", type: PART_CONTENT_TYPE.workbook },
    { part: "xl/styles.xml", type: PART_CONTENT_TYPE.styles },
    { part: "xl/theme/theme1.xml", type: PART_CONTENT_TYPE.theme },
  ];
  const workbookRels: Array<{ id: string; type: string; target: string }> = [];
  let charts = 0;
  sheets.forEach(({ sheet, chart }, i) => {
    const n = i + 1;
    const sheetPath = `xl/worksheets/sheet${n}.xml`;
    workbookRels.push({
      id: `rId${n}`,
      type: RELATIONSHIP_TYPE.worksheet,
      target: `worksheets/sheet${n}.xml`,
    });
    contentTypes.push({ part: sheetPath, type: PART_CONTENT_TYPE.worksheet });
    let drawingRelId: string | undefined;
    if (chart) {
      charts++;
      const drawingPath = `xl/drawings/drawing${charts}.xml`;
      const chartPath = `xl/charts/chart${charts}.xml`;
      drawingRelId = "rId1";
      parts.push([chartPath, barChartXml(chart)]);
      parts.push([drawingPath, drawingXml(chart, "rId1")]);
      parts.push([
        `xl/drawings/_rels/drawing${charts}.xml.rels`,
        addRelationships(undefined, [
          { id: "rId1", type: RELATIONSHIP_TYPE.chart, target: `../charts/chart${charts}.xml` },
        ]),
      ]);
      parts.push([
        `xl/worksheets/_rels/sheet${n}.xml.rels`,
        addRelationships(undefined, [
          {
            id: drawingRelId,
            type: RELATIONSHIP_TYPE.drawing,
            target: `../drawings/drawing${charts}.xml`,
          },
        ]),
      ]);
      contentTypes.push({ part: drawingPath, type: PART_CONTENT_TYPE.drawing });
      contentTypes.push({ part: chartPath, type: PART_CONTENT_TYPE.chart });
    }
    parts.push([sheetPath, newSheetXml({ ...sheet, drawingRelId }, styles)]);
  });
  workbookRels.push({
    id: `rId${sheets.length + 1}`,
    type: RELATIONSHIP_TYPE.styles,
    target: "styles.xml",
  });
  workbookRels.push({
    id: `rId${sheets.length + 2}`,
    type: RELATIONSHIP_TYPE.theme,
    target: "theme/theme1.xml",
  });
  const sheetList = sheets
    .map(
      ({ name }, i) =>
        `<sheet name="${escapeAttribute(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`
    )
    .join("");
  const entries: Array<[string, string]> = [
    ["[Content_Types].xml", addContentTypes(EMPTY_CONTENT_TYPES, contentTypes)],
    [
      "_rels/.rels",
      addRelationships(undefined, [
        { id: "rId1", type: OFFICE_DOCUMENT, target: "xl/workbook.xml" },
      ]),
    ],
    [
      "xl/workbook.xml",
      XML_HEAD +
        `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
        `<bookViews><workbookView activeTab="0"/></bookViews>` +
        `<sheets>${sheetList}</sheets>` +
        printTitles(sheets) +
        `</workbook>`,
    ],
    ["xl/_rels/workbook.xml.rels", addRelationships(undefined, workbookRels)],
    ["xl/theme/theme1.xml", THEME_XML],
    ...parts,
    // Last: the sheets above added their cell styles to it.
    ["xl/styles.xml", styles.result() ?? MINIMAL_STYLES],
  ];
  return zipPackage(
    entries.map(([path, text]) => [path, partBytes(text)]),
    options
  );
}

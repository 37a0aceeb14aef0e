/**
 * A native clustered bar chart as a sheet plan describes it (the summary's areas against
 * their maxima, the roll-up's totals), as the add-in draws it. Written as a drawing part
 * anchoring a chart part; the chart carries cached values so that a viewer shows it before
 * any recalculation.
 */
import { quoteSheetName } from "../core/read/grid";
import { escapeAttribute, escapeText } from "./xml-splice";

const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const SHEET_DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface BarChartData {
  sheet: string;
  /** 1-based row of the series names (the table's header). */
  headerRow: number;
  /** 0-based column of the category labels. */
  categoryColumn: number;
  /** 1-based rows of the first and last area. */
  firstRow: number;
  lastRow: number;
  /** Category labels (area names), one per row. */
  categories: string[];
  /** The series: header text, 0-based column, values one per row. */
  series: Array<{ name: string; column: number; values: number[] }>;
  /** 0-based column and row where the chart's top-left corner sits. */
  anchorColumn: number;
  anchorRow: number;
  title: string;
  /**
   * Its size in columns and rows from the anchor; by default 8 columns and two rows per
   * category (at least 16).
   */
  size?: { columns: number; rows: number };
  /**
   * The first category at the top (a ranking reads top-down, as its table does) rather than
   * at the bottom, the bar chart's default; the value axis stays at the bottom.
   */
  firstOnTop?: boolean;
}

function absolute(sheet: string, column: number, from: number, to = from): string {
  const letter = String.fromCharCode(65 + column);
  const range = from === to ? `$${letter}$${from}` : `$${letter}$${from}:$${letter}$${to}`;
  return `${quoteSheetName(sheet)}!${range}`;
}

function stringCache(values: string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values
    .map((v, i) => `<c:pt idx="${i}"><c:v>${escapeText(v)}</c:v></c:pt>`)
    .join("")}</c:strCache>`;
}

/**
 * Each series' fill, stated rather than left to the theme: a scored copy carries the
 * input's theme, and a workbook LibreOffice wrote has none, where LibreOffice then draws
 * the axes and no bars. The colours are Office's first two theme accents.
 */
const SERIES_COLORS = ["4F81BD", "C0504D"];

/**
 * The chart part (`xl/charts/chartN.xml`).
 *
 * @example barChartXml(data).includes('<c:barDir val="bar"/>')
 */
export function barChartXml(data: BarChartData): string {
  const { categoryColumn } = data;
  const series = data.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeText(absolute(data.sheet, s.column, data.headerRow))}</c:f>${stringCache([s.name])}</c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${SERIES_COLORS[i % SERIES_COLORS.length]}"/></a:solidFill></c:spPr>` +
        `<c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${escapeText(absolute(data.sheet, categoryColumn, data.firstRow, data.lastRow))}</c:f>${stringCache(data.categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeText(absolute(data.sheet, s.column, data.firstRow, data.lastRow))}</c:f>` +
        `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${s.values.length}"/>${s.values
          .map((v, j) => `<c:pt idx="${j}"><c:v>${v}</c:v></c:pt>`)
          .join("")}</c:numCache></c:numRef></c:val></c:ser>`
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWING_NS}" xmlns:r="${REL_NS}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeText(data.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="150"/><c:axId val="500100"/><c:axId val="500200"/></c:barChart>` +
    `<c:catAx><c:axId val="500100"/><c:scaling><c:orientation val="${data.firstOnTop ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500200"/>` +
    `<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500200"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="500100"/><c:crosses val="${data.firstOnTop ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart></c:chartSpace>`
  );
}

/**
 * The drawing part (`xl/drawings/drawingN.xml`) anchoring the chart `chartRelId`.
 *
 * @example drawingXml(data, "rId1").includes('r:id="rId1"')
 */
export function drawingXml(data: BarChartData, chartRelId: string): string {
  const rows = data.size?.rows ?? Math.max(16, data.categories.length * 2 + 6);
  const columns = data.size?.columns ?? 8;
  const anchor = (column: number, row: number) =>
    `<xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${SHEET_DRAWING_NS}" xmlns:a="${DRAWING_NS}">` +
    `<xdr:twoCellAnchor editAs="oneCell">` +
    `<xdr:from>${anchor(data.anchorColumn, data.anchorRow)}</xdr:from>` +
    `<xdr:to>${anchor(data.anchorColumn + columns, data.anchorRow + rows)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeAttribute(data.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${REL_NS}" r:id="${escapeAttribute(chartRelId)}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

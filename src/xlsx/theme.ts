/**
 * The theme part a workbook of our own carries (xl/theme/theme1.xml), as every package
 * Excel writes does. Without one, LibreOffice draws our bar charts with axes and labels but
 * no bars. Colours and fonts are the plain ones our sheets already use (Calibri, the usual
 * twelve-colour scheme); written here, not copied from any product.
 */
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";

const COLOURS: Array<[string, string]> = [
  ["dk2", "1F497D"],
  ["lt2", "EEECE1"],
  ["accent1", "4F81BD"],
  ["accent2", "C0504D"],
  ["accent3", "9BBB59"],
  ["accent4", "8064A2"],
  ["accent5", "4BACC6"],
  ["accent6", "F79646"],
  ["hlink", "0000FF"],
  ["folHlink", "800080"],
];

const solid = `<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>`;
const line = (w: number) =>
  `<a:ln w="${w}" cap="flat" cmpd="sng" algn="ctr">${solid}<a:prstDash val="solid"/></a:ln>`;
const noEffect = `<a:effectStyle><a:effectLst/></a:effectStyle>`;

/** The text of xl/theme/theme1.xml. */
export const THEME_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<a:theme xmlns:a="${A}" name="Chấm điểm CCHC">` +
  `<a:themeElements>` +
  `<a:clrScheme name="Chấm điểm CCHC">` +
  `<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>` +
  `<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>` +
  COLOURS.map(([tag, rgb]) => `<a:${tag}><a:srgbClr val="${rgb}"/></a:${tag}>`).join("") +
  `</a:clrScheme>` +
  `<a:fontScheme name="Chấm điểm CCHC">` +
  `<a:majorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>` +
  `<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont>` +
  `</a:fontScheme>` +
  `<a:fmtScheme name="Chấm điểm CCHC">` +
  `<a:fillStyleLst>${solid}${solid}${solid}</a:fillStyleLst>` +
  `<a:lnStyleLst>${line(9525)}${line(25400)}${line(38100)}</a:lnStyleLst>` +
  `<a:effectStyleLst>${noEffect}${noEffect}${noEffect}</a:effectStyleLst>` +
  `<a:bgFillStyleLst>${solid}${solid}${solid}</a:bgFillStyleLst>` +
  `</a:fmtScheme>` +
  `</a:themeElements>` +
  `<a:objectDefaults/><a:extraClrSchemeLst/>` +
  `</a:theme>`;

/**
 * The order of child elements the schemas require (ISO/IEC 29500-1 transitional, sml.xsd),
 * for the parts we insert into. Excel refuses a part whose children are out of order ("We
 * found a problem with some content"), while LibreOffice reads it happily, so every writer
 * that inserts a child asks this one table where it goes instead of keeping its own list.
 *
 * Elements outside the schema (Markup Compatibility `mc:AlternateContent`, the
 * `xr:revisionPtr` Excel writes since 2017) are not in the lists: they sit wherever their
 * writer put them and never decide where ours go.
 */

/** CT_Workbook (§18.2.27). */
export const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
] as const;

/** CT_Worksheet (§18.3.1.99). */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;

/** CT_Stylesheet (§18.8.39). */
export const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
] as const;

/**
 * The elements that must come after `local` in `order`: an element of ours goes just
 * before the first of these its parent has (or at the parent's end when it has none).
 *
 * @example elementsAfter(WORKBOOK_ORDER, "definedNames").has("bookViews") === false
 * @example elementsAfter(WORKBOOK_ORDER, "definedNames").has("calcPr") === true
 */
export function elementsAfter<T extends string>(
  order: readonly T[],
  local: T
): ReadonlySet<string> {
  const at = order.indexOf(local);
  if (at < 0) throw new Error(`${local} is not in this element order`);
  return new Set(order.slice(at + 1));
}

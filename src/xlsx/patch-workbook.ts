/**
 * The scored copy: the input package with the fewest parts changed. Parts the run has no
 * reason to touch (other sheets, drawings, charts, images, comments, printer settings,
 * VBA, properties, external links, calcChain…) keep their bytes. The parts it changes —
 * the scored sheets, styles, the workbook part's names and sheet list, relationships and
 * content types — are spliced, never re-serialised; our own sheets are written whole.
 */
import type { SheetContent } from "../core/criteria/criteria-sheet";
import { recordName } from "../core/read/markers";
import { sameSheetName, type SummarySheetPlan } from "../core/write/summary-sheet";
import { COLORS, type SheetWritePlan } from "../core/write/write-plan";
import { barChartXml, drawingXml, type BarChartData } from "./chart";
import { newSheetXml, planChart, planSheet, type NewSheet } from "./new-sheet";
import { openPackage, relsPathOf, type XlsxPackage } from "./package";
import { patchWorkbookXml } from "./patch-names";
import {
  addContentTypes,
  addRelationships,
  PART_CONTENT_TYPE,
  RELATIONSHIP_TYPE,
  unusedRelId,
} from "./patch-relations";
import { patchSheetXml } from "./patch-sheet";
import type { SheetLayout } from "./sheet-layout";
import { MINIMAL_STYLES, StylesPatch } from "./patch-styles";
import { partBytes, partText } from "./xml-splice";
import { zipPackage, type ZipOptions } from "./zip-package";

export interface CriteriaSheetEdit {
  content: SheetContent;
  name: string;
  /** Replace a sheet of the same name (only when the user asked for it explicitly). */
  replace: boolean;
}

export interface WorkbookEdits {
  plans: SheetWritePlan[];
  /** The core's whole summary sheet (`run.summarySheet`): its name, content, layout, chart. */
  summary?: SummarySheetPlan;
  criteriaSheet?: CriteriaSheetEdit;
}

export type PatchOptions = ZipOptions;

const CRITERIA_WIDTHS = [10, 10, 60, 10, 22, 12, 12, 12, 14, 10, 10, 14, 22, 36, 14, 30, 14];

/** The same bytes as already read: the package, and the sheets' layouts if recorded. */
export interface OpenedWorkbook {
  package: XlsxPackage;
  /** By part path, from `readWorkbook(bytes, limits, { keepLayouts: true })`. */
  layouts?: ReadonlyMap<string, SheetLayout>;
}

/**
 * Writes the edits into a copy of the package `input` and returns the copy's bytes.
 * `opened` saves a second unzip when the caller has already read the same bytes, and with
 * the sheets' layouts a second pass over each scored sheet.
 *
 * @example patchWorkbook(bytes, { plans: run.plans, summary: run.summarySheet })
 */
export function patchWorkbook(
  input: Uint8Array,
  edits: WorkbookEdits,
  options: PatchOptions = {},
  opened?: OpenedWorkbook
): Uint8Array {
  const pkg = opened?.package ?? openPackage(input);
  const writer = new PackageWriter(pkg);
  // A package without a styles part (some generators write none) gets a minimal one.
  const styles = new StylesPatch(pkg.stylesPath ? writer.text(pkg.stylesPath) : MINIMAL_STYLES);

  for (const plan of edits.plans) {
    if (plan.tables.length === 0) continue;
    const entry = pkg.sheets.find((s) => s.name === plan.sheet);
    if (!entry) throw new Error(`no sheet "${plan.sheet}" in the package`);
    writer.set(
      entry.partPath,
      patchSheetXml(writer.text(entry.partPath), plan.tables, {
        styles,
        date1904: pkg.date1904,
        // The recorded offsets hold only for the part as it was read.
        layout: writer.isOriginal(entry.partPath)
          ? opened?.layouts?.get(entry.partPath)
          : undefined,
      })
    );
  }

  // Each block's marker and, beside it, the record of what was written (issue 19.5).
  const removeNames = edits.plans.flatMap((plan) => {
    const markers = [...plan.staleMarkers, ...plan.markers.map((m) => m.name)];
    return [...markers, ...markers.map(recordName)];
  });
  const addNames = edits.plans.flatMap((plan) => [...plan.markers, ...plan.records]);
  const addSheets: Array<{ name: string; relId: string }> = [];

  if (edits.summary) {
    const plan = edits.summary;
    const sheet: NewSheet = planSheet(plan);
    const existing = plan.replaces
      ? pkg.sheets.find((s) => sameSheetName(s.name, plan.name))
      : undefined;
    const partPath = existing?.partPath ?? writer.unusedPart("xl/worksheets/sheet", ".xml");
    if (!existing) {
      const relId = writer.addWorkbookRelationship(RELATIONSHIP_TYPE.worksheet, partPath);
      addSheets.push({ name: plan.name, relId });
      writer.addContentType(partPath, PART_CONTENT_TYPE.worksheet);
    }
    const chart = planChart(plan);
    if (chart) sheet.drawingRelId = writer.writeChart(partPath, chart);
    writer.set(partPath, newSheetXml(sheet, styles));
    removeNames.push(plan.marker.name);
    addNames.push(plan.marker);
  }

  if (edits.criteriaSheet) {
    const { content, name, replace } = edits.criteriaSheet;
    const existing = pkg.sheets.find((s) => sameSheetName(s.name, name));
    if (existing && !replace) throw new Error(`sheet "${name}" exists and replace was not asked`);
    const sheet: NewSheet = {
      values: content.values,
      widths: CRITERIA_WIDTHS,
      frozenRows: content.headerRow + 1,
      lookAt: (r, c) => {
        if (r === 0) return { bold: true, size: 13 };
        if (r === content.headerRow)
          return { bold: true, fill: COLORS.outputHeaderFill, wrap: true, vertical: "center" };
        const format = content.numberFormats[r]?.[c];
        return format && format !== "General" ? { numberFormat: format } : undefined;
      },
    };
    let partPath: string;
    if (existing) {
      partPath = existing.partPath;
      // The old sheet's own parts (comments, drawings) described cells that are gone.
      writer.remove(relsPathOf(partPath));
    } else {
      partPath = writer.unusedPart("xl/worksheets/sheet", ".xml");
      const relId = writer.addWorkbookRelationship(RELATIONSHIP_TYPE.worksheet, partPath);
      addSheets.push({ name, relId });
      writer.addContentType(partPath, PART_CONTENT_TYPE.worksheet);
    }
    writer.set(partPath, newSheetXml(sheet, styles));
  }

  if (removeNames.length > 0 || addNames.length > 0 || addSheets.length > 0) {
    writer.set(
      pkg.workbookPath,
      patchWorkbookXml(writer.text(pkg.workbookPath), { removeNames, addNames, addSheets })
    );
  }
  const stylesXml = styles.result();
  if (stylesXml !== null && pkg.stylesPath) writer.set(pkg.stylesPath, stylesXml);
  else if (stylesXml !== null) {
    const stylesPath = writer.has("xl/styles.xml")
      ? writer.unusedPart("xl/styles", ".xml")
      : "xl/styles.xml";
    writer.addWorkbookRelationship(RELATIONSHIP_TYPE.styles, stylesPath);
    writer.addContentType(stylesPath, PART_CONTENT_TYPE.styles);
    writer.set(stylesPath, stylesXml);
  }
  return writer.zip(options.level ?? 6, options.compressor);
}

/** The parts of the copy: the original bytes unless set, new parts after the old. */
class PackageWriter {
  private readonly changed = new Map<string, Uint8Array>();
  private readonly removed = new Set<string>();
  private readonly added: string[] = [];
  private contentTypes: Array<{ part: string; type: string }> = [];
  private workbookRels: Array<{ id: string; type: string; target: string }> = [];
  private readonly reserved = new Set<string>();

  constructor(private readonly pkg: XlsxPackage) {}

  text(path: string): string {
    const bytes = this.changed.get(path) ?? this.pkg.parts.get(path);
    if (!bytes) throw new Error(`part ${path} is missing`);
    return partText(bytes);
  }

  /** The part's text is still the input's (not set or removed by this run). */
  isOriginal(path: string): boolean {
    return !this.changed.has(path) && !this.removed.has(path);
  }

  has(path: string): boolean {
    return (
      !this.removed.has(path) &&
      (this.changed.has(path) || this.pkg.findPart(path) !== undefined || this.reserved.has(path))
    );
  }

  set(path: string, text: string): void {
    const stored = this.pkg.findPart(path) ?? path;
    if (!this.pkg.parts.has(stored) && !this.changed.has(stored)) this.added.push(stored);
    this.removed.delete(stored);
    this.changed.set(stored, partBytes(text));
  }

  remove(path: string): void {
    const stored = this.pkg.findPart(path);
    if (stored) this.removed.add(stored);
  }

  /** `${prefix}N${suffix}` for the smallest N no part has. */
  unusedPart(prefix: string, suffix: string): string {
    let n = 1;
    while (this.has(`${prefix}${n}${suffix}`)) n++;
    const path = `${prefix}${n}${suffix}`;
    this.reserved.add(path);
    return path;
  }

  addContentType(part: string, type: string): void {
    this.contentTypes.push({ part, type });
  }

  addWorkbookRelationship(type: string, partPath: string): string {
    const used = [
      ...this.pkg.workbookRelationships.map((r) => r.id),
      ...this.workbookRels.map((r) => r.id),
    ];
    const id = unusedRelId(used);
    this.workbookRels.push({ id, type, target: relativeTarget(this.pkg.workbookPath, partPath) });
    return id;
  }

  /**
   * Writes the chart of a sheet we own: the drawing and chart it had from an earlier run
   * are rewritten in place, otherwise new parts are added. Returns the drawing's
   * relationship id in the sheet's rels.
   */
  writeChart(sheetPart: string, data: BarChartData): string {
    const sheetRels = this.pkg.findPart(relsPathOf(sheetPart));
    const drawingRel = sheetRels
      ? this.pkg
          .relationshipsOf(sheetPart)
          .find((r) => r.type === RELATIONSHIP_TYPE.drawing && !r.external)
      : undefined;
    const chartRel = drawingRel
      ? this.pkg
          .relationshipsOf(drawingRel.partPath)
          .find((r) => r.type === RELATIONSHIP_TYPE.chart && !r.external)
      : undefined;
    if (drawingRel && chartRel && this.has(drawingRel.partPath) && this.has(chartRel.partPath)) {
      this.set(chartRel.partPath, barChartXml(data));
      this.set(drawingRel.partPath, drawingXml(data, chartRel.id));
      return drawingRel.id;
    }
    const drawingPath = this.unusedPart("xl/drawings/drawing", ".xml");
    const chartPath = this.unusedPart("xl/charts/chart", ".xml");
    const chartId = "rId1";
    this.set(chartPath, barChartXml(data));
    this.set(drawingPath, drawingXml(data, chartId));
    this.set(
      relsPathOf(drawingPath),
      addRelationships(undefined, [
        {
          id: chartId,
          type: RELATIONSHIP_TYPE.chart,
          target: relativeTarget(drawingPath, chartPath),
        },
      ])
    );
    const existingRels = sheetRels ? this.text(sheetRels) : undefined;
    const drawingId = unusedRelId(this.pkg.relationshipsOf(sheetPart).map((r) => r.id));
    this.set(
      relsPathOf(sheetPart),
      addRelationships(existingRels, [
        {
          id: drawingId,
          type: RELATIONSHIP_TYPE.drawing,
          target: relativeTarget(sheetPart, drawingPath),
        },
      ])
    );
    this.addContentType(drawingPath, PART_CONTENT_TYPE.drawing);
    this.addContentType(chartPath, PART_CONTENT_TYPE.chart);
    return drawingId;
  }

  zip(level: PatchOptions["level"], compressor?: PatchOptions["compressor"]): Uint8Array {
    if (this.workbookRels.length > 0) {
      const relsPath = relsPathOf(this.pkg.workbookPath);
      this.set(relsPath, addRelationships(this.textOrUndefined(relsPath), this.workbookRels));
    }
    if (this.contentTypes.length > 0) {
      const path = this.pkg.findPart("[Content_Types].xml") ?? "[Content_Types].xml";
      this.set(path, addContentTypes(this.text(path), this.contentTypes));
    }
    const entries: Array<[string, Uint8Array]> = [];
    for (const [path, bytes] of this.pkg.parts) {
      if (!this.removed.has(path)) entries.push([path, this.changed.get(path) ?? bytes]);
    }
    for (const path of this.added) {
      if (!this.removed.has(path)) entries.push([path, this.changed.get(path)!]);
    }
    return zipPackage(entries, { level, compressor });
  }

  private textOrUndefined(path: string): string | undefined {
    const stored = this.pkg.findPart(path) ?? path;
    return this.changed.has(stored) || this.pkg.parts.has(stored) ? this.text(stored) : undefined;
  }
}

/**
 * The relationship target of `to` from the part `from`.
 *
 * @example relativeTarget("xl/workbook.xml", "xl/worksheets/sheet3.xml") === "worksheets/sheet3.xml"
 * @example relativeTarget("xl/worksheets/sheet3.xml", "xl/drawings/drawing1.xml") === "../drawings/drawing1.xml"
 */
export function relativeTarget(from: string, to: string): string {
  const base = from.split("/").slice(0, -1);
  const target = to.split("/");
  let common = 0;
  while (common < base.length && common < target.length - 1 && base[common] === target[common])
    common++;
  return [...base.slice(common).map(() => ".."), ...target.slice(common)].join("/");
}

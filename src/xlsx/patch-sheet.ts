/**
 * Carries out a sheet's write plan on the sheet's XML in one pass: our cells go into the
 * existing rows in column order (missing rows are created in order), our column widths
 * into `<cols>`, our conditional formats at their schema position, and `<dimension>`
 * grows to cover our block. Every other byte of the part is copied as it was.
 */
import { SaxesParser } from "saxes";
import { outputColumnIndex, OUTPUT_COLUMNS } from "../core/write/output-columns";
import {
  COLORS,
  isOwnConditionalFormula,
  isStateCell,
  stateFormulaAt,
  type PlannedCell,
  type TableWritePlan,
} from "../core/write/write-plan";
import { cellRef, formulaCellXml, parseCellRef, valueCellXml } from "./cell-xml";
import type { StylesPatch } from "./patch-styles";
import {
  applySplices,
  escapeText,
  localPart,
  prefixOf,
  retag,
  startTag,
  tagStart,
  type Splice,
} from "./xml-splice";

/** Days between the 1900 and the 1904 date systems' serial numbers. */
const DAYS_1900_TO_1904 = 1462;

/** Elements of CT_Worksheet that come after `conditionalFormatting` (ECMA-376 §18.3.1.99). */
const AFTER_CONDITIONAL_FORMATTING = new Set([
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
  "AlternateContent",
]);

export interface SheetPatchOptions {
  styles: StylesPatch;
  /** The workbook counts dates from 1904 (due dates in the plan are 1900-system serials). */
  date1904: boolean;
}

interface ElementAt {
  name: string;
  attributes: Record<string, string>;
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
}

/** A cell on a block's row, at or right of the block's first column (others are not kept). */
interface CellAt {
  start: number;
  end: number;
  column: number;
  /** Its style id (`s`), if any. */
  style: string | undefined;
  hasValue: boolean;
}

interface RowAt extends ElementAt {
  index: number;
  cells: CellAt[];
}

interface ConditionalAt extends ElementAt {
  rules: Array<ElementAt & { formulas: string[] }>;
}

/** One table's cells on one row. */
interface Segment {
  table: TableWritePlan;
  tableIndex: number;
  /** Offset of the row within the block. */
  offset: number;
  left: number;
}

/** What a single pass over the sheet finds. */
interface SheetScan {
  rootName: string;
  rootCloseStart: number;
  dimension: ElementAt | null;
  cols: ElementAt | null;
  colItems: ElementAt[];
  sheetData: ElementAt | null;
  /** Rows at or below the block's first row, in order. */
  rows: RowAt[];
  conditionals: ConditionalAt[];
  /** Offset of the first top-level element that must follow conditional formats. */
  afterConditional: number | null;
  /** Shared-formula ids used outside our blocks. */
  maxSharedIndex: number;
  maxPriority: number;
}

/**
 * The sheet XML with the plan's tables written in.
 *
 * @example patchSheetXml(xml, plan.tables, { styles, date1904: false }).includes("Điểm tính toán (tự động)")
 */
export function patchSheetXml(
  text: string,
  tables: TableWritePlan[],
  options: SheetPatchOptions
): string {
  const blocks = tables.map((table) => {
    const origin = parseCellRef(table.range.split(":")[0])!;
    return {
      table,
      top: origin.row,
      left: origin.column,
      bottom: origin.row + table.values.length - 1,
      right: origin.column + OUTPUT_COLUMNS.length - 1,
    };
  });
  const segments = new Map<number, Segment[]>();
  blocks.forEach((block, tableIndex) => {
    block.table.values.forEach((_, offset) => {
      const row = block.top + offset;
      const list = segments.get(row) ?? [];
      list.push({ table: block.table, tableIndex, offset, left: block.left });
      segments.set(row, list);
    });
  });
  const inBlock = (row: number, column: number) =>
    blocks.some((b) => row >= b.top && row <= b.bottom && column >= b.left && column <= b.right);
  const firstBlockRow = Math.min(...blocks.map((b) => b.top));
  // Per block row, the leftmost column a block starts at: cells left of it are not kept.
  const firstColumnByRow = new Map<number, number>();
  for (const [row, list] of segments)
    firstColumnByRow.set(row, Math.min(...list.map((segment) => segment.left)));
  const scan = scanSheet(text, firstColumnByRow, firstBlockRow, inBlock, tables);
  const p = prefixOf(scan.rootName);
  const splices: Splice[] = [];

  // Cells, row by row.
  const rowsByIndex = new Map(scan.rows.map((row) => [row.index, row]));
  let nextShared = scan.maxSharedIndex + 1;
  const sharedByTable = new Map<number, { si: number; master: string | null; ref: string }>();
  const stateColumn = outputColumnIndex("dueState");
  for (const [tableIndex, block] of blocks.entries()) {
    const rows = block.table.values
      .map((values, offset) => ({ values, offset }))
      .filter(({ values }) => {
        const cell = values[stateColumn];
        return isStateCell(cell) && cell.statusRow === undefined;
      });
    if (rows.length === 0) continue;
    const column = block.left + stateColumn;
    const first = cellRef(block.top + rows[0].offset, column);
    const last = cellRef(block.top + rows[rows.length - 1].offset, column);
    sharedByTable.set(tableIndex, {
      si: nextShared++,
      master: null,
      ref: first === last ? first : `${first}:${last}`,
    });
  }
  // The look of a cell depends only on its table, column, header-ness and kind of value.
  const styleIds = new Map<string, number>();
  const cellsXml = (segment: Segment, row: number, existing: CellAt[]): string => {
    const { table } = segment;
    const planned = table.values[segment.offset];
    const isHeader = table.headerOffsets.includes(segment.offset);
    let xml = "";
    planned.forEach((value, k) => {
      const column = segment.left + k;
      const ref = cellRef(row, column);
      if (value === "") {
        // Clear what an earlier run left; an empty cell keeps its format.
        const old = existing.find((cell) => cell.column === column);
        if (old && !old.hasValue) xml += text.slice(old.start, old.end);
        else if (old) {
          const s = old.style;
          xml += `<${p}c r="${ref}"${s ? ` s="${escapeText(s)}"` : ""}/>`;
        }
        return;
      }
      const kind = isStateCell(value) ? "state" : typeof value;
      const styleKey = `${segment.tableIndex}|${k}|${isHeader ? 1 : 0}|${kind}`;
      let style = styleIds.get(styleKey);
      if (style === undefined) {
        style = options.styles.cellStyle(lookOf(table, k, value, isHeader));
        styleIds.set(styleKey, style);
      }
      if (isStateCell(value) && value.statusRow !== undefined) {
        // A status merged down from above: this row reads the merge's top cell, so it
        // gets a formula of its own instead of the column's shared one.
        xml += formulaCellXml(
          p,
          ref,
          stateFormulaAt(table, row, value.statusRow),
          value.value,
          style
        );
        return;
      }
      if (isStateCell(value)) {
        const shared = sharedByTable.get(segment.tableIndex)!;
        const isMaster = shared.master === null;
        if (isMaster) shared.master = ref;
        xml += formulaCellXml(
          p,
          ref,
          isMaster ? stateFormulaAt(table, row) : null,
          value.value,
          style,
          isMaster ? { si: shared.si, ref: shared.ref } : { si: shared.si }
        );
        return;
      }
      const stored =
        options.date1904 && k === outputColumnIndex("due") && typeof value === "number"
          ? value - DAYS_1900_TO_1904
          : value;
      xml += valueCellXml(p, ref, stored, style);
    });
    return xml;
  };

  const newRows = new Map<number, string>();
  for (const [rowIndex, list] of [...segments.entries()].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a.left - b.left);
    const row = rowsByIndex.get(rowIndex);
    if (!row) {
      const xml = list.map((segment) => cellsXml(segment, rowIndex, [])).join("");
      if (xml) newRows.set(rowIndex, xml);
      continue;
    }
    let widest = -1;
    for (const segment of list) {
      const right = segment.left + OUTPUT_COLUMNS.length - 1;
      const existing = row.cells.filter((c) => c.column >= segment.left && c.column <= right);
      const xml = cellsXml(segment, rowIndex, existing);
      if (xml) widest = Math.max(widest, right);
      if (existing.length > 0) {
        splices.push({
          start: existing[0].start,
          end: existing[existing.length - 1].end,
          text: xml,
        });
      } else if (xml) {
        const next = row.cells.find((c) => c.column > right);
        if (next) splices.push({ start: next.start, end: next.start, text: xml });
        else if (row.selfClosing) {
          splices.push({
            start: row.start,
            end: row.end,
            text: `${startTag(row.name, row.attributes)}${xml}</${row.name}>`,
          });
        } else splices.push({ start: row.closeStart, end: row.closeStart, text: xml });
      }
    }
    const spans = row.attributes.spans;
    if (spans && widest >= 0 && !row.selfClosing) {
      const bounds = spans.split(/\s+/).flatMap((s) => s.split(":").map(Number));
      const low = Math.min(...bounds);
      const high = Math.max(...bounds);
      if (widest + 1 > high) splices.push(retag(row, { spans: `${low}:${widest + 1}` }));
    }
  }
  if (newRows.size > 0) {
    if (!scan.sheetData) throw new Error("sheet without sheetData");
    const sheetData = scan.sheetData;
    if (sheetData.selfClosing) {
      const rows = [...newRows].map(([r, xml]) => `<${p}row r="${r}">${xml}</${p}row>`).join("");
      splices.push({
        start: sheetData.start,
        end: sheetData.end,
        text: `${startTag(sheetData.name, sheetData.attributes)}${rows}</${sheetData.name}>`,
      });
    } else {
      for (const [r, xml] of newRows) {
        const next = scan.rows.find((row) => row.index > r);
        const at = next ? next.start : sheetData.closeStart;
        splices.push({ start: at, end: at, text: `<${p}row r="${r}">${xml}</${p}row>` });
      }
    }
  }

  splices.push(...columnSplices(scan, blocks, p));
  splices.push(...conditionalSplices(scan, tables, blocks, options.styles, p));
  if (scan.dimension) {
    const ref = scan.dimension.attributes.ref ?? "A1";
    const [from, to = from] = ref.split(":");
    const a = parseCellRef(from);
    const b = parseCellRef(to);
    if (a && b) {
      const top = Math.min(a.row, ...blocks.map((x) => x.top));
      const left = Math.min(a.column, ...blocks.map((x) => x.left));
      const bottom = Math.max(b.row, ...blocks.map((x) => x.bottom));
      const right = Math.max(b.column, ...blocks.map((x) => x.right));
      const grown = `${cellRef(top, left)}:${cellRef(bottom, right)}`;
      if (grown !== ref) splices.push(retag(scan.dimension, { ref: grown }));
    }
  }
  return applySplices(text, splices);
}

/** The look of an output cell: headers bold on our fill, numbers and dates formatted. */
function lookOf(table: TableWritePlan, k: number, value: PlannedCell, isHeader: boolean) {
  if (isHeader)
    return { bold: true, fill: COLORS.outputHeaderFill, wrap: true, vertical: "top" as const };
  const format = table.numberFormats[k];
  if (typeof value === "number" && format !== "General" && format !== "@")
    return { numberFormat: format };
  if (typeof value === "string" || isStateCell(value))
    return { numberFormat: format === "@" ? "@" : undefined, wrap: true, vertical: "top" as const };
  return {};
}

function columnSplices(
  scan: SheetScan,
  blocks: Array<{ left: number; table: TableWritePlan }>,
  p: string
): Splice[] {
  // 1-based column numbers and widths of our columns.
  const ours = new Map<number, number>();
  for (const block of blocks)
    block.table.widths.forEach((width, k) => ours.set(block.left + k + 1, width));
  if (ours.size === 0) return [];
  const ourCol = (n: number, base: Record<string, string>) => {
    const attributes: Record<string, string> = {};
    for (const key of Object.keys(base))
      if (!["min", "max", "width", "customWidth", "bestFit", "hidden"].includes(key))
        attributes[key] = base[key];
    return startTag(
      `${p}col`,
      {
        min: String(n),
        max: String(n),
        width: String(ours.get(n)),
        customWidth: "1",
        ...attributes,
      },
      true
    );
  };
  if (!scan.cols) {
    if (!scan.sheetData) return [];
    const xml = [...ours.keys()]
      .sort((a, b) => a - b)
      .map((n) => ourCol(n, {}))
      .join("");
    return [
      {
        start: scan.sheetData.start,
        end: scan.sheetData.start,
        text: `<${p}cols>${xml}</${p}cols>`,
      },
    ];
  }
  const splices: Splice[] = [];
  const placed = new Set<number>();
  for (const col of scan.colItems) {
    const min = Number(col.attributes.min);
    const max = Number(col.attributes.max);
    const covered = [...ours.keys()].filter((n) => n >= min && n <= max).sort((a, b) => a - b);
    if (covered.length === 0) continue;
    // Split the range: the user's other columns keep every attribute.
    let xml = "";
    let from = min;
    for (const n of covered) {
      if (n > from)
        xml += startTag(
          col.name,
          { ...col.attributes, min: String(from), max: String(n - 1) },
          true
        );
      xml += ourCol(n, col.attributes);
      placed.add(n);
      from = n + 1;
    }
    if (from <= max)
      xml += startTag(col.name, { ...col.attributes, min: String(from), max: String(max) }, true);
    splices.push({ start: col.start, end: col.end, text: xml });
  }
  const missing = [...ours.keys()].filter((n) => !placed.has(n)).sort((a, b) => a - b);
  for (const n of missing) {
    const next = scan.colItems.find((col) => Number(col.attributes.min) > n);
    const at = next ? next.start : scan.cols.closeStart;
    if (scan.cols.selfClosing) {
      return [
        {
          start: scan.cols.start,
          end: scan.cols.end,
          text: `<${scan.cols.name}>${missing.map((m) => ourCol(m, {})).join("")}</${scan.cols.name}>`,
        },
      ];
    }
    splices.push({ start: at, end: at, text: ourCol(n, {}) });
  }
  return splices;
}

function conditionalSplices(
  scan: SheetScan,
  tables: TableWritePlan[],
  blocks: Array<{ top: number; left: number }>,
  styles: StylesPatch,
  p: string
): Splice[] {
  const splices: Splice[] = [];
  const own = (formula: string) =>
    tables.some((t) => isOwnConditionalFormula(formula, t.dueLetter));
  for (const cf of scan.conditionals) {
    const ours = cf.rules.filter((rule) => rule.formulas.some(own));
    if (ours.length === 0) continue;
    if (ours.length === cf.rules.length) splices.push({ start: cf.start, end: cf.end, text: "" });
    else for (const rule of ours) splices.push({ start: rule.start, end: rule.end, text: "" });
  }
  let priority = scan.maxPriority;
  let xml = "";
  tables.forEach((table) => {
    const byRange = new Map<string, string>();
    for (const rule of table.conditionalRules) {
      const dxf = styles.conditionalFill(
        rule.kind === "overdue" ? COLORS.overdueFill : COLORS.dueSoonFill
      );
      priority++;
      byRange.set(
        rule.range,
        `${byRange.get(rule.range) ?? ""}<${p}cfRule type="expression" dxfId="${dxf}" priority="${priority}"><${p}formula>${escapeText(rule.formula)}</${p}formula></${p}cfRule>`
      );
    }
    for (const [range, rules] of byRange)
      xml += `<${p}conditionalFormatting sqref="${range}">${rules}</${p}conditionalFormatting>`;
  });
  void blocks;
  if (xml) {
    const at = scan.afterConditional ?? scan.rootCloseStart;
    splices.push({ start: at, end: at, text: xml });
  }
  return splices;
}

/**
 * The 0-based column of an A1 reference, read without allocating.
 *
 * @example columnOfRef("AB12") === 27
 */
export function columnOfRef(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    let code = ref.charCodeAt(i);
    if (code === 36) continue; // "$"
    if (code >= 97 && code <= 122) code -= 32;
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column - 1;
}

/**
 * One pass over the sheet with saxes. Only what the patch needs is kept: the top-level
 * elements' offsets, every row at or below the block (for inserting missing rows), and on
 * the block's rows only the cells from the block's first column rightwards. A 10,000-row
 * sheet must not become 100,000 objects.
 */
function scanSheet(
  text: string,
  firstColumnByRow: Map<number, number>,
  firstBlockRow: number,
  inBlock: (row: number, column: number) => boolean,
  tables: TableWritePlan[]
): SheetScan {
  const parser = new SaxesParser({ xmlns: false });
  const scan: SheetScan = {
    rootName: "",
    rootCloseStart: text.length,
    dimension: null,
    cols: null,
    colItems: [],
    sheetData: null,
    rows: [],
    conditionals: [],
    afterConditional: null,
    maxSharedIndex: -1,
    maxPriority: 0,
  };
  const own = (formula: string) =>
    tables.some((t) => isOwnConditionalFormula(formula, t.dueLetter));
  const stack: string[] = [];
  let rowIndex = 0;
  let row: RowAt | null = null;
  /** Cells left of this column are not kept on the current row (Infinity: none are). */
  let keepFrom = Infinity;
  let cellColumn = -1;
  let cell: CellAt | null = null;
  let conditional: ConditionalAt | null = null;
  let rule: (ElementAt & { formulas: string[] }) | null = null;
  let formula: string | null = null;
  let topLevel: ElementAt | null = null;
  let collectCols = false;
  const element = (
    name: string,
    attributes: Record<string, string>,
    selfClosing: boolean
  ): ElementAt => {
    const openEnd = parser.position;
    return {
      name,
      attributes,
      start: tagStart(text, openEnd),
      openEnd,
      closeStart: openEnd,
      end: openEnd,
      selfClosing,
    };
  };
  const close = (at: ElementAt, end: number) => {
    at.end = end;
    at.closeStart = at.selfClosing ? at.openEnd : tagStart(text, end);
  };
  parser.on("opentag", (tag) => {
    const local = localPart(tag.name);
    const depth = stack.length;
    stack.push(local);
    const attributes = tag.attributes as Record<string, string>;
    if (depth === 3 && local === "c" && stack[2] === "row") {
      const r = attributes.r;
      cellColumn = r ? columnOfRef(r) : cellColumn + 1;
      if (row !== null && cellColumn >= keepFrom) {
        const openEnd = parser.position;
        cell = {
          start: tagStart(text, openEnd),
          end: openEnd,
          column: cellColumn,
          style: attributes.s,
          hasValue: false,
        };
        row.cells.push(cell);
      } else cell = null;
      return;
    }
    if (depth === 4) {
      if (stack[3] !== "c") return;
      if (cell !== null && (local === "v" || local === "f" || local === "is")) cell.hasValue = true;
      if (local === "f" && attributes.t === "shared" && attributes.si !== undefined) {
        if (!inBlock(rowIndex, cellColumn))
          scan.maxSharedIndex = Math.max(scan.maxSharedIndex, Number(attributes.si));
      }
      return;
    }
    if (depth === 2 && local === "row" && stack[1] === "sheetData") {
      rowIndex = attributes.r ? Number(attributes.r) : rowIndex + 1;
      cellColumn = -1;
      keepFrom = firstColumnByRow.get(rowIndex) ?? Infinity;
      if (rowIndex >= firstBlockRow) {
        const openEnd = parser.position;
        row = {
          name: tag.name,
          attributes,
          start: tagStart(text, openEnd),
          openEnd,
          closeStart: openEnd,
          end: openEnd,
          selfClosing: tag.isSelfClosing,
          index: rowIndex,
          cells: [],
        };
        scan.rows.push(row);
      } else row = null;
      return;
    }
    if (depth === 0) {
      scan.rootName = tag.name;
      return;
    }
    if (depth === 1) {
      topLevel = element(tag.name, attributes, tag.isSelfClosing);
      if (local === "dimension") scan.dimension = topLevel;
      else if (local === "cols") {
        scan.cols = topLevel;
        collectCols = true;
      } else if (local === "sheetData") scan.sheetData = topLevel;
      else if (local === "conditionalFormatting") {
        conditional = { ...topLevel, rules: [] };
        scan.conditionals.push(conditional);
      } else if (scan.afterConditional === null && AFTER_CONDITIONAL_FORMATTING.has(local)) {
        scan.afterConditional = topLevel.start;
      }
      return;
    }
    if (depth === 2 && collectCols && local === "col") {
      scan.colItems.push(element(tag.name, attributes, tag.isSelfClosing));
      return;
    }
    if (depth === 2 && conditional && local === "cfRule") {
      rule = { ...element(tag.name, attributes, tag.isSelfClosing), formulas: [] };
      conditional.rules.push(rule);
      return;
    }
    if (depth === 3 && rule && local === "formula") formula = "";
  });
  parser.on("text", (value) => {
    if (formula !== null) formula += value;
  });
  parser.on("closetag", (tag) => {
    const local = stack.pop();
    const depth = stack.length;
    const end = parser.position;
    if (depth === 3 && local === "c") {
      if (cell !== null) cell.end = end;
      cell = null;
      return;
    }
    if (depth === 2 && local === "row") {
      if (row !== null) close(row, end);
      row = null;
      return;
    }
    if (depth === 0) {
      scan.rootCloseStart = tag.isSelfClosing ? end : tagStart(text, end);
      return;
    }
    if (depth === 1) {
      if (topLevel) close(topLevel, end);
      if (conditional) {
        conditional.end = topLevel!.end;
        conditional.closeStart = topLevel!.closeStart;
        for (const r of conditional.rules)
          if (!r.formulas.some(own))
            scan.maxPriority = Math.max(scan.maxPriority, Number(r.attributes.priority) || 0);
      }
      conditional = null;
      collectCols = false;
      topLevel = null;
      return;
    }
    if (depth === 2 && local === "col" && collectCols)
      close(scan.colItems[scan.colItems.length - 1], end);
    else if (depth === 2 && local === "cfRule" && rule) {
      close(rule, end);
      rule = null;
    } else if (depth === 3 && local === "formula" && rule && formula !== null) {
      rule.formulas.push(formula);
      formula = null;
    }
  });
  parser.write(text).close();
  return scan;
}

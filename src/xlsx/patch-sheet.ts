/**
 * Carries out a sheet's write plan on the sheet's XML: our cells go into the existing rows
 * in column order (missing rows are created in order), our column widths into `<cols>`,
 * our conditional formats at their schema position, and `<dimension>` grows to cover our
 * block. Every other byte of the part is copied as it was. Where things are comes from the
 * sheet's layout (sheet-layout.ts): recorded by the reader's pass when the caller kept it,
 * else found here in a pass of its own.
 */
import {
  COLORS,
  isOwnConditionalFormula,
  isStateCell,
  planColumn,
  stateFormulaAt,
  type PlannedCell,
  type TableWritePlan,
} from "../core/write/write-plan";
import { cellRef, formulaCellXml, parseCellRef, valueCellXml } from "./cell-xml";
import type { StylesPatch } from "./patch-styles";
import { cellStyle, sheetLayout, type ElementOffsets, type SheetLayout } from "./sheet-layout";
import {
  applySplices,
  escapeText,
  prefixOf,
  retag,
  startTag,
  tagStart,
  type Splice,
} from "./xml-splice";
import { maxOf, minOf, appendAll } from "../core/arrays";

/** Days between the 1900 and the 1904 date systems' serial numbers. */
const DAYS_1900_TO_1904 = 1462;

export interface SheetPatchOptions {
  styles: StylesPatch;
  /** The workbook counts dates from 1904 (due dates in the plan are 1900-system serials). */
  date1904: boolean;
  /** The sheet's layout as the reader recorded it from the same text; else found here. */
  layout?: SheetLayout;
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

/** What the patch needs of the sheet's layout, with the "<" offsets found in the text. */
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
      right: origin.column + table.columns.length - 1,
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
  const firstBlockRow = minOf(blocks.map((b) => b.top));
  // Per block row, the leftmost column a block starts at: cells left of it are not kept.
  const firstColumnByRow = new Map<number, number>();
  for (const [row, list] of segments)
    firstColumnByRow.set(row, minOf(list.map((segment) => segment.left)));
  const scan = scanOf(
    text,
    options.layout ?? sheetLayout(text, "sheet"),
    firstColumnByRow,
    firstBlockRow,
    inBlock,
    tables
  );
  const p = prefixOf(scan.rootName);
  const splices: Splice[] = [];

  // Cells, row by row.
  const rowsByIndex = new Map(scan.rows.map((row) => [row.index, row]));
  let nextShared = scan.maxSharedIndex + 1;
  const sharedByTable = new Map<number, { si: number; master: string | null; ref: string }>();
  for (const [tableIndex, block] of blocks.entries()) {
    const stateColumn = planColumn(block.table, "dueState");
    if (stateColumn < 0) continue;
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
  // Every look we give a column's cells (any kind of value), as the workbook's style ids.
  const ourStyles = new Map<string, number[]>();
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
      // A cell an earlier run wrote, whose format is none of ours: a person chose it (a
      // fill, a date format): it stays.
      if (k < table.ownedBefore) {
        const old = existing.find((cell) => cell.column === column)?.style;
        if (old !== undefined && old !== "0") {
          const key = `${segment.tableIndex}|${k}|${isHeader ? 1 : 0}`;
          let ours = ourStyles.get(key);
          if (!ours) {
            ours = ownLooks(table, k, isHeader).flatMap((look) => {
              const id = options.styles.existingCellStyle(look);
              return id === undefined ? [] : [id];
            });
            ourStyles.set(key, ours);
          }
          if (!ours.includes(Number(old))) style = Number(old);
        }
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
        options.date1904 && k === planColumn(table, "due") && typeof value === "number"
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
      const right = segment.left + segment.table.columns.length - 1;
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
      const low = minOf(bounds);
      const high = maxOf(bounds);
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

  appendAll(splices, columnSplices(scan, blocks, p));
  appendAll(splices, conditionalSplices(scan, tables, blocks, options.styles, p));
  if (scan.dimension) {
    const ref = scan.dimension.attributes.ref ?? "A1";
    const [from, to = from] = ref.split(":");
    const a = parseCellRef(from);
    const b = parseCellRef(to);
    if (a && b) {
      const top = minOf(
        blocks.map((x) => x.top),
        a.row
      );
      const left = minOf(
        blocks.map((x) => x.left),
        a.column
      );
      const bottom = maxOf(
        blocks.map((x) => x.bottom),
        b.row
      );
      const right = maxOf(
        blocks.map((x) => x.right),
        b.column
      );
      const grown = `${cellRef(top, left)}:${cellRef(bottom, right)}`;
      if (grown !== ref) splices.push(retag(scan.dimension, { ref: grown }));
    }
  }
  return applySplices(text, splices);
}

/** Every look `lookOf` gives the cells of column `k` (numbers; texts and state formulas). */
function ownLooks(table: TableWritePlan, k: number, isHeader: boolean) {
  return [lookOf(table, k, 0, isHeader), lookOf(table, k, "x", isHeader)];
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
  // 1-based column numbers and widths of our columns. A column an earlier run wrote keeps
  // its <col> as the person left it (width, hidden): only a column without one, or new to
  // the block, gets our width.
  const hasCol = (n: number) =>
    scan.colItems.some((col) => Number(col.attributes.min) <= n && n <= Number(col.attributes.max));
  const ours = new Map<number, number>();
  for (const block of blocks)
    block.table.widths.forEach((width, k) => {
      const n = block.left + k + 1;
      if (k < block.table.ownedBefore && hasCol(n)) return;
      ours.set(n, width);
    });
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
 * What the patch needs from the sheet's layout: the top-level elements with the offsets of
 * their "<"s, every row at or below the block (for inserting missing rows), and on the
 * block's rows only the cells from the block's first column rightwards.
 */
function scanOf(
  text: string,
  layout: SheetLayout,
  firstColumnByRow: Map<number, number>,
  firstBlockRow: number,
  inBlock: (row: number, column: number) => boolean,
  tables: TableWritePlan[]
): SheetScan {
  const own = (formula: string) =>
    tables.some((t) => isOwnConditionalFormula(formula, t.dueLetter));
  const placed = (at: ElementOffsets): ElementAt => ({
    name: at.name,
    attributes: at.attributes,
    start: tagStart(text, at.openEnd),
    openEnd: at.openEnd,
    closeStart: at.selfClosing ? at.openEnd : tagStart(text, at.end),
    end: at.end,
    selfClosing: at.selfClosing,
  });
  const { cells } = layout;
  const rows: RowAt[] = [];
  for (const row of layout.rows) {
    if (row.index < firstBlockRow) continue;
    const keepFrom = firstColumnByRow.get(row.index) ?? Infinity;
    const kept: CellAt[] = [];
    const last = row.firstCell + row.cellCount;
    for (let i = row.firstCell; i < last; i++) {
      if (cells.column[i] < keepFrom) continue;
      kept.push({
        start: tagStart(text, cells.openEnd[i]),
        end: cells.end[i],
        column: cells.column[i],
        style: cellStyle(cells, i),
        hasValue: cells.hasValue[i] === 1,
      });
    }
    rows.push({ ...placed(row), index: row.index, cells: kept });
  }
  let maxSharedIndex = -1;
  for (let i = 0; i < cells.count; i++) {
    const si = cells.sharedIndex[i];
    if (si > maxSharedIndex && !inBlock(cells.row[i], cells.column[i])) maxSharedIndex = si;
  }
  let maxPriority = layout.extensionMaxPriority;
  const conditionals = layout.conditionals.map((cf) => {
    for (const rule of cf.rules)
      if (!rule.formulas.some(own))
        maxPriority = Math.max(maxPriority, Number(rule.attributes.priority) || 0);
    return {
      ...placed(cf),
      rules: cf.rules.map((rule) => ({ ...placed(rule), formulas: rule.formulas })),
    };
  });
  const rootEnd = layout.rootEnd < 0 ? text.length : layout.rootEnd;
  return {
    rootName: layout.rootName,
    rootCloseStart:
      layout.rootEnd < 0 || layout.rootSelfClosing ? rootEnd : tagStart(text, rootEnd),
    dimension: layout.dimension && placed(layout.dimension),
    cols: layout.cols && placed(layout.cols),
    colItems: layout.colItems.map(placed),
    sheetData: layout.sheetData && placed(layout.sheetData),
    rows,
    conditionals,
    afterConditional:
      layout.afterConditionalOpenEnd === null
        ? null
        : tagStart(text, layout.afterConditionalOpenEnd),
    maxSharedIndex,
    maxPriority,
  };
}

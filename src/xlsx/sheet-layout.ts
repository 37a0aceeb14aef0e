/**
 * Where things are in a worksheet part: the offsets of its top-level elements, of every
 * row and every cell, its column widths and conditional formats. The patcher needs them
 * to splice our cells in. The reader records them in the pass that reads the sheet
 * (`readWorkbook(bytes, limits, { keepLayouts: true })`, the CLI), so a scored copy costs one
 * XML pass of the sheet; without them the patcher records them in a pass of its own, with
 * the same recorder. They depend only on the part, not on what will be written.
 *
 * Offsets are indexes into the part's text as `partText` decodes it (a byte order mark
 * kept, so it counts): saxes reports the offset just after a start tag and just after an
 * element; the "<" a tag starts at is found in the text by `tagStart` when it is needed.
 *
 * Cells are kept in typed arrays, not one object each: a 10,000-row sheet must not become
 * 100,000 more objects.
 */
import { streamXml, type XmlCursor, type XmlHandlers } from "./xml-stream";
import { elementsAfter, WORKSHEET_ORDER } from "./element-order";

/** An element found at depth 1 (or a `col`/`cfRule` inside one). */
export interface ElementOffsets {
  /** Qualified name as written ("x:row"). */
  name: string;
  /** Attributes by qualified name, as saxes decoded them, in their order. */
  attributes: Record<string, string>;
  /** Offset just after its start tag's ">". */
  openEnd: number;
  /** Offset just after the element (equal to `openEnd` when self-closing). */
  end: number;
  selfClosing: boolean;
}

/** A row of `sheetData`: its number and its cells (a range of `SheetLayout.cells`). */
export interface RowOffsets extends ElementOffsets {
  /** 1-based row number (from `r`, else one more than the row before). */
  index: number;
  /** Index of its first cell in `SheetLayout.cells`. */
  firstCell: number;
  cellCount: number;
}

/**
 * Every cell of the sheet, in document order, one entry per array (typed arrays: a worker
 * hands them over in one copy, not as 100,000 numbers each).
 */
export interface CellOffsets {
  count: number;
  openEnd: Int32Array;
  end: Int32Array;
  /** 0-based column (from `r`, else one more than the cell before on its row). */
  column: Int32Array;
  /** 1-based number of the row it is on. */
  row: Int32Array;
  /** Its style id (`s`) when written as a plain number; -1 without one, -2 see `oddStyles`. */
  style: Int32Array;
  /** Style ids not written as a plain number ("01"), by cell index, as written. */
  oddStyles: Map<number, string>;
  /** 1 when it holds a value, a formula or an inline string (`v`, `f` or `is`). */
  hasValue: Uint8Array;
  /** The `si` of a shared formula it takes part in, -1 for none. */
  sharedIndex: Int32Array;
}

/**
 * A cell's style id as it is stored in `CellOffsets.style`.
 *
 * @example styleNumber("12") === 12
 * @example styleNumber(undefined) === -1
 * @example styleNumber("012") === -2
 */
export function styleNumber(style: string | undefined): number {
  if (style === undefined) return -1;
  // Digits only, no leading zero, at most 9 of them (read without allocating: once per cell).
  const length = style.length;
  if (length === 0 || length > 9 || (length > 1 && style.charCodeAt(0) === 48)) return -2;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const code = style.charCodeAt(i);
    if (code < 48 || code > 57) return -2;
    n = n * 10 + (code - 48);
  }
  return n;
}

/** The style id of cell `i` as written, or undefined without one. */
export function cellStyle(cells: CellOffsets, i: number): string | undefined {
  const style = cells.style[i];
  if (style >= 0) return String(style);
  return style === -2 ? cells.oddStyles.get(i) : undefined;
}

export interface ConditionalRuleOffsets extends ElementOffsets {
  formulas: string[];
}

export interface ConditionalOffsets extends ElementOffsets {
  rules: ConditionalRuleOffsets[];
}

export interface SheetLayout {
  /** The root element's qualified name ("worksheet", "x:worksheet"). */
  rootName: string;
  /** Offset just after the root element (the text's length if it never closed). */
  rootEnd: number;
  rootSelfClosing: boolean;
  dimension: ElementOffsets | null;
  cols: ElementOffsets | null;
  colItems: ElementOffsets[];
  sheetData: ElementOffsets | null;
  rows: RowOffsets[];
  cells: CellOffsets;
  conditionals: ConditionalOffsets[];
  /** Offset just after the start tag of the first top-level element that must follow conditional formats. */
  afterConditionalOpenEnd: number | null;
  /** Highest priority of the conditional-format rules kept in `extLst` (x14), 0 when none. */
  extensionMaxPriority: number;
}

/** Elements of CT_Worksheet that come after `conditionalFormatting`. */
const AFTER_CONDITIONAL_FORMATTING = elementsAfter(WORKSHEET_ORDER, "conditionalFormatting");

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

/** A layout being recorded: its handlers see the part's tags; `finish` when the pass is over. */
export interface LayoutRecorder {
  handlers: XmlHandlers;
  finish: () => SheetLayout;
}

/**
 * Handlers that record the layout of the worksheet part streamed through them (alone, or
 * beside the sheet reader in its pass: `readSheet(bytes, context, recorder.handlers)`).
 *
 * @example const recorder = layoutRecorder(); streamXml(bytes, path, recorder.handlers); recorder.finish().rows
 */
export function layoutRecorder(): LayoutRecorder {
  // Plain arrays while the pass runs; typed arrays in the finished layout.
  const openEnds: number[] = [];
  const ends: number[] = [];
  const columns: number[] = [];
  const rowNumbers: number[] = [];
  const styles: number[] = [];
  const oddStyles = new Map<number, string>();
  const hasValues: number[] = [];
  const sharedIndexes: number[] = [];
  const layout: SheetLayout = {
    rootName: "",
    rootEnd: -1,
    rootSelfClosing: false,
    dimension: null,
    cols: null,
    colItems: [],
    sheetData: null,
    rows: [],
    cells: {
      count: 0,
      openEnd: new Int32Array(0),
      end: new Int32Array(0),
      column: new Int32Array(0),
      row: new Int32Array(0),
      style: new Int32Array(0),
      oddStyles,
      hasValue: new Uint8Array(0),
      sharedIndex: new Int32Array(0),
    },
    conditionals: [],
    afterConditionalOpenEnd: null,
    extensionMaxPriority: 0,
  };
  /** Depth of the element being opened or closed (0: the root). */
  let depth = 0;
  /** The depth-1 element open now is `sheetData`. */
  let inSheetData = false;
  let rowIndex = 0;
  /** The row of `sheetData` open now, or null. */
  let row: RowOffsets | null = null;
  let cellColumn = -1;
  /** Index of the cell open now in the cell arrays, -1 outside a cell. */
  let cell = -1;
  let topLevel: ElementOffsets | null = null;
  let conditional: ConditionalOffsets | null = null;
  let rule: ConditionalRuleOffsets | null = null;
  let formula: string | null = null;
  let collectCols = false;
  /** The depth-1 element open now is `extLst`. */
  let inExtLst = false;

  const element = (cursor: XmlCursor): ElementOffsets => ({
    name: cursor.qualifiedName,
    attributes: cursor.rawAttributes,
    openEnd: cursor.position,
    end: cursor.position,
    selfClosing: cursor.selfClosing,
  });

  // The depth is tested first, deepest first: most tags of a sheet are cells' values.
  const handlers: XmlHandlers = {
    // Attributes are read by local name (plain objects, as the reader reads them); an
    // element kept for rewriting keeps saxes' own, with their prefixes.
    open: (local, attributes, cursor) => {
      const d = depth++;
      if (d >= 4) {
        // Excel 2010+ keeps data bars and icon sets in extLst (x14:cfRule): their
        // priorities share one sequence with the standard rules'.
        if (inExtLst && local === "cfRule") {
          const priority = Number(attributes.priority);
          if (Number.isFinite(priority) && priority > layout.extensionMaxPriority)
            layout.extensionMaxPriority = priority;
        }
        if (d > 4 || cell < 0) return;
        if (local === "v" || local === "is") hasValues[cell] = 1;
        else if (local === "f") {
          hasValues[cell] = 1;
          const si = attributes.t === "shared" ? Number(attributes.si) : NaN;
          // An si that is no whole number is no formula Excel shares: left out.
          if (Number.isInteger(si) && si >= 0 && si <= 0x7fffffff) sharedIndexes[cell] = si;
        }
        return;
      }
      if (d === 3) {
        if (row !== null && local === "c") {
          const r = attributes.r;
          cellColumn = r ? columnOfRef(r) : cellColumn + 1;
          cell = openEnds.length;
          const at = cursor.position;
          openEnds.push(at);
          ends.push(at);
          columns.push(cellColumn);
          rowNumbers.push(rowIndex);
          const style = styleNumber(attributes.s);
          styles.push(style);
          if (style === -2) oddStyles.set(cell, attributes.s);
          hasValues.push(0);
          sharedIndexes.push(-1);
          row.cellCount++;
        } else if (rule !== null && local === "formula") formula = "";
        return;
      }
      if (d === 2) {
        if (inSheetData && local === "row") {
          rowIndex = attributes.r ? Number(attributes.r) : rowIndex + 1;
          cellColumn = -1;
          row = {
            name: cursor.qualifiedName,
            attributes: cursor.rawAttributes,
            openEnd: cursor.position,
            end: cursor.position,
            selfClosing: cursor.selfClosing,
            index: rowIndex,
            firstCell: openEnds.length,
            cellCount: 0,
          };
          layout.rows.push(row);
        } else if (collectCols && local === "col") layout.colItems.push(element(cursor));
        else if (conditional !== null && local === "cfRule") {
          rule = { ...element(cursor), formulas: [] };
          conditional.rules.push(rule);
        }
        return;
      }
      if (d === 1) {
        topLevel = element(cursor);
        inSheetData = local === "sheetData";
        inExtLst = local === "extLst";
        if (inSheetData) layout.sheetData = topLevel;
        else if (local === "dimension") layout.dimension = topLevel;
        else if (local === "cols") {
          layout.cols = topLevel;
          collectCols = true;
        } else if (local === "conditionalFormatting") {
          conditional = { ...topLevel, rules: [] };
          layout.conditionals.push(conditional);
        } else if (
          layout.afterConditionalOpenEnd === null &&
          AFTER_CONDITIONAL_FORMATTING.has(local)
        ) {
          layout.afterConditionalOpenEnd = topLevel.openEnd;
        }
        return;
      }
      layout.rootName = cursor.qualifiedName;
      layout.rootSelfClosing = cursor.selfClosing;
    },
    text: (value) => {
      if (formula !== null) formula += value;
    },
    close: (local, cursor) => {
      const d = --depth;
      if (d >= 4) return;
      const end = cursor.position;
      if (d === 3) {
        if (cell >= 0 && local === "c") {
          ends[cell] = end;
          cell = -1;
        } else if (formula !== null && rule !== null && local === "formula") {
          rule.formulas.push(formula);
          formula = null;
        }
        return;
      }
      if (d === 2) {
        if (row !== null && local === "row") {
          row.end = end;
          row = null;
        } else if (collectCols && local === "col") {
          layout.colItems[layout.colItems.length - 1].end = end;
        } else if (rule !== null && local === "cfRule") {
          rule.end = end;
          rule = null;
        }
        return;
      }
      if (d === 1) {
        if (topLevel) topLevel.end = end;
        if (conditional) conditional.end = end;
        conditional = null;
        collectCols = false;
        inSheetData = false;
        inExtLst = false;
        topLevel = null;
        return;
      }
      layout.rootEnd = end;
    },
  };
  const finish = () => {
    const { cells } = layout;
    cells.count = openEnds.length;
    cells.openEnd = Int32Array.from(openEnds);
    cells.end = Int32Array.from(ends);
    cells.column = Int32Array.from(columns);
    cells.row = Int32Array.from(rowNumbers);
    cells.style = Int32Array.from(styles);
    cells.hasValue = Uint8Array.from(hasValues);
    cells.sharedIndex = Int32Array.from(sharedIndexes);
    return layout;
  };
  return { handlers, finish };
}

/**
 * The layout of a worksheet part (its UTF-8 bytes, or its text as `partText` gives it).
 *
 * @example sheetLayout('<worksheet><sheetData><row r="1"/></sheetData></worksheet>', "x").rows[0].index === 1
 */
export function sheetLayout(part: Uint8Array | string, partPath: string): SheetLayout {
  const recorder = layoutRecorder();
  streamXml(part, partPath, recorder.handlers);
  return recorder.finish();
}

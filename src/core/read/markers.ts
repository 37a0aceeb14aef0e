/**
 * Workbook-level records of the blocks the tools own: one defined name per table,
 * "_ParIndex_<sheet>_<n>", referring to the block's header row (its five columns). A defined name travels with the file
 * and is kept up to date by Excel and LibreOffice when rows or columns move, so a re-run
 * finds its block even when a header was retyped, and sees a column inserted into it.
 */
import { columnIndex, quoteSheetName } from "./a1";
import { parseWrittenRecord, type WrittenRecord } from "./written-record";

export const MARKER_PREFIX = "_ParIndex_";
/** Prefix of a block's record of what was written (written-record.ts); the rest is its marker's. */
export const RECORD_PREFIX = "_ParWrote_";

/**
 * The name of the record kept beside a block's marker.
 *
 * @example recordName("_ParIndex_1abc_1") === "_ParWrote_1abc_1"
 */
export function recordName(markerName: string): string {
  return RECORD_PREFIX + markerName.slice(MARKER_PREFIX.length);
}

export interface OwnedMarker {
  /** The defined name. */
  name: string;
  /** 0-based, sheet-absolute bounds of the block it refers to. */
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** What the run that wrote the block wrote in it, when its record is there. */
  record?: WrittenRecord;
}

/** A defined name as a front end reads it: its name and its reference ("='Phụ lục'!$I$5:$M$31"). */
export interface DefinedName {
  name: string;
  reference: string;
  /** A name kept out of the Name Manager's list (our records), when writing one. */
  hidden?: boolean;
}

/**
 * Parses a reference to a block on one sheet.
 *
 * @example parseReference("='Phụ lục'!$I$5:$M$31") // { sheet: "Phụ lục", top: 4, left: 8, bottom: 30, right: 12 }
 */
export function parseReference(
  reference: string
): { sheet: string; top: number; left: number; bottom: number; right: number } | null {
  const match =
    /^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(
      reference.trim()
    );
  if (!match) return null;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
  const top = Number(match[4]) - 1;
  const left = columnIndex(match[3]);
  return {
    sheet,
    top,
    left,
    bottom: match[6] ? Number(match[6]) - 1 : top,
    right: match[5] ? columnIndex(match[5]) : left,
  };
}

/** The markers among a workbook's defined names that refer to blocks on `sheet`. */
export function markersOnSheet(names: DefinedName[], sheet: string): OwnedMarker[] {
  const records = new Map<string, string>();
  for (const n of names)
    if (n.name.toLowerCase().startsWith(RECORD_PREFIX.toLowerCase()))
      records.set(n.name.toLowerCase(), n.reference);
  return names
    .filter((n) => n.name.startsWith(MARKER_PREFIX))
    .map((n) => ({ name: n.name, ref: parseReference(n.reference) }))
    .filter(
      (n): n is { name: string; ref: NonNullable<ReturnType<typeof parseReference>> } =>
        n.ref !== null && n.ref.sheet === sheet
    )
    .map(({ name, ref }) => {
      const marker: OwnedMarker = {
        name,
        top: ref.top,
        left: ref.left,
        bottom: ref.bottom,
        right: ref.right,
      };
      const stored = records.get(recordName(name).toLowerCase());
      const record = stored === undefined ? null : parseWrittenRecord(stored);
      if (record) marker.record = record;
      return marker;
    });
}

/** A short, stable, name-safe tag of a sheet name (defined names cannot hold spaces or accents). */
function sheetTag(sheet: string): string {
  let hash = 0x811c9dc5;
  for (const ch of sheet) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/**
 * The defined name and reference for a table's block (given by its header row).
 *
 * @example markerFor("Phụ lục", 0, "I5:M5") // { name: "_ParIndex_…_1", reference: "='Phụ lục'!$I$5:$M$5" }
 */
export function markerFor(sheet: string, tableIndex: number, range: string): DefinedName {
  const [from, to = from] = range.split(":");
  const absolute = (ref: string) => ref.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  return {
    name: `${MARKER_PREFIX}${sheetTag(sheet)}_${tableIndex + 1}`,
    reference: `=${quoteSheetName(sheet)}!${absolute(from)}:${absolute(to)}`,
  };
}

/** Width of a block with due and state columns (its state column is its last). */
const FULL_BLOCK_WIDTH = 5;

/**
 * The columns of the markers' blocks that hold the tools' state formula (a five-column
 * block's last), sheet-absolute and 0-based, with the block's header row: where a reader
 * reports typed values (`Grid.typedCells`).
 *
 * @example stateColumnsOf([{ name: "_ParIndex_x_1", top: 3, left: 7, bottom: 3, right: 11 }]) // [{ column: 11, top: 3 }]
 */
export function stateColumnsOf(markers: OwnedMarker[]): Array<{ column: number; top: number }> {
  return markers
    .filter((m) => m.right - m.left + 1 === FULL_BLOCK_WIDTH)
    .map((m) => ({ column: m.right, top: m.top }));
}

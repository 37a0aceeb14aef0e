/**
 * Workbook-level records of the blocks the tools own: one defined name per table,
 * "_ParIndex_<sheet>_<n>", referring to the block's header row (its five columns). A defined name travels with the file
 * and is kept up to date by Excel and LibreOffice when rows or columns move, so a re-run
 * finds its block even when a header was retyped, and sees a column inserted into it.
 */
import { columnIndex, quoteSheetName } from "./a1";

export const MARKER_PREFIX = "_ParIndex_";

export interface OwnedMarker {
  /** The defined name. */
  name: string;
  /** 0-based, sheet-absolute bounds of the block it refers to. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A defined name as a front end reads it: its name and its reference ("='Phụ lục'!$I$5:$M$31"). */
export interface DefinedName {
  name: string;
  reference: string;
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
  return names
    .filter((n) => n.name.startsWith(MARKER_PREFIX))
    .map((n) => ({ name: n.name, ref: parseReference(n.reference) }))
    .filter(
      (n): n is { name: string; ref: NonNullable<ReturnType<typeof parseReference>> } =>
        n.ref !== null && n.ref.sheet === sheet
    )
    .map(({ name, ref }) => ({
      name,
      top: ref.top,
      left: ref.left,
      bottom: ref.bottom,
      right: ref.right,
    }));
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

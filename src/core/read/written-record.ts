/**
 * A record of what a run wrote into a table's block, kept in the workbook beside the
 * block's marker, so that the next run can tell a value a person typed over one of our
 * cells (a date over our due date, a number over our points) from one we wrote, and stop
 * instead of silently recomputing it (issue 19.5).
 *
 * The choice, and why:
 * - Where: a hidden workbook-level defined name per block, "_ParWrote_<sheet tag>_<n>",
 *   beside the marker "_ParIndex_<sheet tag>_<n>", whose formula is a text constant
 *   (`="v1.3.AbC…"`). A defined name travels with the file in Excel and LibreOffice, both
 *   front ends already read and write names, and it needs no cell of the person's sheet.
 * - What: a Bloom filter (a fixed-size bit set) of one entry per non-blank static cell
 *   written: its column, the row's identity (its content text) and the value. A re-run
 *   asks, for each cell that differs from what it would write now: "did we write this
 *   value for this row?". The answer names the very cell, which a digest per block or per
 *   column could not; it does not depend on where the row is now, so sorting, filtering,
 *   inserting and deleting rows change nothing; and a value that changed because its
 *   input changed (a new self-score, hence new points) is still the one we wrote.
 * - Size: bounded whatever the table's size: at most MAX_PIECES literals of PIECE_CHARS
 *   base64url characters (Excel keeps a text literal in a formula to 255 characters, so
 *   longer records are "…"&"…"), 12,000 bits in all. About 12 bits per entry up to 1,000
 *   cells (a false "ours" about once in 300 typed cells), fewer past that: on a
 *   100,000-row table the filter fills up and answers "ours" for nearly everything, so a
 *   typed value goes unnoticed there (today's behaviour), but nothing is ever refused
 *   wrongly because of the filter. A refusal is wrong only when a row's content text was
 *   edited and its output changed in the same run.
 * - The state column holds our formula, not a value: a value there was typed by a person,
 *   whatever it says; the readers report such cells (`Grid.typedCells`), no record needed.
 */
import type { CellValue } from "../parse/values";
import type { OutputColumnKey } from "./output-columns";

const VERSION = "v1";
const PIECE_CHARS = 250;
const MAX_PIECES = 8;
/** Room for the "v1.<k>." that leads the first piece. */
const HEADER_CHARS = 5;
const MAX_BITS = (PIECE_CHARS * MAX_PIECES - HEADER_CHARS) * 6;
const MIN_BITS = 60;
const BITS_PER_ENTRY = 12;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** A record read back: the filter's bits and its number of hashes. */
export interface WrittenRecord {
  hashes: number;
  bits: Uint8Array;
}

/**
 * The entry of one written cell: its column, the row's identity and the value, in a form
 * that reads back the same from Excel, LibreOffice and the package (numbers as their
 * shortest decimal, line ends as "\n"; text is compared as the reader gives it, which is
 * what was written: no normalisation, which would cost more than the rest on 100,000 rows).
 */
export function recordEntry(key: OutputColumnKey, row: string, value: CellValue): string {
  const text =
    typeof value === "number"
      ? `n${value}`
      : `s${typeof value === "string" && value.includes("\r") ? value.replace(/\r\n?/g, "\n") : String(value)}`;
  return `${key}\u0000${row}\u0000${text}`;
}

/**
 * Calls `visit` with each of an entry's `hashes` bit positions in a filter of `size` bits:
 * double hashing over two FNV-1a hashes (32 bits, UTF-16 code units, two bases) taken in
 * one pass, with nothing allocated.
 */
function eachPosition(
  entry: string,
  hashes: number,
  size: number,
  visit: (position: number) => boolean
): boolean {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < entry.length; i++) {
    const code = entry.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 0x01000193);
    h2 = Math.imul(h2 ^ code, 0x01000193);
  }
  h1 >>>= 0;
  h2 = (h2 | 1) >>> 0;
  for (let i = 0; i < hashes; i++) if (!visit(((h1 + Math.imul(i, h2)) >>> 0) % size)) return false;
  return true;
}

/**
 * The record of a block's entries, as the text its defined name holds (without "=").
 *
 * @example writtenRecord([recordEntry("points", "Tiêu chí 1", 2)]).startsWith('"v1.')
 */
export function writtenRecord(entries: string[]): string {
  const wanted = Math.min(MAX_BITS, Math.max(MIN_BITS, entries.length * BITS_PER_ENTRY));
  const chars = Math.floor(wanted / 6);
  const size = chars * 6;
  const hashes = Math.max(
    1,
    Math.min(8, Math.round((size / Math.max(1, entries.length)) * Math.LN2))
  );
  const bits = new Uint8Array(size);
  const set = (p: number) => ((bits[p] = 1), true);
  for (const entry of entries) eachPosition(entry, hashes, size, set);
  let text = "";
  for (let c = 0; c < chars; c++) {
    let v = 0;
    for (let b = 0; b < 6; b++) v = (v << 1) | bits[c * 6 + b];
    text += ALPHABET[v];
  }
  const body = `${VERSION}.${hashes}.${text}`;
  const pieces: string[] = [];
  for (let i = 0; i < body.length; i += PIECE_CHARS) pieces.push(body.slice(i, i + PIECE_CHARS));
  return pieces.map((p) => `"${p}"`).join("&");
}

/**
 * Reads a record from its defined name's value, as a front end hands it: the formula
 * (`="v1.3.Ab"&"Cd"`, with or without "="), or the text it computes (`v1.3.AbCd`, what
 * Office.js gives as a constant name's value). Null when it is no record of ours.
 *
 * @example parseWrittenRecord('="v1.2.AB"')?.hashes === 2
 */
export function parseWrittenRecord(value: string): WrittenRecord | null {
  const body = value
    .trim()
    .replace(/^=/, "")
    .replace(/"\s*&\s*"/g, "")
    .replace(/^"|"$/g, "");
  const match = /^v1\.([1-8])\.([A-Za-z0-9_-]+)$/.exec(body);
  if (!match) return null;
  const text = match[2];
  const bits = new Uint8Array(text.length * 6);
  for (let c = 0; c < text.length; c++) {
    const v = ALPHABET.indexOf(text[c]);
    for (let b = 0; b < 6; b++) bits[c * 6 + b] = (v >> (5 - b)) & 1;
  }
  return { hashes: Number(match[1]), bits };
}

/** True when the record (probably) holds the entry; false means it certainly does not. */
export function recordHas(record: WrittenRecord, entry: string): boolean {
  return eachPosition(entry, record.hashes, record.bits.length, (p) => record.bits[p] === 1);
}

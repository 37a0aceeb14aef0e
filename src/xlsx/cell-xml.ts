/**
 * The XML of one cell we write. Strings are inline (`t="inlineStr"`): the shared-strings
 * part stays untouched, and a text such as "=1+1", "-", or "1.10" stays text.
 */
import { columnIndex, columnLetter } from "../core/read/grid";
import { escapeText } from "./xml-splice";

/**
 * A1 reference of a 1-based row and 0-based column.
 *
 * @example cellRef(5, 8) === "I5"
 */
export function cellRef(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/**
 * Row (1-based) and column (0-based) of an A1 reference, without "$"; null when it is not one.
 *
 * @example parseCellRef("$I$5") // { row: 5, column: 8 }
 */
export function parseCellRef(ref: string): { row: number; column: number } | null {
  let i = 0;
  if (ref[i] === "$") i++;
  const lettersStart = i;
  while (i < ref.length && /[A-Za-z]/.test(ref[i])) i++;
  const letters = ref.slice(lettersStart, i);
  if (ref[i] === "$") i++;
  const digits = ref.slice(i);
  if (letters.length === 0 || letters.length > 3 || !/^\d+$/.test(digits)) return null;
  return { row: Number(digits), column: columnIndex(letters) };
}

/** A number as an xsd:double Excel reads back exactly. */
function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : "0";
}

/**
 * A value cell: number, string or boolean; `style` is a cellXfs index (0 omitted).
 *
 * @example valueCellXml("", "I5", "Điểm", 3) === '<c r="I5" s="3" t="inlineStr"><is><t>Điểm</t></is></c>'
 */
export function valueCellXml(
  p: string,
  ref: string,
  value: string | number | boolean,
  style: number
): string {
  const s = style ? ` s="${style}"` : "";
  if (typeof value === "number")
    return `<${p}c r="${ref}"${s}><${p}v>${numberText(value)}</${p}v></${p}c>`;
  if (typeof value === "boolean")
    return `<${p}c r="${ref}"${s} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : "";
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t${space}>${escapeText(value)}</${p}t></${p}is></${p}c>`;
}

/**
 * A formula cell with a cached text result. `shared` makes it the master of a shared
 * formula (`ref`, `si`) or a follower (`si` only, no formula text).
 */
export function formulaCellXml(
  p: string,
  ref: string,
  formula: string | null,
  cached: string,
  style: number,
  shared?: { si: number; ref?: string }
): string {
  const s = style ? ` s="${style}"` : "";
  let f: string;
  if (shared && formula === null) f = `<${p}f t="shared" si="${shared.si}"/>`;
  else if (shared)
    f = `<${p}f t="shared" ref="${shared.ref}" si="${shared.si}">${escapeText(formula ?? "")}</${p}f>`;
  else f = `<${p}f>${escapeText(formula ?? "")}</${p}f>`;
  return `<${p}c r="${ref}"${s} t="str">${f}<${p}v>${escapeText(cached)}</${p}v></${p}c>`;
}

/**
 * Compares an input package with the copy made from it, part by part: every part outside
 * the allowed list must be byte-identical; in an allowed (changed) part every element of
 * the input must still be there, in order, with the same attributes and text (parsed with
 * @xmldom/xmldom, a parser other than the writer's). Returns the differences found, so a
 * test asserts `[]` and sees what broke.
 */
import { DOMParser, type Element, type Node as XmlNode } from "@xmldom/xmldom";
import { unzipSync } from "fflate";

export interface CompareOptions {
  /** Parts that may change (their pre-existing elements must not). */
  changedParts: (part: string) => boolean;
  /**
   * Input elements the copy may change or drop (e.g. an empty formatted cell inside our
   * block, or a `<col>` range our columns split).
   */
  mayChange?: (part: string, element: Element) => boolean;
  /** Input parts the copy may drop. */
  mayRemove?: (part: string) => boolean;
}

/** Attributes that are counts or extents of their contents, which grow with ours. */
const EXTENT_ATTRIBUTES: Record<string, string[]> = {
  "*": ["count", "uniqueCount"],
  dimension: ["ref"],
  row: ["spans"],
};

export function unzipParts(bytes: Uint8Array): Map<string, Uint8Array> {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files).filter(([name]) => !name.endsWith("/")));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

interface Flat {
  key: string;
  element: Element;
  where: string;
}

function localName(element: Element): string {
  return element.localName ?? element.nodeName;
}

/** Elements in document order, each keyed by its path, attributes and own text. */
function flatten(text: string): Flat[] {
  const document = new DOMParser().parseFromString(text, "text/xml");
  const out: Flat[] = [];
  const walk = (node: XmlNode, path: string) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      const name = localName(element);
      const skip = new Set([...(EXTENT_ATTRIBUTES["*"] ?? []), ...(EXTENT_ATTRIBUTES[name] ?? [])]);
      const attributes: string[] = [];
      for (let i = 0; i < element.attributes.length; i++) {
        const attribute = element.attributes.item(i)!;
        if (!skip.has(attribute.localName ?? attribute.name))
          attributes.push(`${attribute.name}=${JSON.stringify(attribute.value)}`);
      }
      attributes.sort();
      let ownText = "";
      for (let t = element.firstChild; t; t = t.nextSibling)
        if (t.nodeType === 3 || t.nodeType === 4) ownText += t.nodeValue ?? "";
      const where = `${path}/${name}`;
      out.push({
        key: `${where}[${attributes.join(" ")}]${JSON.stringify(ownText)}`,
        element,
        where,
      });
      walk(element, where);
    }
  };
  walk(document, "");
  return out;
}

/**
 * The elements of `before` missing from `after` (in order), as readable lines.
 *
 * @example compareXml("<a><b x='1'/></a>", "<a><b x='2'/></a>") // ['/a/b[x="1"]"" missing…']
 */
export function compareXml(
  before: string,
  after: string,
  mayChange: (element: Element) => boolean = () => false
): string[] {
  const original = flatten(before);
  const copy = flatten(after);
  const problems: string[] = [];
  let at = 0;
  for (const item of original) {
    if (mayChange(item.element)) continue;
    let found = at;
    while (found < copy.length && copy[found].key !== item.key) found++;
    if (found === copy.length) {
      problems.push(`${item.key.slice(0, 300)} is missing or changed in the copy`);
      if (problems.length >= 10) break;
      continue;
    }
    at = found + 1;
  }
  return problems;
}

/** Differences between an input package and its copy (empty when the copy is faithful). */
export function comparePackages(
  input: Uint8Array,
  output: Uint8Array,
  options: CompareOptions
): string[] {
  const before = unzipParts(input);
  const after = unzipParts(output);
  const problems: string[] = [];
  const decoder = new TextDecoder();
  for (const [part, bytes] of before) {
    const copy = after.get(part);
    if (!copy) {
      if (!options.mayRemove?.(part)) problems.push(`${part}: removed from the copy`);
      continue;
    }
    if (sameBytes(bytes, copy)) continue;
    if (!options.changedParts(part)) {
      problems.push(`${part}: changed, but the run had no reason to touch it`);
      continue;
    }
    for (const line of compareXml(decoder.decode(bytes), decoder.decode(copy), (element) =>
      options.mayChange ? options.mayChange(part, element) : false
    ))
      problems.push(`${part}: ${line}`);
  }
  return problems;
}

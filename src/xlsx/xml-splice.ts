/**
 * Splicing XML text at positions a real parser (saxes) found: the writer changes a part by
 * replacing or inserting exact ranges of the original text, so every byte it has no
 * reason to touch stays as the program that wrote the file left it.
 */
import { SaxesParser } from "saxes";

/** An element of a small part, with the string offsets of its pieces. */
export interface XmlNode {
  /** Qualified name as written ("x:c"). */
  name: string;
  /** Name without its prefix ("c"). */
  local: string;
  /** Attributes by qualified name, values decoded. */
  attributes: Record<string, string>;
  /** Offset of its "<". */
  start: number;
  /** Offset just after its start tag's ">". */
  openEnd: number;
  /** Offset of its end tag's "<" (equal to `openEnd` when self-closing). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  selfClosing: boolean;
  children: XmlNode[];
  /** Text directly inside the element (decoded). */
  text: string;
}

/** An edit of the original text: replace [start, end) with `text`. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * The local part of a qualified name.
 *
 * @example localPart("x:row") === "row"
 */
export function localPart(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/**
 * The prefix of a qualified name with its colon, "" without one.
 *
 * @example prefixOf("x:worksheet") === "x:"
 */
export function prefixOf(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon < 0 ? "" : qualified.slice(0, colon + 1);
}

/**
 * Offset of the "<" that starts the tag ending just before `tagEnd`. A "<" cannot occur
 * unescaped inside a tag (attribute values escape it), so the nearest one is the tag's.
 */
export function tagStart(text: string, tagEnd: number): number {
  return text.lastIndexOf("<", tagEnd - 1);
}

/**
 * Parses a small part (workbook, styles, relationships, content types) into a tree of
 * elements with their offsets. Large sheets go through their own one-pass scan instead.
 *
 * @example outlineXml('<a><b x="1"/></a>').children[0].attributes.x === "1"
 */
export function outlineXml(text: string): XmlNode {
  const parser = new SaxesParser({ xmlns: false });
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  parser.on("opentag", (tag) => {
    const openEnd = parser.position;
    const node: XmlNode = {
      name: tag.name,
      local: localPart(tag.name),
      attributes: { ...(tag.attributes as Record<string, string>) },
      start: tagStart(text, openEnd),
      openEnd,
      closeStart: openEnd,
      end: openEnd,
      selfClosing: tag.isSelfClosing,
      children: [],
      text: "",
    };
    if (stack.length > 0) stack[stack.length - 1].children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on("text", (value) => {
    if (stack.length > 0) stack[stack.length - 1].text += value;
  });
  parser.on("cdata", (value) => {
    if (stack.length > 0) stack[stack.length - 1].text += value;
  });
  parser.on("closetag", () => {
    const node = stack.pop()!;
    node.end = parser.position;
    node.closeStart = node.selfClosing ? node.openEnd : tagStart(text, node.end);
  });
  parser.write(text).close();
  if (!root) throw new Error("XML part without a root element");
  return root;
}

/** The first child element with this local name. */
export function child(node: XmlNode, local: string): XmlNode | undefined {
  return node.children.find((c) => c.local === local);
}

/** The child elements with this local name. */
export function childrenNamed(node: XmlNode, local: string): XmlNode[] {
  return node.children.filter((c) => c.local === local);
}

/**
 * Applies edits to `text`. Edits must not overlap; edits at the same offset keep their
 * given order (so rows inserted at one place stay in order).
 */
export function applySplices(text: string, splices: Splice[]): string {
  if (splices.length === 0) return text;
  const order = splices.map((_, i) => i);
  order.sort(
    (a, b) => splices[a].start - splices[b].start || splices[a].end - splices[b].end || a - b
  );
  const pieces: string[] = [];
  let at = 0;
  for (const i of order) {
    const s = splices[i];
    if (s.start < at) throw new Error(`overlapping XML edits at ${s.start}`);
    pieces.push(text.slice(at, s.start), s.text);
    at = s.end;
  }
  pieces.push(text.slice(at));
  return pieces.join("");
}

/** Characters XML 1.0 cannot carry, written the OOXML way (_xHHHH_). */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Characters that need any escaping in text content. */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>_\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Characters that need any escaping in an attribute value. */
// eslint-disable-next-line no-control-regex
const NEEDS_ATTRIBUTE_ESCAPE = /[&<>"\u0000-\u001F\uFFFE\uFFFF]/;

/**
 * Text content escaped for XML (and for OOXML's _xHHHH_ convention, so a literal
 * "_x0041_" in a note stays those seven characters).
 *
 * @example escapeText('a < b & "c"') === 'a &lt; b &amp; "c"'
 */
export function escapeText(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(
      FORBIDDEN,
      (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
    )
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/**
 * An attribute value escaped for double quotes; tabs and line breaks as character
 * references so that parsers do not normalise them to spaces.
 *
 * @example escapeAttribute('say "hi"') === "say &quot;hi&quot;"
 */
export function escapeAttribute(value: string): string {
  if (!NEEDS_ATTRIBUTE_ESCAPE.test(value)) return value;
  return value
    .replace(FORBIDDEN, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

/** A start tag from a name and attributes (in the given order). */
export function startTag(
  name: string,
  attributes: Record<string, string>,
  selfClosing = false
): string {
  let tag = `<${name}`;
  for (const key of Object.keys(attributes)) tag += ` ${key}="${escapeAttribute(attributes[key])}"`;
  return `${tag}${selfClosing ? "/>" : ">"}`;
}

/**
 * An edit that rewrites an element's start tag with some attributes changed (others kept
 * in their order, values as parsed). `undefined` removes an attribute.
 */
export function retag(
  node: Pick<XmlNode, "name" | "attributes" | "start" | "openEnd" | "selfClosing">,
  changes: Record<string, string | undefined>
): Splice {
  const attributes: Record<string, string> = {};
  for (const key of Object.keys(node.attributes)) {
    if (!(key in changes)) attributes[key] = node.attributes[key];
    else if (changes[key] !== undefined) attributes[key] = changes[key]!;
  }
  for (const key of Object.keys(changes)) {
    if (!(key in node.attributes) && changes[key] !== undefined) attributes[key] = changes[key]!;
  }
  return {
    start: node.start,
    end: node.openEnd,
    text: startTag(node.name, attributes, node.selfClosing),
  };
}

/** The prefix (with colon) the root binds to `namespace`, or null. */
export function prefixFor(root: XmlNode, namespace: string): string | null {
  for (const [key, value] of Object.entries(root.attributes)) {
    if (value !== namespace) continue;
    if (key === "xmlns") return "";
    if (key.startsWith("xmlns:")) return `${key.slice(6)}:`;
  }
  return null;
}

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const encoder = new TextEncoder();

/** A part's bytes as text, byte order mark kept (so untouched bytes stay identical). */
export function partText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export function partBytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * Streams one XML part through saxes (SAX): the bytes are decoded in chunks, so a large
 * sheet never becomes one huge string or a DOM. Element and attribute names are given
 * without their namespace prefix ("x:c" → "c"), because writers differ in prefixes
 * (Excel none, some generators "x:") and the reader must not depend on one program's way
 * of writing a file. DTD entities are never expanded (saxes knows only XML's own five),
 * so entity bombs and external entities fail as a damaged part.
 */
import { SaxesParser } from "saxes";
import { isPackageError, PackageError } from "./package-error";

export type XmlAttributes = Record<string, string>;

/**
 * The tag a handler is called for, beyond its local name: one object for the whole pass,
 * updated before each call (so a pass allocates nothing for it).
 */
export interface XmlCursor {
  /** Offset in the part's text just after the current tag (saxes' position). */
  position: number;
  /** The tag's name as written, prefix included ("x:row"). */
  qualifiedName: string;
  /** The start tag's attributes by qualified name, as saxes decoded them. */
  rawAttributes: Record<string, string>;
  selfClosing: boolean;
}

export interface XmlHandlers {
  /** An element starts; `attributes` by local name. */
  open?: (name: string, attributes: XmlAttributes, cursor: XmlCursor) => void;
  /** Character data (may come in several pieces for one text node). */
  text?: (text: string) => void;
  /** An element ends (also right after `open` for a self-closing element). */
  close?: (name: string, cursor: XmlCursor) => void;
}

const CHUNK_BYTES = 1 << 20;

/**
 * The local part of a qualified name.
 *
 * @example localName("x:c") === "c"
 */
export function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** The damaged-part error for `partPath`. */
export function damagedPart(partPath: string): PackageError {
  return new PackageError(
    "corrupt",
    `Tệp bị hỏng: phần "${partPath}" bên trong không đọc được (XML sai cấu trúc). Mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi chạy lại.`
  );
}

/**
 * Streams a part (UTF-8 bytes, or its text) through the handlers. Throws PackageError on
 * damaged XML. Offsets (`cursor.position`) index the text as `partText` decodes it: a byte
 * order mark is kept in the text (saxes skips it) so that offsets count it.
 */
export function streamXml(
  part: Uint8Array | string,
  partPath: string,
  handlers: XmlHandlers
): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const { open, text, close } = handlers;
  // Plain fields set before each call (a getter here costs more than it saves).
  const cursor: XmlCursor = {
    position: 0,
    qualifiedName: "",
    rawAttributes: {},
    selfClosing: false,
  };
  if (open) {
    // Attributes by local name, gathered from saxes' attribute events as they come: a plain
    // object per tag (saxes' own are dictionaries, slow to enumerate and to read).
    let attributes: XmlAttributes = {};
    parser.on("attribute", ({ name, value }) => {
      const colon = name.indexOf(":");
      if (colon < 0) {
        if (name !== "xmlns") attributes[name] = value;
      } else if (!name.startsWith("xmlns:")) attributes[name.slice(colon + 1)] = value;
    });
    parser.on("opentag", (tag) => {
      const local = attributes;
      attributes = {};
      cursor.position = parser.position;
      cursor.qualifiedName = tag.name;
      cursor.rawAttributes = tag.attributes as Record<string, string>;
      cursor.selfClosing = tag.isSelfClosing;
      open(localName(tag.name), local, cursor);
    });
  }
  if (text) parser.on("text", text);
  if (close) {
    parser.on("closetag", (tag) => {
      cursor.position = parser.position;
      cursor.qualifiedName = tag.name;
      cursor.selfClosing = tag.isSelfClosing;
      close(localName(tag.name), cursor);
    });
  }
  try {
    if (typeof part === "string") parser.write(part);
    else {
      const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
      for (let start = 0; start < part.length; start += CHUNK_BYTES) {
        const end = Math.min(part.length, start + CHUNK_BYTES);
        parser.write(decoder.decode(part.subarray(start, end), { stream: end < part.length }));
      }
    }
    parser.close();
  } catch (error) {
    if (isPackageError(error)) throw error;
    throw damagedPart(partPath);
  }
}

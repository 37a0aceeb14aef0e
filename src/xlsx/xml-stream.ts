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

export interface XmlHandlers {
  /** An element starts; `attributes` by local name. */
  open?: (name: string, attributes: XmlAttributes) => void;
  /** Character data (may come in several pieces for one text node). */
  text?: (text: string) => void;
  /** An element ends (also right after `open` for a self-closing element). */
  close?: (name: string) => void;
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

/** Attributes by local name, namespace declarations left out ("xmlns:r" would shadow "r"). */
function withLocalNames(raw: Record<string, string>): XmlAttributes {
  const attributes: XmlAttributes = {};
  for (const key in raw) {
    if (key === "xmlns" || key.startsWith("xmlns:")) continue;
    attributes[localName(key)] = raw[key];
  }
  return attributes;
}

/** The damaged-part error for `partPath`. */
export function damagedPart(partPath: string): PackageError {
  return new PackageError(
    "corrupt",
    `Tệp bị hỏng: phần "${partPath}" bên trong không đọc được (XML sai cấu trúc). Mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi chạy lại.`
  );
}

/** Streams `bytes` (UTF-8 XML) through the handlers. Throws PackageError on damaged XML. */
export function streamXml(bytes: Uint8Array, partPath: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const { open, text, close } = handlers;
  if (open) {
    parser.on("opentag", (tag) => {
      const raw = tag.attributes as Record<string, string>;
      // Most elements have only plain attribute names: pass them on as saxes made them.
      let plain = true;
      for (const key in raw) {
        if (key.includes(":") || key === "xmlns") {
          plain = false;
          break;
        }
      }
      open(localName(tag.name), plain ? raw : withLocalNames(raw));
    });
  }
  if (text) parser.on("text", text);
  if (close) parser.on("closetag", (tag) => close(localName(tag.name)));
  const decoder = new TextDecoder("utf-8");
  try {
    for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
      const end = Math.min(bytes.length, start + CHUNK_BYTES);
      parser.write(decoder.decode(bytes.subarray(start, end), { stream: end < bytes.length }));
    }
    parser.close();
  } catch (error) {
    if (isPackageError(error)) throw error;
    throw damagedPart(partPath);
  }
}

/**
 * The shared strings table: one string per `<si>`, rich text runs joined, phonetic runs
 * (`<rPh>`, furigana) left out as Excel does when it shows the cell.
 */
import { streamXml } from "./xml-stream";

/**
 * Decodes Excel's escapes of characters XML cannot hold (ST_Xstring: "_x000D_" is a carriage
 * return, "_x005F_" an underscore).
 *
 * @example decodeXString("a_x000D_b") === "a\rb"
 */
export function decodeXString(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

export function readSharedStrings(bytes: Uint8Array | undefined, partPath: string): string[] {
  if (!bytes) return [];
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = 0;
  let inPhonetic = 0;
  streamXml(bytes, partPath, {
    open: (name) => {
      if (name === "si") current = [];
      else if (name === "t") inText++;
      else if (name === "rPh") inPhonetic++;
    },
    text: (text) => {
      if (current && inText > 0 && inPhonetic === 0) current.push(text);
    },
    close: (name) => {
      if (name === "si" && current) {
        strings.push(decodeXString(current.join("")));
        current = null;
      } else if (name === "t") inText--;
      else if (name === "rPh") inPhonetic--;
    },
  });
  return strings;
}

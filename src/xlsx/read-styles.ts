/**
 * The number format of each cell style (`s` attribute → `<cellXfs>` entry → numFmtId →
 * custom `<numFmts>` code or the built-in table). Nothing else of the styles part is read.
 */
import { builtInFormat, isDateFormat } from "./number-formats";
import { streamXml } from "./xml-stream";

export interface CellStyles {
  /** Format code of a style index ("General" for an unknown index). */
  formatOf(styleIndex: number): string;
  /** Whether the style's format shows a calendar date. */
  isDate(styleIndex: number): boolean;
}

/** Styles of a package without a styles part: everything "General". */
export const NO_STYLES: CellStyles = { formatOf: () => "General", isDate: () => false };

export function readCellStyles(bytes: Uint8Array | undefined, partPath: string): CellStyles {
  if (!bytes) return NO_STYLES;
  const custom = new Map<number, string>();
  const xfFormatIds: number[] = [];
  let inCellXfs = 0;
  streamXml(bytes, partPath, {
    open: (name, attributes) => {
      if (name === "numFmt" && attributes.numFmtId !== undefined)
        custom.set(Number(attributes.numFmtId), attributes.formatCode ?? "General");
      else if (name === "cellXfs") inCellXfs++;
      else if (name === "xf" && inCellXfs > 0) xfFormatIds.push(Number(attributes.numFmtId ?? 0));
    },
    close: (name) => {
      if (name === "cellXfs") inCellXfs--;
    },
  });
  const formats = xfFormatIds.map((id) => custom.get(id) ?? builtInFormat(id));
  const dates = formats.map(isDateFormat);
  return {
    formatOf: (index) => formats[index] ?? "General",
    isDate: (index) => dates[index] ?? false,
  };
}

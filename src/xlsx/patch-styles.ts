/**
 * New styles for our cells, appended to `xl/styles.xml`: fonts, fills, number formats,
 * cell formats (`cellXfs`) and conditional-format styles (`dxfs`). A style the file
 * already has is never modified; an identical one (ours from an earlier run, or the
 * user's with exactly the same definition) is reused, which is harmless because nobody
 * changes it, and keeps a re-run byte for byte the same.
 */
import {
  applySplices,
  child,
  escapeAttribute,
  outlineXml,
  prefixOf,
  retag,
  type Splice,
  type XmlNode,
} from "./xml-splice";
import { elementsAfter, STYLESHEET_ORDER } from "./element-order";

/** The styles part Excel itself writes for an empty workbook: Calibri 11, no fill, no border. */
export const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `</styleSheet>`;

/** What one of our cells looks like. */
export interface CellLook {
  bold?: boolean;
  /** Solid fill colour, "#RRGGBB". */
  fill?: string;
  /** Excel number format code ("General", "0.00", "dd/mm/yyyy", "@"). */
  numberFormat?: string;
  wrap?: boolean;
  vertical?: "top" | "center";
  /** Font size in points (the workbook's default size when absent). */
  size?: number;
}

/** Number formats Excel knows by id (ECMA-376 §18.8.30), the ones we use. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "@": 49 };

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

interface Collection {
  local: (typeof STYLESHEET_ORDER)[number];
  /** Existing and added items, as XML text. */
  items: string[];
  added: string[];
  node: XmlNode | undefined;
}

export class StylesPatch {
  private readonly root: XmlNode;
  private readonly p: string;
  private readonly collections = new Map<string, Collection>();
  private readonly xfByLook = new Map<string, number>();
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmtId = 164;

  constructor(private readonly text: string) {
    this.root = outlineXml(text);
    this.p = prefixOf(this.root.name);
    for (const local of ["numFmts", "fonts", "fills", "cellXfs", "dxfs"] as const) {
      const node = child(this.root, local);
      this.collections.set(local, {
        local,
        node,
        items: node ? node.children.map((c) => text.slice(c.start, c.end)) : [],
        added: [],
      });
    }
    for (const numFmt of child(this.root, "numFmts")?.children ?? []) {
      const id = Number(numFmt.attributes.numFmtId);
      this.numFmtIds.set(numFmt.attributes.formatCode, id);
      if (id >= this.nextNumFmtId) this.nextNumFmtId = id + 1;
    }
  }

  /** The `cellXfs` index of a cell format with this look (appended when new). */
  cellStyle(look: CellLook): number {
    const key = JSON.stringify(look);
    const known = this.xfByLook.get(key);
    if (known !== undefined) return known;
    const id = this.index("cellXfs", this.xfXml(look, true)!);
    this.xfByLook.set(key, id);
    return id;
  }

  /**
   * The `cellXfs` index of a cell format with this look if the workbook already has it,
   * adding nothing: how a re-run tells the look it gave a cell from one a person chose.
   */
  existingCellStyle(look: CellLook): number | undefined {
    const known = this.xfByLook.get(JSON.stringify(look));
    if (known !== undefined) return known;
    const xf = this.xfXml(look, false);
    return xf === undefined ? undefined : this.find("cellXfs", xf);
  }

  private find(local: string, xml: string): number | undefined {
    const found = this.collections.get(local)!.items.indexOf(xml);
    return found >= 0 ? found : undefined;
  }

  /**
   * The `<xf>` of a look, its font, fill and number format added when new (`add`) or only
   * looked up (undefined when one is missing).
   */
  private xfXml(look: CellLook, add: boolean): string | undefined {
    const p = this.p;
    const at = (local: string, xml: string) =>
      add ? this.index(local, xml) : this.find(local, xml);
    const fontId = look.bold || look.size ? at("fonts", this.fontXml(look)) : 0;
    const fillId = look.fill ? at("fills", this.fillXml(look.fill, "fgColor")) : 0;
    const code = look.numberFormat ?? "General";
    const numFmtId = add
      ? this.numberFormatId(code)
      : code in BUILT_IN_FORMATS
        ? BUILT_IN_FORMATS[code]
        : this.numFmtIds.get(code);
    if (fontId === undefined || fillId === undefined || numFmtId === undefined) return undefined;
    const alignment =
      look.wrap || look.vertical
        ? `<${p}alignment${look.vertical ? ` vertical="${look.vertical}"` : ""}${look.wrap ? ' wrapText="1"' : ""}/>`
        : "";
    const applies = [
      numFmtId !== 0 ? ' applyNumberFormat="1"' : "",
      fontId !== 0 ? ' applyFont="1"' : "",
      fillId !== 0 ? ' applyFill="1"' : "",
      alignment ? ' applyAlignment="1"' : "",
    ].join("");
    return alignment
      ? `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applies}>${alignment}</${p}xf>`
      : `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applies}/>`;
  }

  /** The `dxfs` index of a conditional format that fills the cell with `hex`. */
  conditionalFill(hex: string): number {
    const p = this.p;
    return this.index("dxfs", `<${p}dxf>${this.fillXml(hex, "bgColor")}</${p}dxf>`);
  }

  /** The new styles.xml, or null when nothing was added. */
  result(): string | null {
    const splices: Splice[] = [];
    const p = this.p;
    for (const collection of this.collections.values()) {
      if (collection.added.length === 0) continue;
      const count = String(collection.items.length);
      const node = collection.node;
      if (node) {
        if (node.selfClosing) {
          splices.push({
            start: node.start,
            end: node.end,
            text: `${retag({ ...node, selfClosing: false }, { count }).text}${collection.added.join("")}</${node.name}>`,
          });
        } else {
          if ("count" in node.attributes) splices.push(retag(node, { count }));
          splices.push({
            start: node.closeStart,
            end: node.closeStart,
            text: collection.added.join(""),
          });
        }
      } else {
        splices.push({
          start: this.insertionPoint(collection.local),
          end: this.insertionPoint(collection.local),
          text: `<${p}${collection.local} count="${count}">${collection.added.join("")}</${p}${collection.local}>`,
        });
      }
    }
    return splices.length > 0 ? applySplices(this.text, splices) : null;
  }

  private insertionPoint(local: (typeof STYLESHEET_ORDER)[number]): number {
    const later = elementsAfter(STYLESHEET_ORDER, local);
    const next = this.root.children.find((c) => later.has(c.local));
    return next ? next.start : this.root.closeStart;
  }

  private index(local: string, xml: string): number {
    const collection = this.collections.get(local)!;
    const found = collection.items.indexOf(xml);
    if (found >= 0) return found;
    collection.items.push(xml);
    collection.added.push(xml);
    return collection.items.length - 1;
  }

  private numberFormatId(code: string): number {
    if (code in BUILT_IN_FORMATS) return BUILT_IN_FORMATS[code];
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmtId++;
    this.numFmtIds.set(code, id);
    this.index(
      "numFmts",
      `<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`
    );
    return id;
  }

  /** The workbook's default font (fonts[0], the Normal style's) made bold and/or resized. */
  private fontXml(look: CellLook): string {
    const fonts = child(this.root, "fonts");
    const base = fonts?.children[0];
    const p = this.p;
    if (!base) {
      return `<${p}font>${look.bold ? `<${p}b/>` : ""}<${p}sz val="${look.size ?? 11}"/><${p}name val="Calibri"/></${p}font>`;
    }
    // CT_Font is a choice of any order: our <b/> and <sz/> go first, the base's own
    // children follow, except a size we replace.
    const kept = base.children
      .filter((c) => !(look.size && c.local === "sz") && !(look.bold && c.local === "b"))
      .map((c) => this.text.slice(c.start, c.end))
      .join("");
    const added = `${look.bold ? `<${p}b/>` : ""}${look.size ? `<${p}sz val="${look.size}"/>` : ""}`;
    return `<${base.name}>${added}${kept}</${base.name}>`;
  }

  private fillXml(hex: string, colour: "fgColor" | "bgColor"): string {
    const p = this.p;
    return `<${p}fill><${p}patternFill patternType="solid"><${p}${colour} rgb="${argb(hex)}"/></${p}patternFill></${p}fill>`;
  }
}

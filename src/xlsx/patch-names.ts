/**
 * Changes to the workbook part (`xl/workbook.xml`): our defined names (markers) added or
 * replaced, stale ones removed, and our new sheets appended at the end of `<sheets>` (so
 * the `localSheetId` of every sheet-scoped name still points at the same sheet). Every
 * other name, sheet entry and setting is left as it was.
 */
import {
  applySplices,
  child,
  childrenNamed,
  escapeAttribute,
  escapeText,
  outlineXml,
  prefixFor,
  prefixOf,
  type Splice,
} from "./xml-splice";
import { maxOf } from "../core/arrays";
import { elementsAfter, WORKBOOK_ORDER } from "./element-order";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Elements of CT_Workbook that come after `definedNames`. */
const AFTER_DEFINED_NAMES = elementsAfter(WORKBOOK_ORDER, "definedNames");

export interface WorkbookPartEdits {
  /** Workbook-scoped names to remove (case-insensitive, as Excel compares names). */
  removeNames: string[];
  /** Workbook-scoped names to add; the reference with or without a leading "=". */
  addNames: Array<{ name: string; reference: string; hidden?: boolean }>;
  /** Sheets to append: name, sheetId is chosen here, relationship id in the workbook's rels. */
  addSheets: Array<{ name: string; relId: string }>;
}

/**
 * The workbook part with the edits applied.
 *
 * @example patchWorkbookXml(xml, { removeNames: [], addNames: [{ name: "_ParIndex_x_1", reference: "'S'!$A$1" }], addSheets: [] })
 */
export function patchWorkbookXml(text: string, edits: WorkbookPartEdits): string {
  const root = outlineXml(text);
  const p = prefixOf(root.name);
  const splices: Splice[] = [];
  const remove = new Set(edits.removeNames.map((n) => n.toLowerCase()));
  const definedNames = child(root, "definedNames");
  for (const name of definedNames ? childrenNamed(definedNames, "definedName") : []) {
    if (name.attributes.localSheetId !== undefined) continue;
    if (remove.has((name.attributes.name ?? "").toLowerCase()))
      splices.push({ start: name.start, end: name.end, text: "" });
  }
  const added = edits.addNames
    .map(
      (n) =>
        `<${p}definedName name="${escapeAttribute(n.name)}"${n.hidden ? ' hidden="1"' : ""}>${escapeText(n.reference.replace(/^=/, ""))}</${p}definedName>`
    )
    .join("");
  if (added) {
    if (definedNames && !definedNames.selfClosing) {
      splices.push({ start: definedNames.closeStart, end: definedNames.closeStart, text: added });
    } else if (definedNames) {
      splices.push({
        start: definedNames.start,
        end: definedNames.end,
        text: `<${p}definedNames>${added}</${p}definedNames>`,
      });
    } else {
      const next = root.children.find((c) => AFTER_DEFINED_NAMES.has(c.local));
      const at = next ? next.start : root.closeStart;
      splices.push({ start: at, end: at, text: `<${p}definedNames>${added}</${p}definedNames>` });
    }
  }
  if (edits.addSheets.length > 0) {
    const sheets = child(root, "sheets");
    if (!sheets || sheets.selfClosing) throw new Error("workbook part without <sheets>");
    let sheetId = maxOf(
      sheets.children.map((s) => Number(s.attributes.sheetId) || 0),
      0
    );
    const r = prefixFor(root, REL_NS);
    const relAttribute = r ? `${r}id` : "r:id";
    const declare = r ? "" : ` xmlns:r="${REL_NS}"`;
    const xml = edits.addSheets
      .map(
        (s) =>
          `<${p}sheet name="${escapeAttribute(s.name)}" sheetId="${++sheetId}"${declare} ${relAttribute}="${escapeAttribute(s.relId)}"/>`
      )
      .join("");
    splices.push({ start: sheets.closeStart, end: sheets.closeStart, text: xml });
  }
  return applySplices(text, splices);
}

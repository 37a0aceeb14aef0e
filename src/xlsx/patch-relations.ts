/**
 * Additions to a relationships part (`*.rels`) and to `[Content_Types].xml`: new entries
 * appended, existing ones untouched.
 */
import { applySplices, escapeAttribute, outlineXml, prefixOf, type Splice } from "./xml-splice";

const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

export const RELATIONSHIP_TYPE = {
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  theme: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme",
} as const;

export const PART_CONTENT_TYPE = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  theme: "application/vnd.openxmlformats-officedocument.theme+xml",
} as const;

/** A relationship id not used in `existing`: rId1, rId2… */
export function unusedRelId(existing: Iterable<string>): string {
  const used = new Set(existing);
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/**
 * A .rels part (or a new one when `text` is undefined) with relationships appended.
 *
 * @example addRelationships(undefined, [{ id: "rId1", type: RELATIONSHIP_TYPE.chart, target: "../charts/chart1.xml" }])
 */
export function addRelationships(
  text: string | undefined,
  relationships: Array<{ id: string; type: string; target: string }>
): string {
  const xml = (p: string) =>
    relationships
      .map(
        (r) =>
          `<${p}Relationship Id="${escapeAttribute(r.id)}" Type="${escapeAttribute(r.type)}" Target="${escapeAttribute(r.target)}"/>`
      )
      .join("");
  if (text === undefined) {
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_REL_NS}">${xml("")}</Relationships>`;
  }
  const root = outlineXml(text);
  const p = prefixOf(root.name);
  if (root.selfClosing) {
    return applySplices(text, [
      {
        start: root.start,
        end: root.end,
        text: `${text.slice(root.start, root.end - 2)}>${xml(p)}</${root.name}>`,
      },
    ]);
  }
  return applySplices(text, [{ start: root.closeStart, end: root.closeStart, text: xml(p) }]);
}

/**
 * `[Content_Types].xml` with overrides for new parts (and a default for .rels if missing).
 *
 * @example addContentTypes(xml, [{ part: "xl/charts/chart1.xml", type: PART_CONTENT_TYPE.chart }])
 */
export function addContentTypes(
  text: string,
  overrides: Array<{ part: string; type: string }>
): string {
  const root = outlineXml(text);
  const p = prefixOf(root.name);
  const known = new Set(
    root.children
      .filter((c) => c.local === "Override")
      .map((c) => (c.attributes.PartName ?? "").replace(/^\/+/, "").toLowerCase())
  );
  const hasRelsDefault = root.children.some(
    (c) => c.local === "Default" && (c.attributes.Extension ?? "").toLowerCase() === "rels"
  );
  let xml = hasRelsDefault
    ? ""
    : `<${p}Default Extension="rels" ContentType="${PART_CONTENT_TYPE.relationships}"/>`;
  for (const o of overrides) {
    if (known.has(o.part.toLowerCase())) continue;
    xml += `<${p}Override PartName="/${escapeAttribute(o.part)}" ContentType="${escapeAttribute(o.type)}"/>`;
  }
  if (!xml) return text;
  const splices: Splice[] = [{ start: root.closeStart, end: root.closeStart, text: xml }];
  return applySplices(text, splices);
}

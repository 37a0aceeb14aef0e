/**
 * Excel's rules, held to every package we write: each XML part against the ISO/IEC 29500
 * transitional schemas (test/fixtures/ooxml-schemas, after Markup Compatibility processing
 * as Office does it), plus the package rules no schema states (content types, relationship
 * targets, unique names, style indexes, cell order, merges, conditional-format priorities,
 * table and sheet names). LibreOffice opens files that break these; Excel offers a repair.
 *
 * The rule a test holds an output to is "no problem its input did not have": a finding is
 * compared without its line number, so an input's own problem carried over is not ours.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DOMParser, XMLSerializer, type Element, type Node } from "@xmldom/xmldom";
import { strFromU8, unzipSync } from "fflate";
import { validateXML } from "xmllint-wasm";

export interface Finding {
  part: string;
  rule: string;
  message: string;
}

const SCHEMA_DIR = path.join(__dirname, "..", "fixtures", "ooxml-schemas");
const NS = {
  sml: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  drawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  dml: "http://schemas.openxmlformats.org/drawingml/2006/main",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  xml: "http://www.w3.org/XML/1998/namespace",
  x14: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
  officeRels: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};
/** Root namespaces whose parts the schemas validate (docProps, VML, customXml are left out). */
const VALIDATED_ROOTS = new Set([NS.sml, NS.chart, NS.drawing, NS.dml, NS.contentTypes, NS.rels]);

/** One schema importing every one we validate against, so one xmllint run checks all parts. */
const ROOT_SCHEMA = `<?xml version="1.0"?><xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:par-index:validated-parts">
<xsd:import namespace="${NS.sml}" schemaLocation="sml.xsd"/>
<xsd:import namespace="${NS.chart}" schemaLocation="dml-chart.xsd"/>
<xsd:import namespace="${NS.drawing}" schemaLocation="dml-spreadsheetDrawing.xsd"/>
<xsd:import namespace="${NS.dml}" schemaLocation="dml-main.xsd"/>
<xsd:import namespace="${NS.contentTypes}" schemaLocation="opc-contentTypes.xsd"/>
<xsd:import namespace="${NS.rels}" schemaLocation="opc-relationships.xsd"/>
</xsd:schema>`;

let schemaFiles: Array<{ fileName: string; contents: string }> | null = null;
function schemas() {
  if (schemaFiles) return schemaFiles;
  schemaFiles = [];
  for (const sub of ["ISO-IEC29500-4_2016", path.join("ecma", "fouth-edition")])
    for (const file of readdirSync(path.join(SCHEMA_DIR, sub)))
      if (file.endsWith(".xsd"))
        schemaFiles.push({
          fileName: file,
          contents: readFileSync(path.join(SCHEMA_DIR, sub, file), "utf8"),
        });
  return schemaFiles;
}

const elements = (node: Node): Element[] =>
  Array.from(node.childNodes).filter((n): n is Element => n.nodeType === 1);

/**
 * Markup Compatibility as Office applies it before its schema checks (ECMA-376 Part 3):
 * elements and attributes of an ignorable namespace dropped, mc: attributes dropped,
 * `mc:AlternateContent` replaced by its `mc:Fallback` (we understand no extension's
 * Choice), and `xml:space` checked then removed (sml.xsd does not import xml.xsd).
 */
function compatibilityProcessed(root: Element, part: string, findings: Finding[]): void {
  const ignorable = new Set<string>();
  const walk = (element: Element) => {
    const list = element.getAttributeNS(NS.mc, "Ignorable");
    if (list)
      for (const prefix of list.split(/\s+/).filter(Boolean)) {
        const ns = element.lookupNamespaceURI(prefix);
        if (ns) ignorable.add(ns);
      }
    for (const attribute of Array.from(element.attributes)) {
      const ns = attribute.namespaceURI;
      if (ns === NS.xml && attribute.localName === "space") {
        if (attribute.value !== "preserve" && attribute.value !== "default")
          findings.push({ part, rule: "xml-space", message: `xml:space="${attribute.value}"` });
        element.removeAttributeNode(attribute);
      } else if (ns === NS.mc || (ns && ignorable.has(ns))) element.removeAttributeNode(attribute);
    }
    for (const child of elements(element)) {
      const ns = child.namespaceURI ?? "";
      if (ns === NS.mc && child.localName === "AlternateContent") {
        const fallback = elements(child).find((c) => c.localName === "Fallback");
        for (const kept of fallback ? elements(fallback) : []) {
          element.insertBefore(kept, child);
          walk(kept);
        }
        element.removeChild(child);
      } else if (ignorable.has(ns)) element.removeChild(child);
      // Extensions are validated laxly: Office keeps their content as written.
      else if (child.localName !== "extLst") walk(child);
    }
  };
  walk(root);
}

function parseXml(text: string, part: string, findings: Finding[]): Element | null {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") errors.push(String(message));
    },
  }).parseFromString(text, "text/xml");
  if (errors.length > 0 || !doc.documentElement) {
    findings.push({ part, rule: "well-formed", message: errors[0] ?? "no root element" });
    return null;
  }
  return doc.documentElement as unknown as Element;
}

/** Column number of "AB12" (1-based) and its row. */
function cellPosition(ref: string): { row: number; column: number } | null {
  const match = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!match) return null;
  let column = 0;
  for (const ch of match[1]) column = column * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(match[2]), column };
}

function rangeOf(ref: string) {
  const [a, b = a] = ref.split(":");
  const from = cellPosition(a);
  const to = cellPosition(b);
  return from && to ? { from, to } : null;
}

function resolveTarget(relsPath: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = path.posix.dirname(path.posix.dirname(relsPath));
  return path.posix.normalize(path.posix.join(base, target)).replace(/^\.\//, "");
}

const INVALID_SHEET_NAME = /[[\]:*?/\\]/;

/** The package rules no schema states, over a package's parsed XML parts. */
function packageRules(
  files: Record<string, Uint8Array>,
  roots: Map<string, Element>,
  findings: Finding[]
): void {
  const add = (part: string, rule: string, message: string) =>
    findings.push({ part, rule, message });
  // Content types.
  const types = roots.get("[Content_Types].xml");
  if (!types) add("[Content_Types].xml", "content-type", "missing");
  else {
    const defaults = new Set(
      elements(types)
        .filter((e) => e.localName === "Default")
        .map((e) => (e.getAttribute("Extension") ?? "").toLowerCase())
    );
    const overrides = new Set(
      elements(types)
        .filter((e) => e.localName === "Override")
        .map((e) => (e.getAttribute("PartName") ?? "").replace(/^\//, "").toLowerCase())
    );
    for (const part of Object.keys(files)) {
      if (part.endsWith("/") || part === "[Content_Types].xml") continue;
      const extension = part.includes(".") ? part.slice(part.lastIndexOf(".") + 1) : "";
      if (!overrides.has(part.toLowerCase()) && !defaults.has(extension.toLowerCase()))
        add(part, "content-type", "no content type");
    }
    for (const override of overrides)
      if (!Object.keys(files).some((p) => p.toLowerCase() === override))
        add(override, "content-type", "override for a missing part");
  }
  // Relationship targets.
  for (const [part, root] of roots) {
    if (!part.endsWith(".rels")) continue;
    const ids = new Set<string>();
    for (const rel of elements(root)) {
      const id = rel.getAttribute("Id") ?? "";
      if (ids.has(id)) add(part, "relationship-id", `duplicate Id ${id}`);
      ids.add(id);
      if (rel.getAttribute("TargetMode") === "External") continue;
      const target = resolveTarget(part, rel.getAttribute("Target") ?? "");
      if (!(target in files)) add(part, "relationship-target", `${id} → ${target} is missing`);
    }
  }
  // Workbook: sheet names, defined names.
  const workbookPart = Object.keys(files).find((p) => /^xl\/workbook\d*\.xml$/.test(p));
  const workbook = workbookPart ? roots.get(workbookPart) : undefined;
  const definedNames = new Set<string>();
  if (workbook && workbookPart) {
    const sheetNames = new Set<string>();
    for (const sheet of workbook.getElementsByTagNameNS(NS.sml, "sheet")) {
      const name = sheet.getAttribute("name") ?? "";
      const key = name.toLocaleLowerCase("vi");
      if (
        name.length === 0 ||
        name.length > 31 ||
        INVALID_SHEET_NAME.test(name) ||
        name.startsWith("'") ||
        name.endsWith("'")
      )
        add(workbookPart, "sheet-name", `invalid sheet name "${name}"`);
      if (sheetNames.has(key)) add(workbookPart, "sheet-name", `duplicate sheet name "${name}"`);
      sheetNames.add(key);
    }
    for (const defined of workbook.getElementsByTagNameNS(NS.sml, "definedName")) {
      const key = `${defined.getAttribute("localSheetId") ?? ""}|${(defined.getAttribute("name") ?? "").toLowerCase()}`;
      if (definedNames.has(key))
        add(workbookPart, "defined-name", `duplicate name ${defined.getAttribute("name")}`);
      definedNames.add(key);
    }
  }
  const workbookScopedNames = new Set(
    [...definedNames].filter((k) => k.startsWith("|")).map((k) => k.slice(1))
  );
  // Styles.
  const stylesPart = Object.keys(files).find((p) => /^xl\/styles\.xml$/.test(p));
  const styles = stylesPart ? roots.get(stylesPart) : undefined;
  const countOf = (local: string) => {
    const list = styles ? elements(styles).find((e) => e.localName === local) : undefined;
    return list ? elements(list).length : 0;
  };
  const xfCount = countOf("cellXfs");
  const dxfCount = countOf("dxfs");
  // Tables.
  const tableNames = new Set<string>();
  for (const [part, root] of roots) {
    if (root.namespaceURI !== NS.sml || root.localName !== "table") continue;
    for (const attribute of ["name", "displayName"]) {
      const name = (root.getAttribute(attribute) ?? "").toLowerCase();
      if (attribute === "displayName" && name === (root.getAttribute("name") ?? "").toLowerCase())
        continue;
      if (tableNames.has(name)) add(part, "table-name", `duplicate table name ${name}`);
      if (workbookScopedNames.has(name))
        add(part, "table-name", `table name ${name} is also a defined name`);
      tableNames.add(name);
    }
  }
  // Worksheets.
  for (const [part, root] of roots) {
    if (root.namespaceURI !== NS.sml || root.localName !== "worksheet") continue;
    let lastRow = 0;
    for (const row of root.getElementsByTagNameNS(NS.sml, "row")) {
      const r = Number(row.getAttribute("r") ?? lastRow + 1);
      if (!(r > lastRow)) add(part, "row-order", `row ${r} after row ${lastRow}`);
      lastRow = r;
      const rowStyle = row.getAttribute("s");
      if (rowStyle !== null && Number(rowStyle) >= xfCount)
        add(part, "style-index", `row ${r} s=${rowStyle} of ${xfCount}`);
      let lastColumn = 0;
      for (const cell of elements(row)) {
        if (cell.localName !== "c") continue;
        const ref = cell.getAttribute("r");
        const position = ref ? cellPosition(ref) : { row: r, column: lastColumn + 1 };
        if (!position) {
          add(part, "cell-ref", `bad reference ${ref}`);
          continue;
        }
        if (position.row !== r) add(part, "cell-ref", `${ref} inside row ${r}`);
        if (!(position.column > lastColumn)) add(part, "cell-order", `${ref} out of order`);
        lastColumn = position.column;
        const s = cell.getAttribute("s");
        if (s !== null && Number(s) >= xfCount)
          add(part, "style-index", `${ref} s=${s} of ${xfCount}`);
      }
    }
    for (const col of root.getElementsByTagNameNS(NS.sml, "col")) {
      const s = col.getAttribute("style");
      if (s !== null && Number(s) >= xfCount)
        add(part, "style-index", `col ${col.getAttribute("min")} style=${s} of ${xfCount}`);
    }
    const merges = Array.from(root.getElementsByTagNameNS(NS.sml, "mergeCell"))
      .map((m) => ({
        ref: m.getAttribute("ref") ?? "",
        range: rangeOf(m.getAttribute("ref") ?? ""),
      }))
      .sort((a, b) => (a.range?.from.row ?? 0) - (b.range?.from.row ?? 0));
    for (let i = 0; i < merges.length; i++) {
      const a = merges[i].range;
      if (!a) {
        add(part, "merge", `bad merge ${merges[i].ref}`);
        continue;
      }
      for (let j = i + 1; j < merges.length; j++) {
        const b = merges[j].range;
        if (!b) continue;
        if (b.from.row > a.to.row) break;
        if (b.from.column <= a.to.column && b.to.column >= a.from.column)
          add(part, "merge", `${merges[i].ref} overlaps ${merges[j].ref}`);
      }
    }
    const priorities = new Set<number>();
    const rules = [
      ...Array.from(root.getElementsByTagNameNS(NS.sml, "cfRule")),
      ...Array.from(root.getElementsByTagNameNS(NS.x14, "cfRule")),
    ];
    for (const rule of rules) {
      const priority = Number(rule.getAttribute("priority"));
      if (priorities.has(priority))
        add(part, "cf-priority", `conditional-format priority ${priority} used twice`);
      priorities.add(priority);
      const dxf = rule.getAttribute("dxfId");
      if (rule.namespaceURI === NS.sml && dxf !== null && Number(dxf) >= dxfCount)
        add(part, "dxf-index", `dxfId=${dxf} of ${dxfCount}`);
    }
  }
}

/** A safe file name for xmllint's in-memory file system, one per package and part. */
const memoryName = (index: number, part: string) =>
  `p${index}_${part.replace(/[^A-Za-z0-9.]/g, "_")}`;

/**
 * Every finding of each package, schema and package rules, in one xmllint run for all
 * (keep batches small: one run over hundreds of parts is many times slower than several).
 */
export async function validatePackages(packages: Uint8Array[]): Promise<Finding[][]> {
  const results: Finding[][] = packages.map(() => []);
  const xml: Array<{ fileName: string; contents: string }> = [];
  const owner = new Map<string, { index: number; part: string }>();
  packages.forEach((bytes, index) => {
    const findings = results[index];
    const files = unzipSync(bytes);
    const roots = new Map<string, Element>();
    for (const [part, content] of Object.entries(files)) {
      if (!/\.(xml|rels)$/i.test(part)) continue;
      const root = parseXml(strFromU8(content), part, findings);
      if (!root) continue;
      roots.set(part, root);
    }
    packageRules(files, roots, findings);
    for (const [part, root] of roots) {
      if (!VALIDATED_ROOTS.has(root.namespaceURI ?? "")) continue;
      compatibilityProcessed(root, part, findings);
      const fileName = memoryName(index, part);
      owner.set(fileName, { index, part });
      xml.push({ fileName, contents: new XMLSerializer().serializeToString(root) });
    }
  });
  if (xml.length === 0) return results;
  const outcome = await validateXML({
    xml,
    schema: [{ fileName: "validated-parts.xsd", contents: ROOT_SCHEMA }],
    preload: schemas(),
    maxMemoryPages: 32768,
  });
  for (const error of outcome.errors) {
    // xmllint closes each failing file with "<file> fails to validate": the errors before it say why.
    if (/ fails to validate$/.test(error.rawMessage)) continue;
    const where = error.loc ? owner.get(error.loc.fileName) : undefined;
    if (!where) throw new Error(`xmllint: ${error.rawMessage}`);
    results[where.index].push({
      part: where.part,
      rule: "schema",
      message: error.message.replace(/^\s*/, ""),
    });
  }
  return results;
}

/** The findings of `output` that `input` did not already have. */
export function addedFindings(input: Finding[], output: Finding[]): Finding[] {
  const key = (f: Finding) => `${f.part}|${f.rule}|${f.message}`;
  const had = new Set(input.map(key));
  return output.filter((f) => !had.has(key(f)));
}

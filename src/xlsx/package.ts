/**
 * An .xlsx/.xlsm package opened for reading: every part's raw bytes and what the workbook
 * part says about itself (sheets, names, date system, where styles and shared strings are).
 * Platform-neutral (bytes in, data out; no Node API) so the task pane can use it too, and
 * free of business rules. The patcher (src/xlsx/patch-*.ts) builds on these types.
 *
 * Guarantees:
 * - Part paths are zip entry names as stored, without a leading "/" ("xl/workbook.xml").
 *   Relationship targets are resolved (relative to the source part, or absolute "/xl/…"),
 *   percent-decoded, with "." and ".." removed, and then matched to the stored entry name
 *   ignoring case (OPC part names are case-insensitive). A target that names no stored
 *   part keeps its resolved path and is simply absent from `parts`.
 * - `parts` holds the bytes of every entry exactly as stored after inflation; nothing is
 *   re-encoded. Directory entries (names ending in "/") are left out.
 * - Limits (limits.ts) on input size, entry count, per-part and total uncompressed size are
 *   checked from the zip's central directory before anything is inflated, and the sheet
 *   count before anything else is parsed.
 * - Failures are PackageError with a Vietnamese message; nothing else is thrown on purpose.
 */
import { Unzip, unzipSync, type UnzipDecoder } from "fflate";
import { byteKind, corruptPackage, unreadableKind } from "./file-kind";
import {
  inputTooLarge,
  partTooLarge,
  tooManyEntries,
  tooManySheets,
  totalTooLarge,
  withLimits,
  type ReadLimits,
} from "./limits";
import { isPackageError, PackageError } from "./package-error";
import { damagedPart, streamXml } from "./xml-stream";
import { concatBytes } from "./zip-package";

/** Relationship types by their last path segment ("…/relationships/officeDocument"). */
export const REL = {
  officeDocument: "officeDocument",
  worksheet: "worksheet",
  chartsheet: "chartsheet",
  dialogsheet: "dialogsheet",
  macrosheet: "xlMacrosheet",
  styles: "styles",
  sharedStrings: "sharedStrings",
} as const;

export const CONTENT_TYPE = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  template: "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  macroWorkbook: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  macroTemplate: "application/vnd.ms-excel.template.macroEnabled.main+xml",
  binaryWorkbook: "application/vnd.ms-excel.sheet.binary.macroEnabled.main",
} as const;

/** One relationship of a part's .rels. */
export interface Relationship {
  id: string;
  /** Full type URI. */
  type: string;
  /** Target as written in the .rels file. */
  target: string;
  /** Resolved part path (see the guarantees above); for external targets, `target` itself. */
  partPath: string;
  external: boolean;
}

/** `[Content_Types].xml`: defaults by extension (lower case, no dot) and overrides by part. */
export interface ContentTypes {
  defaults: Map<string, string>;
  /** Keyed by part path as in `parts` (no leading "/"), matched case-insensitively. */
  overrides: Map<string, string>;
}

export type SheetState = "visible" | "hidden" | "veryHidden";

export type SheetKind = "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet";

/** A sheet of the workbook, in the order of `<sheets>` (the index `localSheetId` refers to). */
export interface SheetEntry {
  name: string;
  sheetId: number;
  /** The relationship id (`r:id`) in the workbook part's .rels. */
  relId: string;
  /** Part path of the sheet's XML ("xl/worksheets/sheet1.xml"). */
  partPath: string;
  state: SheetState;
  kind: SheetKind;
}

/** A `<definedName>` of the workbook part. */
export interface PackageDefinedName {
  name: string;
  /** The formula text as stored, without a leading "=" ("'Phụ lục'!$I$5:$M$5"). */
  reference: string;
  /** Index into `sheets` when the name is scoped to one sheet. */
  localSheetId?: number;
  hidden?: boolean;
}

export interface XlsxPackage {
  /** Raw bytes of every part, keyed by part path. */
  parts: Map<string, Uint8Array>;
  /** A part's text (UTF-8), or undefined when the part is absent. */
  partText(path: string): string | undefined;
  /** The stored part path for a path given in any letter case, or undefined. */
  findPart(path: string): string | undefined;
  /** The relationships of a part (from its `_rels/<name>.rels`); [] when it has none. */
  relationshipsOf(partPath: string): Relationship[];
  contentTypes: ContentTypes;
  /** Content type of a part (override first, then default by extension). */
  contentTypeOf(partPath: string): string | undefined;
  /** The workbook part ("xl/workbook.xml" usually, but taken from `_rels/.rels`). */
  workbookPath: string;
  /** The workbook part's relationships. */
  workbookRelationships: Relationship[];
  sheets: SheetEntry[];
  /** True when the workbook uses the 1904 date system (`<workbookPr date1904>`). */
  date1904: boolean;
  definedNames: PackageDefinedName[];
  stylesPath?: string;
  sharedStringsPath?: string;
  /** The workbook part's content type is macro-enabled (.xlsm/.xltm). */
  isMacroEnabled: boolean;
  /** The limits this package was opened with (readers of sheets use the same). */
  limits: ReadLimits;
}

/**
 * The path a relationship target points at, from the part that holds the relationship.
 *
 * @example resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml") === "xl/worksheets/sheet1.xml"
 * @example resolveTarget("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml") === "xl/drawings/drawing1.xml"
 * @example resolveTarget("xl/workbook.xml", "/xl/styles.xml") === "xl/styles.xml"
 */
export function resolveTarget(sourcePart: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A stray "%" is a literal character in the name.
  }
  const base = decoded.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const segment of decoded.split(/[/\\]/)) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(segment);
  }
  return base.join("/");
}

/**
 * The .rels part of a part.
 *
 * @example relsPathOf("xl/workbook.xml") === "xl/_rels/workbook.xml.rels"
 * @example relsPathOf("") === "_rels/.rels"
 */
export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** The last segment of a relationship type URI ("…/relationships/worksheet" → "worksheet"). */
function typeName(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

interface ZipEntryInfo {
  name: string;
  originalSize: number;
}

/** Lists the zip's entries from its central directory, inflating nothing. */
function listEntries(bytes: Uint8Array): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, originalSize: file.originalSize });
        return false;
      },
    });
  } catch {
    throw corruptPackage();
  }
  return entries;
}

function checkEntryLimits(entries: ZipEntryInfo[], limits: ReadLimits): void {
  if (entries.length > limits.maxEntries) throw tooManyEntries(entries.length, limits);
  let total = 0;
  for (const entry of entries) {
    if (entry.originalSize > limits.maxPartUncompressedBytes)
      throw partTooLarge(entry.name, entry.originalSize, limits);
    total += entry.originalSize;
    if (total > limits.maxTotalUncompressedBytes) throw totalTooLarge(total, limits);
  }
}

/**
 * Raw-deflate decompression by the platform (Node's zlib in the CLI, several times fflate's
 * speed): `data` inflated into at most `size` bytes, or an error.
 */
export type InflateRaw = (data: Uint8Array, size: number) => Uint8Array;

export interface OpenOptions {
  /** A faster inflater from the platform; without it fflate inflates. */
  inflateRaw?: InflateRaw;
}

function inflateAll(
  bytes: Uint8Array,
  entries: ZipEntryInfo[],
  inflateRaw: InflateRaw | undefined
): Map<string, Uint8Array> {
  const fast = inflateRaw ? inflateWith(bytes, entries, inflateRaw) : null;
  if (fast) return fast;
  let files: Record<string, Uint8Array>;
  try {
    // Sizes were checked above; fflate inflates each entry into a buffer of its declared
    // size, so an entry that lies about its size cannot grow past what was checked.
    files = unzipSync(bytes, { filter: (file) => !file.name.endsWith("/") });
  } catch {
    throw corruptPackage();
  }
  const parts = new Map<string, Uint8Array>();
  for (const name of Object.keys(files)) parts.set(name.replace(/^\/+/, ""), files[name]);
  return parts;
}

/**
 * The entries inflated by the platform's inflater, through fflate's zip reader (its
 * streaming `Unzip`, with a decoder that hands each entry's deflated bytes to
 * `inflateRaw`). Only when every entry's local header states its sizes and what comes out
 * is exactly what the central directory lists (names and sizes); otherwise null, and
 * fflate's own `unzipSync` decides, as without an inflater. Files written with data
 * descriptors (LibreOffice, streaming writers) take that way.
 */
function inflateWith(
  bytes: Uint8Array,
  entries: ZipEntryInfo[],
  inflateRaw: InflateRaw
): Map<string, Uint8Array> | null {
  const expected = new Map<string, number>();
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    // The same name twice: which one fflate keeps is for `unzipSync` to decide.
    if (expected.has(entry.name)) return null;
    expected.set(entry.name, entry.originalSize);
  }
  const parts = new Map<string, Uint8Array>();
  let usable = true;
  class PlatformInflate implements UnzipDecoder {
    static compression = 8;
    ondata: UnzipDecoder["ondata"] = () => undefined;
    private readonly chunks: Uint8Array[] = [];
    constructor(private readonly name: string) {}
    push(chunk: Uint8Array, final: boolean): void {
      if (chunk.length > 0) this.chunks.push(chunk);
      if (!final) return;
      // The bound is the size the central directory lists, which the limits were checked
      // against: a local header that says more cannot make the inflater write more.
      const size = expected.get(this.name);
      if (size === undefined) throw new Error(`"${this.name}" is not in the zip's directory`);
      const data = this.chunks.length === 1 ? this.chunks[0] : concatBytes(this.chunks);
      // fflate's handler type wants a plain ArrayBuffer behind the bytes; they are only read.
      this.ondata(null, inflateRaw(data, size) as Uint8Array<ArrayBuffer>, true);
    }
  }
  try {
    const unzip = new Unzip((file) => {
      if (file.name.endsWith("/")) return;
      // Sizes only in a data descriptor after the data (fflate would have to search for
      // it), or a local header that disagrees with the directory: fflate's unzipSync decides.
      if (file.originalSize === undefined || file.originalSize !== expected.get(file.name)) {
        usable = false;
        return;
      }
      const chunks: Uint8Array[] = [];
      file.ondata = (error, data, final) => {
        if (error) throw error;
        if (data.length > 0) chunks.push(data);
        if (final) parts.set(file.name, chunks.length === 1 ? chunks[0] : concatBytes(chunks));
      };
      file.start();
    });
    unzip.register(PlatformInflate);
    unzip.push(bytes, true);
  } catch {
    return null;
  }
  if (!usable || parts.size !== expected.size) return null;
  for (const [name, size] of expected) if (parts.get(name)?.length !== size) return null;
  const named = new Map<string, Uint8Array>();
  for (const [name, data] of parts) named.set(name.replace(/^\/+/, ""), data);
  return named;
}

const utf8 = new TextDecoder("utf-8");

function parseContentTypes(bytes: Uint8Array | undefined): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  if (bytes) {
    streamXml(bytes, "[Content_Types].xml", {
      open: (name, attributes) => {
        if (name === "Default" && attributes.Extension && attributes.ContentType)
          defaults.set(attributes.Extension.toLowerCase(), attributes.ContentType);
        else if (name === "Override" && attributes.PartName && attributes.ContentType)
          overrides.set(
            attributes.PartName.replace(/^\/+/, "").toLowerCase(),
            attributes.ContentType
          );
      },
    });
  }
  return { defaults, overrides };
}

function parseRelationships(
  bytes: Uint8Array,
  relsPath: string,
  sourcePart: string
): Relationship[] {
  const relationships: Relationship[] = [];
  streamXml(bytes, relsPath, {
    open: (name, attributes) => {
      if (name !== "Relationship" || attributes.Id === undefined || attributes.Target === undefined)
        return;
      const external = attributes.TargetMode === "External";
      relationships.push({
        id: attributes.Id,
        type: attributes.Type ?? "",
        target: attributes.Target,
        partPath: external ? attributes.Target : resolveTarget(sourcePart, attributes.Target),
        external,
      });
    },
  });
  return relationships;
}

function sheetState(state: string | undefined): SheetState {
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}

/** True for "1", "true", "on" (writers differ: Excel "1", LibreOffice "true"). */
export function xmlBoolean(value: string | undefined): boolean {
  return value === "1" || value === "true" || value === "on";
}

interface WorkbookXml {
  sheets: Array<{ name: string; sheetId: number; relId: string; state: SheetState }>;
  date1904: boolean;
  definedNames: PackageDefinedName[];
}

function parseWorkbook(bytes: Uint8Array, path: string, limits: ReadLimits): WorkbookXml {
  const result: WorkbookXml = { sheets: [], date1904: false, definedNames: [] };
  let name: PackageDefinedName | null = null;
  let depthInSheets = 0;
  let sheetCount = 0;
  streamXml(bytes, path, {
    open: (element, attributes) => {
      if (element === "workbookPr") result.date1904 = xmlBoolean(attributes.date1904);
      else if (element === "sheets") depthInSheets++;
      else if (element === "sheet" && depthInSheets > 0) {
        sheetCount++;
        if (sheetCount > limits.maxSheets) return; // counted for the message below
        result.sheets.push({
          name: attributes.name ?? "",
          sheetId: Number(attributes.sheetId ?? 0),
          relId: attributes.id ?? "",
          state: sheetState(attributes.state),
        });
      } else if (element === "definedName") {
        name = { name: attributes.name ?? "", reference: "" };
        if (attributes.localSheetId !== undefined)
          name.localSheetId = Number(attributes.localSheetId);
        if (xmlBoolean(attributes.hidden)) name.hidden = true;
      }
    },
    text: (text) => {
      if (name) name.reference += text;
    },
    close: (element) => {
      if (element === "sheets") depthInSheets--;
      else if (element === "definedName" && name) {
        name.reference = name.reference.replace(/^=/, "");
        result.definedNames.push(name);
        name = null;
      }
    },
  });
  if (sheetCount > limits.maxSheets) throw tooManySheets(sheetCount, limits);
  return result;
}

function isWorkbookContentType(type: string | undefined): boolean {
  return (
    type === CONTENT_TYPE.workbook ||
    type === CONTENT_TYPE.template ||
    type === CONTENT_TYPE.macroWorkbook ||
    type === CONTENT_TYPE.macroTemplate
  );
}

/** The package's kind when it is a zip that is not a workbook we read. */
function refuseNonWorkbook(parts: Map<string, Uint8Array>, mainType: string | undefined): never {
  if (mainType === CONTENT_TYPE.binaryWorkbook) throw unreadableKind("xlsb");
  const mimetype = parts.get("mimetype");
  if (mimetype) {
    const text = utf8.decode(mimetype.subarray(0, 200));
    if (text.startsWith("application/vnd.oasis.opendocument")) throw unreadableKind("ods");
  }
  throw unreadableKind("not-spreadsheet");
}

/**
 * Opens a package for reading. Throws PackageError for every file it will not read
 * (kinds, damage, limits).
 */
export function openPackage(
  bytes: Uint8Array,
  limitOverrides?: Partial<ReadLimits>,
  options: OpenOptions = {}
): XlsxPackage {
  const limits = withLimits(limitOverrides);
  const kind = byteKind(bytes);
  if (kind === "cfb") throw unreadableKind("xls");
  if (kind !== "zip") throw unreadableKind(kind);
  if (bytes.length > limits.maxInputBytes) throw inputTooLarge(bytes.length, limits);

  const entries = listEntries(bytes);
  checkEntryLimits(entries, limits);
  const parts = inflateAll(bytes, entries, options.inflateRaw);

  const byLowerCase = new Map<string, string>();
  for (const name of parts.keys()) byLowerCase.set(name.toLowerCase(), name);
  const findPart = (path: string): string | undefined =>
    byLowerCase.get(path.replace(/^\/+/, "").toLowerCase());
  const partText = (path: string): string | undefined => {
    const stored = findPart(path);
    return stored === undefined ? undefined : utf8.decode(parts.get(stored)!);
  };

  const contentTypes = parseContentTypes(parts.get(findPart("[Content_Types].xml") ?? ""));
  const contentTypeOf = (partPath: string): string | undefined => {
    const key = partPath.replace(/^\/+/, "").toLowerCase();
    const override = contentTypes.overrides.get(key);
    if (override) return override;
    const dot = key.lastIndexOf(".");
    return dot < 0 ? undefined : contentTypes.defaults.get(key.slice(dot + 1));
  };

  const relsCache = new Map<string, Relationship[]>();
  const relationshipsOf = (partPath: string): Relationship[] => {
    const cached = relsCache.get(partPath);
    if (cached) return cached;
    const relsPath = findPart(relsPathOf(partPath));
    const relationships = relsPath
      ? parseRelationships(parts.get(relsPath)!, relsPath, partPath).map((r) =>
          r.external ? r : { ...r, partPath: findPart(r.partPath) ?? r.partPath }
        )
      : [];
    relsCache.set(partPath, relationships);
    return relationships;
  };

  const main = relationshipsOf("").find(
    (r) => typeName(r.type) === REL.officeDocument && !r.external
  );
  const mainType = main ? contentTypeOf(main.partPath) : undefined;
  if (!main || !parts.has(main.partPath) || !isWorkbookContentType(mainType))
    refuseNonWorkbook(parts, mainType);
  const workbookPath = main.partPath;

  try {
    const workbook = parseWorkbook(parts.get(workbookPath)!, workbookPath, limits);
    const workbookRelationships = relationshipsOf(workbookPath);
    const relById = new Map(workbookRelationships.map((r) => [r.id, r]));
    const sheets: SheetEntry[] = workbook.sheets.map((sheet) => {
      const rel = relById.get(sheet.relId);
      const type = rel ? typeName(rel.type) : "";
      return {
        ...sheet,
        partPath: rel?.partPath ?? "",
        kind:
          type === REL.chartsheet
            ? "chartsheet"
            : type === REL.dialogsheet
              ? "dialogsheet"
              : type === REL.macrosheet
                ? "macrosheet"
                : "worksheet",
      };
    });
    const firstOfType = (name: string) =>
      workbookRelationships.find((r) => typeName(r.type) === name && !r.external)?.partPath;
    return {
      parts,
      partText,
      findPart,
      relationshipsOf,
      contentTypes,
      contentTypeOf,
      workbookPath,
      workbookRelationships,
      sheets,
      date1904: workbook.date1904,
      definedNames: workbook.definedNames,
      stylesPath: firstOfType(REL.styles),
      sharedStringsPath: firstOfType(REL.sharedStrings),
      isMacroEnabled:
        mainType === CONTENT_TYPE.macroWorkbook || mainType === CONTENT_TYPE.macroTemplate,
      limits,
    };
  } catch (error) {
    if (isPackageError(error)) throw error;
    throw damagedPart(workbookPath);
  }
}

export { PackageError };

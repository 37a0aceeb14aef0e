/**
 * An in-memory Excel for the adapter tests, as strict as the real one where the adapter
 * could go wrong. What it copies from Excel (see the Office.js docs and OfficeDev issues
 * cited at each rule):
 *
 * - Every operation is queued and applied in order at `context.sync()`; an error there
 *   leaves the operations before it applied and drops the rest (a batch is not atomic).
 * - Loaded properties are readable only after load() names them and a sync runs.
 * - Requests and responses above 5 MB fail (Excel on the web: "Resource limits and
 *   performance optimization for Office Add-ins"), and one range read is limited to
 *   5 million cells.
 * - `Range.values` strings starting with "=", "+" or "-" become formulas, and
 *   numeric-looking strings become numbers (en-US), unless the cell's format is "@".
 * - Sheet and defined names are unique without regard to case (ItemAlreadyExists).
 * - Workbook structure protection refuses adding and deleting sheets; very hidden
 *   sheets exist (their names are taken) but cannot be activated.
 * - Merged areas: getMergedAreasOrNullObject (ExcelApi 1.13) returns the areas whose
 *   top-left cell is in the range (OfficeDev/office-js#3611); writing values into part
 *   of a merged area fails.
 * - Defined name values read "Sheet!$A$1" (quoted only when the name needs it), or
 *   "#REF!" once the sheet is deleted; a name added with a formula of text literals
 *   (`names.add(name, '="ab"&"c"')`) reads its text ("abc", type String).
 * - Range.getSpecialCellsOrNullObject("Constants") (ExcelApi 1.9) gives the address of
 *   the range's non-empty cells without a formula ("S!N7,S!N9"), a null object when none.
 * - APIs above the host's ExcelApi version throw ApiNotFound (at the sync for members every
 *   host's objects have, such as Worksheet.freezePanes); `supports` answers by level.
 * - A failed sync loads nothing; each context (Excel.run) has its own queue.
 */
import type { CellValue } from "../../src/core/parse/values";
import {
  columnIndex as columnNumber,
  columnLetter as columnLetters,
} from "../../src/core/read/grid";

interface Cell {
  value: CellValue;
  formula?: string;
  numberFormat: string;
  fill?: string;
  bold?: boolean;
  /** Font size in points (format.font.size). */
  size?: number;
  wrap?: boolean;
  /** format.verticalAlignment ("Top", "Center"). */
  vertical?: string;
}

export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface FakeConditionalFormat {
  range: string;
  formula: string;
  fill?: string;
  deleted: boolean;
}

/** Excel on the web refuses requests and responses above 5 MB. */
export const FAKE_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Cells one range read may return. */
export const FAKE_CELL_LIMIT = 5_000_000;

const utf8 = new TextEncoder();
/** Size of a value as JSON, UTF-8. */
function jsonBytes(value: unknown): number {
  return utf8.encode(JSON.stringify(value ?? null)).length;
}

/** An error as Office.js raises it: a message and a code. */
export function officeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** Parses "A1", "A1:B2", "I:I", "10:10" into 0-based bounds. */
export function parseAddress(address: string): Bounds {
  const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const [a, b = a] = local.split(":");
  if (/^\d+$/.test(a) && /^\d+$/.test(b))
    return { top: Number(a) - 1, left: 0, bottom: Number(b) - 1, right: 16_383 };
  const part = (ref: string) => {
    const m = /^([A-Z]+)(\d*)$/.exec(ref);
    if (!m) throw officeError("InvalidArgument", `Địa chỉ không hợp lệ trong fake: ${address}`);
    return { col: columnNumber(m[1]), row: m[2] ? Number(m[2]) - 1 : null };
  };
  const p = part(a);
  const q = part(b);
  return { top: p.row ?? 0, left: p.col, bottom: q.row ?? 1_048_575, right: q.col };
}

function a1(bounds: Bounds): string {
  const tl = `${columnLetters(bounds.left)}${bounds.top + 1}`;
  const br = `${columnLetters(bounds.right)}${bounds.bottom + 1}`;
  return tl === br ? tl : `${tl}:${br}`;
}

function intersects(a: Bounds, b: Bounds): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function contains(outer: Bounds, inner: Bounds): boolean {
  return (
    outer.top <= inner.top &&
    inner.bottom <= outer.bottom &&
    outer.left <= inner.left &&
    inner.right <= outer.right
  );
}

/** Excel quotes a sheet name in a reference only when it must. */
function referenceSheetName(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const sameName = (a: string, b: string) =>
  a.normalize("NFC").toLocaleLowerCase("vi") === b.normalize("NFC").toLocaleLowerCase("vi");

/** Days from 1899-12-30 (Excel's date serial) for a UTC date. */
function serialOf(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * What Excel stores when a string is written through `Range.values` into a cell whose
 * format is not "@" (en-US parsing): a formula for "=…", "+…", "-…", a number for
 * "1.10", "50%", "1,234", a date serial for "1/2/2025", a boolean for "TRUE".
 * A formula Excel cannot parse ("- Văn phòng") fails the request, as in Excel.
 */
export function coerceWrittenValue(
  value: CellValue,
  numberFormat: string
): { value: CellValue; formula?: string } {
  if (typeof value !== "string" || numberFormat === "@") return { value };
  const text = value.trim();
  if (
    /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d*)?([eE][-+]?\d+)?$/.test(text) ||
    /^[-+]?\.\d+$/.test(text)
  ) {
    return { value: Number(text.replace(/,/g, "")) };
  }
  const percent = /^([-+]?\d+(\.\d+)?)%$/.exec(text);
  if (percent) return { value: Number(percent[1]) / 100 };
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (date && Number(date[1]) <= 12 && Number(date[2]) <= 31) {
    return { value: serialOf(Number(date[3]), Number(date[1]), Number(date[2])) };
  }
  if (/^(true|false)$/i.test(text)) return { value: /^true$/i.test(text) };
  if (/^[=+-]/.test(value) && value.length > 1) {
    const body = value.startsWith("=") ? value.slice(1) : value;
    // Outside string literals a formula holds only ASCII names, numbers and operators,
    // and no two names side by side.
    const outside = body.replace(/"[^"]*"/g, '""');
    if (/[^\x20-\x7e]/.test(outside) || /[A-Za-z0-9_)]\s+[A-Za-z(_]/.test(outside)) {
      throw officeError(
        "InvalidArgument",
        `Excel không hiểu công thức "${value}" (chuỗi bắt đầu bằng ${value[0]}).`
      );
    }
    return { value: "", formula: `=${body}` };
  }
  return { value };
}

export interface FakeSheetOptions {
  /** Merged areas as A1 ranges ("A5:N5"). */
  merges?: string[];
  /** Hidden columns, as letters ("C"). */
  hiddenColumns?: string[];
  visibility?: "Visible" | "Hidden" | "VeryHidden";
}

export class FakeSheet {
  cells = new Map<string, Cell>();
  conditionalFormats: FakeConditionalFormat[] = [];
  /** Charts: their type, source range, title and top-left cell (setPosition). */
  charts: Array<{
    type: string;
    source: string;
    title?: string;
    position?: string;
    /** The bottom-right cell, when setPosition was given one. */
    end?: string;
  }> = [];
  columnWidths = new Map<number, number>();
  merges: Bounds[];
  hiddenColumns: Set<number>;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected = false;
  /** True once activate() ran at a sync. */
  activated = false;
  /** Frozen panes (Worksheet.freezePanes, ExcelApi 1.7). */
  frozen: { rows: number; columns: number } | null = null;
  deleted = false;

  constructor(
    public name: string,
    values: CellValue[][] = [],
    numberFormats?: string[][],
    options: FakeSheetOptions = {}
  ) {
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== "" && value !== null)
          this.cells.set(`${r},${c}`, {
            value,
            numberFormat: numberFormats?.[r]?.[c] ?? "General",
          });
        else if (numberFormats?.[r]?.[c])
          this.cells.set(`${r},${c}`, { value: "", numberFormat: numberFormats[r][c] });
      })
    );
    this.merges = (options.merges ?? []).map(parseAddress);
    this.hiddenColumns = new Set((options.hiddenColumns ?? []).map(columnNumber));
    this.visibility = options.visibility ?? "Visible";
  }

  cell(r: number, c: number): Cell | undefined {
    return this.cells.get(`${r},${c}`);
  }

  ensure(r: number, c: number): Cell {
    let cell = this.cells.get(`${r},${c}`);
    if (!cell) {
      cell = { value: "", numberFormat: "General" };
      this.cells.set(`${r},${c}`, cell);
    }
    return cell;
  }

  /** The used range (values only), or null for an empty sheet. */
  usedBounds(): Bounds | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, cell] of this.cells) {
      if (cell.value === "" && !cell.formula) continue;
      const comma = key.indexOf(",");
      const r = Number(key.slice(0, comma));
      const c = Number(key.slice(comma + 1));
      if (r < top) top = r;
      if (c < left) left = c;
      if (r > bottom) bottom = r;
      if (c > right) right = c;
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /** The value shown in a cell (formulas show their text; the fake does not compute). */
  valueAt(address: string): CellValue | string | undefined {
    const { top, left } = parseAddress(address);
    const cell = this.cell(top, left);
    return cell?.formula ?? cell?.value;
  }

  /** The number format of a cell. */
  formatAt(address: string): string {
    const { top, left } = parseAddress(address);
    return this.cell(top, left)?.numberFormat ?? "General";
  }
}

interface FakeXmlPart {
  id: string;
  namespace: string;
  xml: string;
}

interface DefinedNameEntry {
  name: string;
  sheet: FakeSheet;
  address: string;
  /** A name whose formula is text: the text it computes. */
  text?: string;
  visible?: boolean;
}

export interface FakeExcelOptions {
  /** The host's ExcelApi version (default "1.13"). */
  apiVersion?: string;
  /** Workbook structure protection (Review → Protect Workbook). */
  structureProtected?: boolean;
}

function versionAtLeast(have: string, want: string): boolean {
  const [a, b] = have.split(".").map(Number);
  const [c, d] = want.split(".").map(Number);
  return a > c || (a === c && b >= d);
}

/** What the fake's own objects read from a range passed to them (names.add, charts.add). */
interface FakeRangeInternals {
  fakeSheet: () => FakeSheet;
  fakeAddress: () => string;
}

type Loader = (names: Set<string> | "all") => Record<string, unknown>;

export class FakeExcel {
  sheets: FakeSheet[] = [];
  definedNames: DefinedNameEntry[] = [];
  /** Custom XML parts of the workbook. */
  xmlParts: FakeXmlPart[] = [];
  active = 0;
  syncs = 0;
  /** Bytes of each request (operations and values sent). */
  requestBytes: number[] = [];
  /** Bytes of each response (values loaded). */
  responseBytes: number[] = [];
  apiVersion: string;
  structureProtected: boolean;
  /** The last row selected through the API, as "Sheet!row". */
  selected: string | null = null;
  /** Once true (the command's runtime ended), every call fails. */
  ended = false;
  private queue: Array<() => void> = [];
  private pendingBytes = 0;
  private pendingResponse = 0;
  /** What a request fills in once it has succeeded (loaded values). */
  private onSuccess: Array<() => void> = [];
  /** Batches (contexts) open at the same time, at most: Excel.run calls that overlap. */
  openContexts = 0;
  maxOpenContexts = 0;

  constructor(sheets: FakeSheet[], options: FakeExcelOptions = {}) {
    this.sheets = sheets;
    this.apiVersion = options.apiVersion ?? "1.13";
    this.structureProtected = options.structureProtected ?? false;
  }

  /** The `Excel` global the adapter uses for enums. */
  static readonly enums = {
    ConditionalFormatType: { custom: "Custom" },
    ChartType: { barClustered: "BarClustered" },
    ChartSeriesBy: { columns: "Columns" },
  };

  /** Defined names as name → value, as the Name Manager shows them. */
  get names(): Map<string, string> {
    return new Map(this.definedNames.map((n) => [n.name, this.nameValue(n)]));
  }

  /** `Office.context.requirements.isSetSupported("ExcelApi", version)`. */
  supports(version: string): boolean {
    return versionAtLeast(this.apiVersion, version);
  }

  /**
   * A request context. As in Excel, each context (each Excel.run) has its own queue of
   * operations: two batches that overlap do not send each other's operations, and each
   * sees the workbook as the other's syncs left it.
   */
  context(): Excel.RequestContext {
    this.alive();
    const local: Record<string, unknown> = {
      queue: [],
      pendingBytes: 0,
      pendingResponse: 0,
      onSuccess: [],
    };
    const batch = new Proxy(this, {
      get: (target, prop, receiver) =>
        typeof prop === "string" && prop in local
          ? local[prop]
          : Reflect.get(target, prop, receiver),
      set: (target, prop, value) => {
        if (typeof prop === "string" && prop in local) local[prop] = value;
        else Reflect.set(target, prop, value);
        return true;
      },
    });
    return {
      workbook: batch.workbook(),
      sync: () => batch.sync(),
    } as unknown as Excel.RequestContext;
  }

  /** `Excel.run` on this workbook. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = this.context();
    this.openContexts++;
    this.maxOpenContexts = Math.max(this.maxOpenContexts, this.openContexts);
    try {
      return await batch(context);
    } finally {
      this.openContexts--;
    }
  };

  private alive(): void {
    if (this.ended)
      throw new Error(
        "Runtime đã kết thúc (event.completed() đã được gọi): không còn gọi được Excel."
      );
  }

  private requireApi(version: string, what: string): void {
    if (!this.supports(version))
      throw officeError(
        "ApiNotFound",
        `${what} cần ExcelApi ${version}; máy này có ${this.apiVersion}.`
      );
  }

  /**
   * Makes the `sync`-th sync (counted from 1 over the workbook's life) fail with `code`
   * before it applies anything, as when the user starts editing a cell while a run writes
   * (InvalidOperationInCellEditMode).
   */
  failSync(sync: number, code: string): void {
    this.failures.set(sync, code);
  }

  private failures = new Map<number, string>();

  private async sync(): Promise<void> {
    this.alive();
    this.syncs++;
    const ops = this.queue;
    const bytes = this.pendingBytes;
    this.queue = [];
    this.pendingBytes = 0;
    this.pendingResponse = 0;
    this.requestBytes.push(bytes);
    const failure = this.failures.get(this.syncs);
    if (failure) {
      this.responseBytes.push(0);
      throw officeError(failure, `Lỗi ${failure} (giả lập) ở lần sync thứ ${this.syncs}.`);
    }
    if (bytes > FAKE_PAYLOAD_LIMIT) {
      this.responseBytes.push(0);
      throw officeError("RequestPayloadSizeLimitExceeded", `Yêu cầu ${bytes} byte vượt 5 MB.`);
    }
    this.onSuccess = [];
    try {
      for (const op of ops) op();
    } finally {
      this.responseBytes.push(this.pendingResponse);
    }
    if (this.pendingResponse > FAKE_PAYLOAD_LIMIT) {
      throw officeError(
        "ResponsePayloadSizeLimitExceeded",
        `Phản hồi ${this.pendingResponse} byte vượt 5 MB.`
      );
    }
    // As in Excel, loaded values (and ClientResults) are filled only by a request that succeeded.
    for (const fill of this.onSuccess) fill();
  }

  /** Queues an operation sent with `payload`; it runs at the next sync, in order. */
  private enqueue(payload: unknown, op: () => void): void {
    this.alive();
    this.pendingBytes += jsonBytes(payload) + 20;
    this.queue.push(op);
  }

  /**
   * Makes `target` loadable: the properties in `keys` are readable only after load()
   * names them and a sync runs (`load()` with no argument loads all of them).
   */
  private loadable<T extends object>(target: T, keys: string[], read: Loader): T {
    const state: { values: Record<string, unknown> | null; names: Set<string> | "all" } = {
      values: null,
      names: new Set(),
    };
    const keySet = new Set(keys);
    const proxy: T = new Proxy(target, {
      get: (obj, prop) => {
        if (prop === "load") {
          return (properties?: string | string[]) => {
            const list = Array.isArray(properties) ? properties.join(",") : properties;
            const names: Set<string> | "all" = list
              ? new Set(
                  list
                    .split(",")
                    .map((p) => p.trim().split("/")[0])
                    .filter((p) => keySet.has(p))
                )
              : "all";
            this.enqueue(["load", list ?? ""], () => {
              const values = read(names);
              for (const [key, value] of Object.entries(values)) {
                if (names === "all" || names.has(key)) this.pendingResponse += jsonBytes(value);
              }
              // Filled only once the whole request succeeded: a failed sync loads nothing.
              this.onSuccess.push(() => {
                state.values = { ...(state.values ?? {}), ...values };
                if (names === "all" || state.names === "all") state.names = "all";
                else names.forEach((n) => (state.names as Set<string>).add(n));
              });
            });
            return proxy;
          };
        }
        if (typeof prop === "string" && keySet.has(prop)) {
          const loaded =
            state.values &&
            (state.names === "all" || state.names.has(prop) || prop === "isNullObject");
          if (!loaded)
            throw officeError(
              "PropertyNotLoaded",
              `PropertyNotLoaded: ${prop} chưa được load() và sync()`
            );
          return state.values![prop];
        }
        return (obj as Record<string | symbol, unknown>)[prop];
      },
    });
    return proxy;
  }

  private findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => !s.deleted && sameName(s.name, name));
  }

  private nameValue(entry: DefinedNameEntry): string {
    if (entry.text !== undefined) return entry.text;
    if (entry.sheet.deleted) return "#REF!";
    const absolute = entry.address
      .split(":")
      .map((ref) => ref.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
      .join(":");
    return `${referenceSheetName(entry.sheet.name)}!${absolute}`;
  }

  private workbook() {
    const excel = this;
    const worksheets = this.loadable(
      {
        getActiveWorksheet: () => {
          const sheet = this.sheets[this.active];
          return this.sheetApi(() => sheet);
        },
        getItem: (name: string) =>
          this.sheetApi(() => {
            const sheet = this.findSheet(name);
            if (!sheet) throw officeError("ItemNotFound", `Không có trang ${name}`);
            return sheet;
          }),
        getItemOrNullObject: (name: string) => this.sheetApi(() => this.findSheet(name) ?? null),
        add: (name: string) => {
          const sheet = new FakeSheet(name);
          this.enqueue(["add-sheet", name], () => {
            if (this.structureProtected)
              throw officeError(
                "AccessDenied",
                "Cấu trúc sổ làm việc đang được bảo vệ: không thêm được trang."
              );
            if (this.findSheet(name))
              throw officeError("ItemAlreadyExists", `Đã có trang tên ${name}.`);
            this.sheets.push(sheet);
          });
          return this.sheetApi(() => sheet);
        },
      },
      ["items"],
      () => ({
        items: this.sheets
          .filter((s) => !s.deleted)
          .map((s) => ({ name: s.name, visibility: s.visibility })),
      })
    );
    const names = this.loadable(
      {
        getItem: (name: string) => ({
          delete: () =>
            this.enqueue(["delete-name", name], () => {
              const index = this.definedNames.findIndex((n) => sameName(n.name, name));
              if (index < 0) throw officeError("ItemNotFound", `Không có tên ${name}`);
              this.definedNames.splice(index, 1);
            }),
        }),
        add: (name: string, range: FakeRangeInternals | string) => {
          const item: { visible?: boolean } = {};
          this.enqueue(["add-name", name], () => {
            if (this.definedNames.some((n) => sameName(n.name, name)))
              throw officeError("ItemAlreadyExists", `Tên ${name} đã có.`);
            if (typeof range === "string") {
              // Only text formulas ("ab"&"c") are needed: anything else is refused here.
              const body = /^=((?:"[^"]*"\s*&\s*)*"[^"]*")$/.exec(range)?.[1];
              if (body === undefined)
                throw officeError("InvalidArgument", `Công thức tên không hỗ trợ: ${range}`);
              this.definedNames.push({
                name,
                sheet: this.sheets[0],
                address: "A1",
                text: body.replace(/"\s*&\s*"/g, "").replace(/^"|"$/g, ""),
                visible: item.visible ?? true,
              });
              return;
            }
            this.definedNames.push({
              name,
              sheet: range.fakeSheet(),
              address: range.fakeAddress(),
            });
          });
          return {
            set visible(v: boolean) {
              item.visible = v;
            },
          };
        },
      },
      ["items"],
      () => ({
        items: this.definedNames.map((n) => ({
          name: n.name,
          value: this.nameValue(n),
          type: n.text !== undefined ? "String" : "Range",
        })),
      })
    );
    const protection = this.loadable({}, ["protected"], () => {
      excel.requireApi("1.7", "workbook.protection");
      return { protected: excel.structureProtected };
    });
    /** A custom XML part as Office.js hands it out; `resolve` names the part at sync. */
    const partApi = (resolve: () => FakeXmlPart | null) => ({
      getXml: () => {
        const result = { value: undefined as unknown as string };
        this.enqueue("get-xml", () => {
          const part = resolve();
          if (!part) throw officeError("InvalidObjectPath", "Phần XML null.");
          this.pendingResponse += jsonBytes(part.xml);
          this.onSuccess.push(() => (result.value = part.xml));
        });
        return result;
      },
      delete: () =>
        this.enqueue("delete-xml", () => {
          const part = resolve();
          this.xmlParts = this.xmlParts.filter((p) => p !== part);
        }),
    });
    const customXmlParts = {
      add: (xml: string) => {
        const namespace = /xmlns="([^"]+)"/.exec(xml)?.[1] ?? "";
        this.enqueue(["add-xml", xml], () =>
          this.xmlParts.push({ id: `{${this.xmlParts.length + 1}}`, namespace, xml })
        );
      },
      getByNamespace: (namespace: string) => {
        const matching = () => this.xmlParts.filter((p) => p.namespace === namespace);
        return this.loadable(
          {
            getOnlyItemOrNullObject: () => {
              const state = { synced: false, part: null as FakeXmlPart | null };
              this.enqueue("only-xml", () => {
                const found = matching();
                // Excel: getOnlyItemOrNullObject is null when there is not exactly one.
                const part = found.length === 1 ? found[0] : null;
                this.onSuccess.push(() => {
                  state.part = part;
                  state.synced = true;
                });
              });
              return {
                get isNullObject() {
                  if (!state.synced) throw new Error("PropertyNotLoaded: isNullObject chưa sync()");
                  return state.part === null;
                },
                ...partApi(() => state.part),
              };
            },
          },
          ["items"],
          () => ({ items: matching().map((part) => ({ id: part.id, ...partApi(() => part) })) })
        );
      },
    };
    return {
      worksheets,
      names,
      get customXmlParts() {
        excel.requireApi("1.5", "customXmlParts");
        return customXmlParts;
      },
      get protection() {
        excel.requireApi("1.7", "workbook.protection");
        return protection;
      },
    };
  }

  private sheetApi(resolve: () => FakeSheet | null) {
    const excel = this;
    const sheetOf = (): FakeSheet => {
      const sheet = resolve();
      if (!sheet) throw officeError("InvalidObjectPath", "Đối tượng null (trang không tồn tại).");
      return sheet;
    };
    const protection = this.loadable({}, ["protected"], () => ({ protected: sheetOf().protected }));
    /** Worksheet.freezePanes is on every host's Worksheet object; a host below 1.7 refuses it at sync. */
    const freeze = (payload: unknown, panes: () => { rows: number; columns: number }) =>
      this.enqueue(payload, () => {
        excel.requireApi("1.7", "Worksheet.freezePanes");
        sheetOf().frozen = panes();
      });
    const api = {
      protection,
      freezePanes: {
        freezeAt: (range: FakeRangeInternals) =>
          freeze(["freeze-at"], () => {
            const b = parseAddress(range.fakeAddress());
            return { rows: b.bottom + 1, columns: b.right + 1 };
          }),
        freezeRows: (rows: number) => freeze(["freeze-rows", rows], () => ({ rows, columns: 0 })),
        freezeColumns: (columns: number) =>
          freeze(["freeze-columns", columns], () => ({ rows: 0, columns })),
      },
      getUsedRangeOrNullObject: (valuesOnly?: boolean) => {
        void valuesOnly;
        return this.rangeApi(sheetOf, () => sheetOf().usedBounds());
      },
      getRange: (address?: string) =>
        this.rangeApi(sheetOf, () => parseAddress(address ?? "A:XFD")),
      charts: this.loadable(
        {
          add: (type: string, source: FakeRangeInternals) => {
            const chart = {
              type,
              source: "",
              title: undefined as string | undefined,
              position: undefined as string | undefined,
              end: undefined as string | undefined,
            };
            this.enqueue(["chart", type], () => {
              chart.source = source.fakeAddress();
              sheetOf().charts.push(chart);
            });
            return {
              title: {
                set text(t: string) {
                  excel.enqueue(["chart-title", t], () => (chart.title = t));
                },
              },
              setPosition: (cell: string, end?: string) =>
                this.enqueue(["chart-position", cell], () => {
                  chart.position = cell;
                  if (end !== undefined) chart.end = end;
                }),
            };
          },
        },
        ["items"],
        () => ({
          items: sheetOf().charts.map((chart, i) => ({
            name: `Chart ${i + 1}`,
            delete: () =>
              this.enqueue("delete-chart", () => {
                const sheet = sheetOf();
                sheet.charts = sheet.charts.filter((c) => c !== chart);
              }),
          })),
        })
      ),
      delete: () =>
        this.enqueue("delete-sheet", () => {
          const sheet = sheetOf();
          if (this.structureProtected)
            throw officeError(
              "AccessDenied",
              "Cấu trúc sổ làm việc đang được bảo vệ: không xoá được trang."
            );
          if (
            this.sheets.filter((s) => !s.deleted && s.visibility === "Visible").length === 1 &&
            sheet.visibility === "Visible"
          ) {
            throw officeError("InvalidOperation", "Không xoá được trang nhìn thấy cuối cùng.");
          }
          const activeSheet = this.sheets[this.active];
          sheet.deleted = true;
          this.sheets = this.sheets.filter((s) => s !== sheet);
          const stillActive = this.sheets.indexOf(activeSheet);
          this.active =
            stillActive >= 0
              ? stillActive
              : Math.max(
                  0,
                  this.sheets.findIndex((s) => s.visibility === "Visible")
                );
        }),
      activate: () =>
        this.enqueue("activate", () => {
          const sheet = sheetOf();
          if (sheet.visibility !== "Visible")
            throw officeError(
              "InvalidOperation",
              `Trang ${sheet.name} đang ẩn: không kích hoạt được.`
            );
          this.active = this.sheets.indexOf(sheet);
          sheet.activated = true;
        }),
      set name(name: string) {
        excel.enqueue(["rename", name], () => {
          const sheet = sheetOf();
          const other = excel.findSheet(name);
          if (other && other !== sheet)
            throw officeError("ItemAlreadyExists", `Đã có trang tên ${name}.`);
          sheet.name = name;
        });
      },
      set visibility(visibility: "Visible" | "Hidden" | "VeryHidden") {
        excel.enqueue(["visibility", visibility], () => (sheetOf().visibility = visibility));
      },
    };
    const proxy = this.loadable(api, ["name", "visibility", "isNullObject"], () => {
      const sheet = resolve();
      return sheet
        ? { isNullObject: false, name: sheet.name, visibility: sheet.visibility }
        : { isNullObject: true, name: undefined, visibility: undefined };
    });
    const loadSheet = (proxy as unknown as { load: (properties?: string) => unknown }).load;
    // "protection/protected" in the sheet's load string loads the protection object too.
    return Object.assign(Object.create(proxy) as typeof proxy, {
      load: (properties = "") => {
        if (properties.includes("protection/protected"))
          (protection as unknown as { load: (p: string) => void }).load("protected");
        loadSheet(properties);
        return proxy;
      },
    });
  }

  private rangeApi(sheetOf: () => FakeSheet, boundsOf: () => Bounds | null) {
    const excel = this;
    let cachedBounds: Bounds | null | undefined;
    const bounds = (): Bounds => {
      if (cachedBounds === undefined) cachedBounds = boundsOf();
      if (!cachedBounds) throw officeError("InvalidObjectPath", "Vùng null (trang trống).");
      return cachedBounds;
    };
    const each = (fn: (cell: Cell, r: number, c: number) => void) => {
      const b = bounds();
      for (let r = b.top; r <= b.bottom; r++)
        for (let c = b.left; c <= b.right; c++) fn(sheetOf().ensure(r, c), r, c);
    };
    const shape = () => {
      const b = bounds();
      return { rows: b.bottom - b.top + 1, cols: b.right - b.left + 1 };
    };
    const assign = (value: unknown, apply: (cell: Cell, v: unknown) => void) => {
      const b = bounds();
      const { rows, cols } = shape();
      if (Array.isArray(value)) {
        if (
          value.length !== rows ||
          value.some((row: unknown[]) => !Array.isArray(row) || row.length !== cols)
        ) {
          throw officeError(
            "InvalidArgument",
            `Mảng ${value.length}×${(value[0] as unknown[])?.length} không khớp vùng ${a1(b)} (${rows}×${cols}).`
          );
        }
        each((cell, r, c) => apply(cell, (value as unknown[][])[r - b.top][c - b.left]));
      } else {
        each((cell) => apply(cell, value));
      }
    };
    /** Writing values or formulas into part of a merged area fails in Excel. */
    const refusePartialMerge = () => {
      const b = bounds();
      const cut = sheetOf().merges.find((m) => intersects(m, b) && !contains(b, m));
      if (cut)
        throw officeError(
          "InvalidOperation",
          `Không ghi được vào một phần vùng gộp ô ${a1(cut)} (vùng ghi ${a1(b)}).`
        );
    };
    const write = (payload: unknown, op: () => void) => this.enqueue(payload, op);
    const format = {
      fill: {
        set color(color: string) {
          write(["fill", color], () => each((cell) => (cell.fill = color)));
        },
      },
      font: {
        set bold(bold: boolean) {
          write(["bold", bold], () => each((cell) => (cell.bold = bold)));
        },
        set size(size: number) {
          write(["size", size], () => each((cell) => (cell.size = size)));
        },
      },
      set wrapText(wrap: boolean) {
        write(["wrap", wrap], () => each((cell) => (cell.wrap = wrap)));
      },
      set verticalAlignment(alignment: string) {
        write(["valign", alignment], () => each((cell) => (cell.vertical = alignment)));
      },
      set columnWidth(width: number) {
        write(["width", width], () => {
          const b = bounds();
          for (let c = b.left; c <= b.right; c++) sheetOf().columnWidths.set(c, width);
        });
      },
    };
    const conditionalFormats = this.loadable(
      {
        add: (type: string) => {
          const cf: FakeConditionalFormat = { range: "", formula: "", deleted: false };
          write(["cf", type], () => {
            cf.range = a1(bounds());
            sheetOf().conditionalFormats.push(cf);
          });
          return {
            custom: {
              rule: {
                set formula(f: string) {
                  write(["cf-formula", f], () => (cf.formula = f));
                },
              },
              format: {
                fill: {
                  set color(c: string) {
                    write(["cf-fill", c], () => (cf.fill = c));
                  },
                },
              },
            },
          };
        },
      },
      ["items"],
      () => ({
        items: sheetOf()
          .conditionalFormats.filter(
            (cf) => !cf.deleted && intersects(parseAddress(cf.range), bounds())
          )
          .map((cf) => ({
            type: "Custom",
            customOrNullObject: { isNullObject: false, rule: { formula: cf.formula } },
            delete: () =>
              write("delete-cf", () => {
                const sheet = sheetOf();
                cf.deleted = true;
                sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
              }),
          })),
      })
    );
    const read: Loader = (names) => {
      const want = (key: string) => names === "all" || names.has(key);
      const b = boundsOf();
      cachedBounds = b;
      if (!b) return { isNullObject: true };
      const sheet = sheetOf();
      const { rows, cols } = shape();
      const out: Record<string, unknown> = {
        isNullObject: false,
        rowIndex: b.top,
        columnIndex: b.left,
        rowCount: rows,
        columnCount: cols,
        address: `${referenceSheetName(sheet.name)}!${a1(b)}`,
      };
      if (
        (want("values") || want("numberFormat") || want("formulas")) &&
        rows * cols > FAKE_CELL_LIMIT
      ) {
        throw officeError(
          "ResponsePayloadSizeLimitExceeded",
          `Đọc ${rows * cols} ô một lần vượt giới hạn 5 triệu ô.`
        );
      }
      const grid = (pick: (cell: Cell | undefined) => unknown) => {
        const result: unknown[][] = [];
        for (let r = b.top; r <= b.bottom; r++) {
          const row: unknown[] = [];
          for (let c = b.left; c <= b.right; c++) row.push(pick(sheet.cell(r, c)));
          result.push(row);
        }
        return result;
      };
      if (want("values")) out.values = grid((cell) => cell?.value ?? "");
      if (want("numberFormat")) out.numberFormat = grid((cell) => cell?.numberFormat ?? "General");
      if (want("formulas")) out.formulas = grid((cell) => cell?.formula ?? cell?.value ?? "");
      if (want("columnHidden")) {
        const hidden = [...Array(cols).keys()].map((k) => sheet.hiddenColumns.has(b.left + k));
        out.columnHidden = hidden.every(Boolean) ? true : hidden.some(Boolean) ? null : false;
      }
      return out;
    };
    const target = {
      select() {
        write("select", () => (excel.selected = `${sheetOf().name}!${bounds().top + 1}`));
      },
      fakeSheet: sheetOf,
      /** Range.clear(): contents and formats. */
      clear: () =>
        write("clear", () => {
          const b = bounds();
          const sheet = sheetOf();
          for (const key of [...sheet.cells.keys()]) {
            const [r, c] = key.split(",").map(Number);
            if (r >= b.top && r <= b.bottom && c >= b.left && c <= b.right) sheet.cells.delete(key);
          }
        }),
      fakeAddress: () => a1(bounds()),
      set values(v: unknown) {
        write(v, () => {
          refusePartialMerge();
          assign(v, (cell, x) => {
            const stored = coerceWrittenValue(x as CellValue, cell.numberFormat);
            cell.value = stored.value;
            if (stored.formula) cell.formula = stored.formula;
            else delete cell.formula;
          });
        });
      },
      set formulas(v: unknown) {
        write(v, () => {
          refusePartialMerge();
          // As in Excel: a text starting with "=" is a formula; anything else is a value.
          assign(v, (cell, x) => {
            if (typeof x === "string" && x.startsWith("=")) {
              cell.formula = x;
              cell.value = "";
            } else {
              cell.value = x as CellValue;
              delete cell.formula;
            }
          });
        });
      },
      set formulasR1C1(v: unknown) {
        write(v, () => {
          refusePartialMerge();
          assign(v, (cell, x) => {
            cell.formula = String(x);
            cell.value = "";
          });
        });
      },
      set numberFormat(v: unknown) {
        write(v, () => assign(v, (cell, x) => (cell.numberFormat = String(x))));
      },
      format,
      conditionalFormats,
      getSpecialCellsOrNullObject: (cellType: string) => {
        excel.requireApi("1.9", "Range.getSpecialCellsOrNullObject");
        if (cellType !== "Constants") throw new Error(`fake: ${cellType} not modelled`);
        return this.loadable({}, ["isNullObject", "address"], () => {
          const b = bounds();
          const sheet = sheetOf();
          const found: string[] = [];
          for (let r = b.top; r <= b.bottom; r++)
            for (let c = b.left; c <= b.right; c++) {
              const cell = sheet.cell(r, c);
              if (cell && cell.formula === undefined && cell.value !== "")
                found.push(
                  `${referenceSheetName(sheet.name)}!${a1({ top: r, left: c, bottom: r, right: c })}`
                );
            }
          return found.length === 0
            ? { isNullObject: true }
            : { isNullObject: false, address: found.join(",") };
        });
      },
      getMergedAreasOrNullObject: () => {
        excel.requireApi("1.13", "Range.getMergedAreasOrNullObject");
        return this.loadable({}, ["isNullObject", "areaCount", "areas"], () => {
          const b = bounds();
          const found = sheetOf().merges.filter(
            (m) => m.top >= b.top && m.top <= b.bottom && m.left >= b.left && m.left <= b.right
          );
          if (found.length === 0) return { isNullObject: true };
          return {
            isNullObject: false,
            areaCount: found.length,
            areas: {
              items: found.map((m) => ({
                address: `${referenceSheetName(sheetOf().name)}!${a1(m)}`,
                rowIndex: m.top,
                columnIndex: m.left,
                rowCount: m.bottom - m.top + 1,
                columnCount: m.right - m.left + 1,
              })),
            },
          };
        });
      },
    };
    return this.loadable(
      target,
      [
        "isNullObject",
        "values",
        "numberFormat",
        "formulas",
        "rowIndex",
        "columnIndex",
        "rowCount",
        "columnCount",
        "address",
        "columnHidden",
      ],
      read
    );
  }
}

/** A dialog opened through the fake Office's displayDialogAsync. */
export class FakeDialog {
  closed = false;
  private handlers = new Map<string, Array<(arg: unknown) => void>>();

  constructor(
    public url: string,
    private office: FakeOffice
  ) {}

  addEventHandler(type: string, handler: (arg: unknown) => void): void {
    this.office.assertAlive();
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }

  close(): void {
    this.office.assertAlive();
    this.closed = true;
  }

  /** The dialog page's "Đóng" button: messageParent("close"). */
  clickClose(): void {
    for (const handler of this.handlers.get("dialogMessageReceived") ?? [])
      handler({ message: "close", origin: undefined });
  }

  /** The user closes the dialog with its X: DialogEventReceived with error 12006. */
  closeByUser(): void {
    this.closed = true;
    for (const handler of this.handlers.get("dialogEventReceived") ?? []) handler({ error: 12006 });
  }
}

/**
 * Office (not Excel) for command tests: document settings, requirement sets, the dialog
 * API, and a runtime that ends at `event.completed()` as a function command's does
 * without a shared runtime: after it every use of Office or Excel throws.
 */
export class FakeOffice {
  ended = false;
  completedCalls = 0;
  dialogs: FakeDialog[] = [];
  /** Where the page is served (the command page's own address). */
  href = "https://localhost:3000/commands.html";

  constructor(
    public excel: FakeExcel,
    public settings: Record<string, unknown> = {},
    /** true, or the error code displayDialogAsync answers (false: 12007, one is open). */
    public dialogOpens: boolean | number = true
  ) {}

  assertAlive(): void {
    if (this.ended)
      throw new Error(
        "Runtime đã kết thúc (event.completed() đã được gọi): không còn gọi được Office."
      );
  }

  /** The event Excel passes to an ExecuteFunction command. */
  event(): Office.AddinCommands.Event {
    return {
      completed: () => {
        this.assertAlive();
        this.completedCalls++;
        this.ended = true;
        this.excel.ended = true;
      },
    } as unknown as Office.AddinCommands.Event;
  }

  /** The `Office` global: every property read fails once the runtime has ended. */
  global(): typeof Office {
    const office = {
      context: {
        document: { settings: { get: (key: string) => this.settings[key] ?? null } },
        requirements: {
          isSetSupported: (_set: string, version: string) => this.excel.supports(version),
        },
        ui: {
          displayDialogAsync: (
            url: string,
            _options: unknown,
            callback: (result: unknown) => void
          ) => {
            const dialog = new FakeDialog(url, this);
            this.dialogs.push(dialog);
            // Office answers asynchronously.
            setTimeout(() => {
              if (this.ended) return;
              const code = this.dialogOpens === false ? 12007 : this.dialogOpens;
              const messages: Record<number, string> = {
                12007: "Đã có hộp thoại đang mở.",
                12009: "Người dùng đã chọn bỏ qua hộp thoại (Excel trên web).",
                12011: "Trình duyệt chặn cửa sổ bật lên (Excel trên web).",
              };
              callback(
                code === true
                  ? { status: "succeeded", value: dialog }
                  : {
                      status: "failed",
                      error: { code, message: messages[code] ?? `Lỗi ${code}.` },
                    }
              );
            }, 0);
          },
        },
      },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      EventType: {
        DialogMessageReceived: "dialogMessageReceived",
        DialogEventReceived: "dialogEventReceived",
      },
      actions: { associate: () => undefined },
    };
    const guard = <T extends object>(target: T): T =>
      new Proxy(target, {
        get: (obj, prop) => {
          this.assertAlive();
          const value = (obj as Record<string | symbol, unknown>)[prop];
          return value !== null && typeof value === "object" ? guard(value) : value;
        },
      });
    return guard(office) as unknown as typeof Office;
  }
}

/**
 * A small in-memory Excel for the adapter tests: the subset of the Office.js object
 * model the adapter uses, with a counter of `context.sync()` round trips and of the bytes
 * each request would carry. Loaded properties are only readable after a sync, as in
 * Office.js, so a missing load or sync fails the test.
 */
import type { CellValue } from "../../src/core/values";
import { payloadBytes } from "../../src/excel/score-active-sheet";

interface Cell {
  value: CellValue;
  formula?: string;
  numberFormat: string;
  fill?: string;
  bold?: boolean;
}

export interface FakeConditionalFormat {
  range: string;
  formula: string;
  fill?: string;
  deleted: boolean;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parses "A1", "A1:B2", "I:I", "10:10" into 0-based bounds. */
function parseAddress(address: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = address.replace(/\$/g, "").split(":");
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return { top: Number(a) - 1, left: 0, bottom: Number(b) - 1, right: 16_383 };
  const part = (ref: string) => {
    const m = /^([A-Z]+)(\d*)$/.exec(ref);
    if (!m) throw new Error(`Địa chỉ không hợp lệ trong fake: ${address}`);
    return { col: columnNumber(m[1]), row: m[2] ? Number(m[2]) - 1 : null };
  };
  const p = part(a);
  const q = part(b);
  return { top: p.row ?? 0, left: p.col, bottom: q.row ?? 1_048_575, right: q.col };
}

export class FakeSheet {
  cells = new Map<string, Cell>();
  conditionalFormats: FakeConditionalFormat[] = [];
  charts: Array<{ type: string; source: string; title?: string }> = [];
  columnWidths = new Map<number, number>();
  protected = false;
  activated = false;
  deleted = false;

  constructor(
    public name: string,
    values: CellValue[][] = [],
    numberFormats?: string[][]
  ) {
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== "" && value !== null) this.cells.set(`${r},${c}`, { value, numberFormat: numberFormats?.[r]?.[c] ?? "General" });
      })
    );
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

  usedBounds(): { top: number; left: number; bottom: number; right: number } | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, cell] of this.cells) {
      if (cell.value === "" && !cell.formula) continue;
      const [r, c] = key.split(",").map(Number);
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /** The value shown in a cell (formulas show their R1C1 text; the fake does not compute). */
  valueAt(address: string): CellValue | string | undefined {
    const { top, left } = parseAddress(address);
    const cell = this.cell(top, left);
    return cell?.formula ?? cell?.value;
  }
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  /** Defined names: name → "'Sheet'!$I$5:$M$5". */
  names = new Map<string, string>();
  active = 0;
  syncs = 0;
  requestBytes: number[] = [];
  private pendingBytes = 0;
  private loaded = new Set<object>();
  private pendingLoads: Array<() => void> = [];

  constructor(sheets: FakeSheet[]) {
    this.sheets = sheets;
  }

  /** The `Excel` global the adapter uses for enums. */
  /** The last row selected through the API, as "Sheet!row". */
  selected: string | null = null;

  static readonly enums = {
    ConditionalFormatType: { custom: "Custom" },
    ChartType: { barClustered: "BarClustered" },
    ChartSeriesBy: { columns: "Columns" },
  };

  context(): Excel.RequestContext {
    return { workbook: this.workbook(), sync: () => this.sync() } as unknown as Excel.RequestContext;
  }

  private async sync(): Promise<void> {
    this.syncs++;
    for (const load of this.pendingLoads) load();
    this.pendingLoads = [];
    this.requestBytes.push(this.pendingBytes);
    this.pendingBytes = 0;
  }

  private send(value: unknown): void {
    this.pendingBytes += payloadBytes(value ?? null);
  }

  /**
   * Defines loadable properties, readable only after load() names them and a sync runs
   * (`load()` with no argument loads all), as in Office.js.
   */
  private loadable<T extends object>(target: T, read: () => Record<string, unknown>): T {
    const state: { values: Record<string, unknown> | null; names: Set<string> | "all" } = { values: null, names: new Set() };
    const proxy = new Proxy(target, {
      get: (obj, prop) => {
        if (prop === "load") {
          return (properties?: string) => {
            this.send(["load", properties ?? ""]);
            const names = properties ? properties.split(",").map((p) => p.trim().split("/")[0]) : "all";
            this.pendingLoads.push(() => {
              state.values = read();
              if (names === "all" || state.names === "all") state.names = "all";
              else names.forEach((n) => (state.names as Set<string>).add(n));
            });
            return proxy;
          };
        }
        if (typeof prop === "string" && prop in read() && !(prop in obj)) {
          const loaded = state.values && (state.names === "all" || state.names.has(prop) || prop === "isNullObject");
          if (!loaded) throw new Error(`PropertyNotLoaded: ${prop} chưa được load() và sync()`);
          return state.values![prop];
        }
        return (obj as Record<string | symbol, unknown>)[prop];
      },
    });
    return proxy;
  }

  private workbook() {
    const worksheets = {
      getActiveWorksheet: () => this.sheetApi(this.sheets[this.active]),
      getItem: (name: string) => {
        const sheet = this.sheets.find((s) => s.name === name && !s.deleted);
        if (!sheet) throw Object.assign(new Error(`Không có trang ${name}`), { code: "ItemNotFound" });
        return this.sheetApi(sheet);
      },
      getItemOrNullObject: (name: string) => {
        const sheet = this.sheets.find((s) => s.name === name && !s.deleted);
        return sheet ? this.sheetApi(sheet) : this.loadable({ isNullObject: true }, () => ({ name: undefined }));
      },
      add: (name: string) => {
        this.send(["add", name]);
        const sheet = new FakeSheet(name);
        this.sheets.push(sheet);
        return this.sheetApi(sheet);
      },
    };
    const names = this.loadable(
      {
        getItem: (name: string) => ({
          delete: () => {
            this.send(["delete-name", name]);
            if (!this.names.delete(name)) throw Object.assign(new Error(`Không có tên ${name}`), { code: "ItemNotFound" });
          },
        }),
        add: (name: string, range: { address: string; sheetName: string }) => {
          this.send(["add-name", name]);
          if (this.names.has(name)) throw Object.assign(new Error(`Tên ${name} đã có`), { code: "InvalidArgument" });
          const absolute = range.address.split(":").map((ref) => ref.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2")).join(":");
          this.names.set(name, `'${range.sheetName}'!${absolute}`);
        },
      },
      () => ({ items: [...this.names.entries()].map(([name, value]) => ({ name, value })) })
    );
    return { worksheets, names };
  }

  private sheetApi(sheet: FakeSheet) {
    const api = {
      isNullObject: false,
      protection: this.loadable({}, () => ({ protected: sheet.protected })),
      getUsedRangeOrNullObject: () => {
        const target = {} as Record<string, unknown>;
        return this.loadable(target, () => {
          const bounds = sheet.usedBounds();
          if (!bounds) return { isNullObject: true, values: undefined, numberFormat: undefined, rowIndex: undefined, columnIndex: undefined };
          const values: CellValue[][] = [];
          const numberFormat: string[][] = [];
          for (let r = bounds.top; r <= bounds.bottom; r++) {
            const row: CellValue[] = [];
            const formats: string[] = [];
            for (let c = bounds.left; c <= bounds.right; c++) {
              const cell = sheet.cell(r, c);
              row.push(cell?.value ?? "");
              formats.push(cell?.numberFormat ?? "General");
            }
            values.push(row);
            numberFormat.push(formats);
          }
          return { isNullObject: false, values, numberFormat, rowIndex: bounds.top, columnIndex: bounds.left };
        });
      },
      getRange: (address?: string) => this.rangeApi(sheet, address ?? "A:XFD"),
      charts: {
        add: (type: string, source: { address: string }) => {
          this.send(["chart", type]);
          const chart = { type, source: source.address, title: undefined as string | undefined };
          sheet.charts.push(chart);
          return { title: { set text(t: string) { chart.title = t; } }, setPosition: () => undefined };
        },
      },
      delete: () => {
        this.send("delete");
        sheet.deleted = true;
        this.sheets = this.sheets.filter((s) => s !== sheet);
      },
      activate: () => {
        sheet.activated = true;
      },
    };
    const proxy = this.loadable(api, () => ({ name: sheet.name }));
    const loadSheet = (proxy as unknown as { load: (properties?: string) => unknown }).load;
    // "protection/protected" in the sheet's load string loads the protection object too.
    return Object.assign(Object.create(proxy) as typeof proxy, {
      load: (properties = "") => {
        if (properties.includes("protection/protected")) (api.protection as unknown as { load: (p: string) => void }).load("protected");
        loadSheet(properties);
        return proxy;
      },
    });
  }

  private rangeApi(sheet: FakeSheet, address: string) {
    const bounds = parseAddress(address);
    const each = (fn: (cell: Cell, r: number, c: number) => void) => {
      for (let r = bounds.top; r <= bounds.bottom; r++) for (let c = bounds.left; c <= bounds.right; c++) fn(sheet.ensure(r, c), r, c);
    };
    const rows = bounds.bottom - bounds.top + 1;
    const cols = bounds.right - bounds.left + 1;
    const assign = (value: unknown, apply: (cell: Cell, v: unknown) => void) => {
      this.send(value);
      if (Array.isArray(value)) {
        if (value.length !== rows || value.some((row: unknown[]) => row.length !== cols)) {
          throw new Error(`InvalidArgument: mảng ${value.length}×${(value[0] as unknown[])?.length} không khớp vùng ${address} (${rows}×${cols})`);
        }
        each((cell, r, c) => apply(cell, (value as unknown[][])[r - bounds.top][c - bounds.left]));
      } else {
        each((cell) => apply(cell, value));
      }
    };
    const format = {
      fill: { set color(color: string) { each((cell) => (cell.fill = color)); } },
      font: { set bold(b: boolean) { each((cell) => (cell.bold = b)); }, set size(_: number) {} },
      set wrapText(_: boolean) {},
      set verticalAlignment(_: string) {},
      set columnWidth(width: number) {
        for (let c = bounds.left; c <= bounds.right; c++) sheet.columnWidths.set(c, width);
      },
    };
    const formats = sheet.conditionalFormats;
    const conditionalFormats = this.loadable(
      {
        add: (_type: string) => {
          this.send(["cf", address]);
          const cf: FakeConditionalFormat = { range: address, formula: "", deleted: false };
          formats.push(cf);
          return {
            custom: {
              rule: { set formula(f: string) { cf.formula = f; } },
              format: { fill: { set color(c: string) { cf.fill = c; } } },
            },
          };
        },
      },
      () => ({
        items: formats
          .filter((cf) => !cf.deleted)
          .map((cf) => ({
            type: "Custom",
            customOrNullObject: { isNullObject: false, rule: { formula: cf.formula } },
            delete: () => {
              this.send("delete-cf");
              cf.deleted = true;
              sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
            },
          })),
      })
    );
    const excel = this;
    return {
      address,
      sheetName: sheet.name,
      select() {
        excel.selected = `${sheet.name}!${bounds.top + 1}`;
      },
      set values(v: unknown) {
        assign(v, (cell, x) => {
          cell.value = x as CellValue;
          delete cell.formula;
        });
      },
      set formulasR1C1(v: unknown) {
        assign(v, (cell, x) => {
          cell.formula = String(x);
          cell.value = "";
        });
      },
      set numberFormat(v: unknown) {
        assign(v, (cell, x) => (cell.numberFormat = String(x)));
      },
      format,
      conditionalFormats,
    };
  }
}

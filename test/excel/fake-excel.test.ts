/**
 * The fake is only useful if it fails where Excel fails: these tests pin each strict rule.
 */
import {
  coerceWrittenValue,
  FAKE_CELL_LIMIT,
  FAKE_PAYLOAD_LIMIT,
  FakeExcel,
  FakeSheet,
} from "../support/fake-excel";

beforeAll(() => {
  (globalThis as unknown as { Excel: unknown }).Excel = FakeExcel.enums;
});

describe("the strict fake Excel", () => {
  it("applies operations only at sync, in order, and an error keeps the earlier ones applied", async () => {
    const sheet = new FakeSheet("A", [["x"]]);
    const excel = new FakeExcel([sheet]);
    const context = excel.context();
    const ws = context.workbook.worksheets.getItem("A");
    ws.getRange("B1").values = [["first"]];
    expect(sheet.valueAt("B1")).toBeUndefined();
    context.workbook.worksheets.add("a"); // same name, other case: ItemAlreadyExists
    ws.getRange("C1").values = [["never"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    expect(sheet.valueAt("B1")).toBe("first");
    expect(sheet.valueAt("C1")).toBeUndefined();
  });

  it("reads loaded properties only after a sync", async () => {
    const excel = new FakeExcel([new FakeSheet("A", [[1]])]);
    const context = excel.context();
    const range = context.workbook.worksheets.getItem("A").getRange("A1");
    range.load("values");
    // The point of this test is the read before sync, which the lint rule forbids.
    // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    await context.sync();
    expect(range.values).toEqual([[1]]);
  });

  it("activate() changes the active sheet and a very hidden sheet cannot be activated", async () => {
    const hidden = new FakeSheet("Ẩn", [], undefined, { visibility: "VeryHidden" });
    const excel = new FakeExcel([new FakeSheet("A"), new FakeSheet("B"), hidden]);
    const context = excel.context();
    context.workbook.worksheets.getItem("B").activate();
    await context.sync();
    expect(excel.active).toBe(1);
    context.workbook.worksheets.getItem("ẩn").activate();
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    context.workbook.worksheets.add("ẨN");
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  it("refuses a duplicate defined name without regard to case", async () => {
    const excel = new FakeExcel([new FakeSheet("A", [[1]])]);
    const context = excel.context();
    const ws = context.workbook.worksheets.getItem("A");
    context.workbook.names.add("_ParIndex_X", ws.getRange("A1"));
    await context.sync();
    context.workbook.names.add("_PARINDEX_x", ws.getRange("A2"));
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  it("reads name values unquoted when Excel does, quoted when it must, and #REF! after the sheet is gone", async () => {
    const excel = new FakeExcel([new FakeSheet("Sheet1", [[1]]), new FakeSheet("Phụ lục", [[1]])]);
    const context = excel.context();
    context.workbook.names.add(
      "a",
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2")
    );
    context.workbook.names.add("b", context.workbook.worksheets.getItem("Phụ lục").getRange("C3"));
    await context.sync();
    expect([...excel.names.values()]).toEqual(["Sheet1!$A$1:$B$2", "'Phụ lục'!$C$3"]);
    context.workbook.worksheets.getItem("Sheet1").delete();
    const names = context.workbook.names;
    names.load("items/name,items/value");
    await context.sync();
    expect(names.items.map((n) => n.value)).toEqual(["#REF!", "'Phụ lục'!$C$3"]);
  });

  it("refuses adding or deleting sheets under structure protection, which needs ExcelApi 1.7 to see", async () => {
    const excel = new FakeExcel([new FakeSheet("A"), new FakeSheet("B")], {
      structureProtected: true,
    });
    const context = excel.context();
    const protection = context.workbook.protection;
    protection.load("protected");
    await context.sync();
    expect(protection.protected).toBe(true);
    context.workbook.worksheets.add("C");
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    context.workbook.worksheets.getItem("B").delete();
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    const old = new FakeExcel([new FakeSheet("A")], { apiVersion: "1.6" });
    expect(() => old.context().workbook.protection).toThrow(
      expect.objectContaining({ code: "ApiNotFound" })
    );
  });

  it("caps responses at 5 MB and one read at 5 million cells", async () => {
    const long = "x".repeat(1000);
    const rows = Array.from({ length: 6000 }, () => [long]);
    const excel = new FakeExcel([new FakeSheet("A", rows)]);
    const context = excel.context();
    const used = context.workbook.worksheets.getItem("A").getUsedRangeOrNullObject(true);
    used.load("values");
    await expect(context.sync()).rejects.toMatchObject({
      code: "ResponsePayloadSizeLimitExceeded",
    });
    expect(excel.responseBytes.at(-1)).toBeGreaterThan(FAKE_PAYLOAD_LIMIT);

    const wide = context.workbook.worksheets
      .getItem("A")
      .getRange(`A1:E${FAKE_CELL_LIMIT / 5 + 1}`);
    wide.load("values");
    await expect(context.sync()).rejects.toMatchObject({
      code: "ResponsePayloadSizeLimitExceeded",
    });
  });

  it("caps requests at 5 MB and applies none of such a request", async () => {
    const sheet = new FakeSheet("A");
    const excel = new FakeExcel([sheet]);
    const context = excel.context();
    context.workbook.worksheets.getItem("A").getRange("A1:A6000").values = Array.from(
      { length: 6000 },
      () => ["y".repeat(1000)]
    );
    await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(sheet.valueAt("A1")).toBeUndefined();
  });

  describe("turns written strings into what Excel stores", () => {
    it.each([
      ["1.1", 1.1],
      ["1.10", 1.1],
      ["7.8", 7.8],
      ["1,234", 1234],
      ["50%", 0.5],
      ["1/2/2025", 45659],
      ["TRUE", true],
    ])("%s becomes %p in a General cell", (text, stored) => {
      expect(coerceWrittenValue(text, "General")).toEqual({ value: stored });
    });

    it("keeps text in a cell formatted as text (@)", () => {
      expect(coerceWrittenValue("1.10", "@")).toEqual({ value: "1.10" });
      expect(coerceWrittenValue("- Văn phòng", "@")).toEqual({ value: "- Văn phòng" });
    });

    it("makes =, + and - strings formulas, failing on one Excel cannot parse", async () => {
      expect(coerceWrittenValue("=A1+1", "General")).toEqual({ value: "", formula: "=A1+1" });
      expect(coerceWrittenValue("+A1", "General")).toEqual({ value: "", formula: "=+A1" });
      const sheet = new FakeSheet("A");
      const excel = new FakeExcel([sheet]);
      const context = excel.context();
      const ws = context.workbook.worksheets.getItem("A");
      ws.getRange("A1").values = [["trước"]];
      ws.getRange("A2").values = [["- Văn phòng HĐND và UBND"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      expect(sheet.valueAt("A1")).toBe("trước");
      ws.getRange("A3").numberFormat = [["@"]];
      ws.getRange("A3").values = [["- Văn phòng HĐND và UBND"]];
      await context.sync();
      expect(sheet.valueAt("A3")).toBe("- Văn phòng HĐND và UBND");
    });
  });

  it("keeps date serials and their invariant number format on read", async () => {
    const excel = new FakeExcel([new FakeSheet("A", [[45981]], [["dd/mm/yyyy"]])]);
    const context = excel.context();
    const range = context.workbook.worksheets.getItem("A").getRange("A1");
    range.load("values,numberFormat");
    await context.sync();
    expect(range.values).toEqual([[45981]]);
    expect(range.numberFormat).toEqual([["dd/mm/yyyy"]]);
  });

  describe("merged areas", () => {
    const merged = () =>
      new FakeSheet(
        "A",
        [
          ["Mục I", "", ""],
          ["x", "y", "z"],
        ],
        undefined,
        { merges: ["A1:C1", "B3:B5"] }
      );

    it("lists the areas whose top-left cell is in the range (ExcelApi 1.13)", async () => {
      const excel = new FakeExcel([merged()]);
      const context = excel.context();
      const areas = context.workbook.worksheets
        .getItem("A")
        .getRange("A1:C4")
        .getMergedAreasOrNullObject();
      areas.load(
        "areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount"
      );
      await context.sync();
      expect(areas.isNullObject).toBe(false);
      expect(
        areas.areas.items.map((a) => [a.rowIndex, a.columnIndex, a.rowCount, a.columnCount])
      ).toEqual([
        [0, 0, 1, 3],
        [2, 1, 3, 1],
      ]);
      const none = context.workbook.worksheets
        .getItem("A")
        .getRange("A2:C2")
        .getMergedAreasOrNullObject();
      none.load("areas/items/address");
      await context.sync();
      expect(none.isNullObject).toBe(true);
    });

    it("is not there below ExcelApi 1.13", () => {
      const excel = new FakeExcel([merged()], { apiVersion: "1.8" });
      expect(() =>
        excel.context().workbook.worksheets.getItem("A").getRange("A1").getMergedAreasOrNullObject()
      ).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
    });

    it("refuses a write to part of a merged area, not to the whole of it", async () => {
      const sheet = merged();
      const excel = new FakeExcel([sheet]);
      const context = excel.context();
      const ws = context.workbook.worksheets.getItem("A");
      ws.getRange("C1:D1").values = [["a", "b"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      ws.getRange("B4").formulasR1C1 = [["=1"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      ws.getRange("A1:C1").values = [["Mục II", "", ""]];
      ws.getRange("C1").format.fill.color = "#FFFFFF"; // formats may touch part of an area
      await context.sync();
      expect(sheet.valueAt("A1")).toBe("Mục II");
    });
  });

  it("reads columnHidden as Excel does: true when all, null when some, false when none", async () => {
    const excel = new FakeExcel([
      new FakeSheet("A", [[1, 2, 3]], undefined, { hiddenColumns: ["B"] }),
    ]);
    const context = excel.context();
    const ws = context.workbook.worksheets.getItem("A");
    const [b, ab, c] = ["B:B", "A:B", "C:C"].map((address) =>
      ws.getRange(address).load("columnHidden")
    );
    await context.sync();
    expect([b.columnHidden, ab.columnHidden, c.columnHidden]).toEqual([true, null, false]);
  });

  it("ends with the runtime: no call after it", () => {
    const excel = new FakeExcel([new FakeSheet("A")]);
    excel.ended = true;
    expect(() => excel.context()).toThrow(/Runtime đã kết thúc/);
  });
});

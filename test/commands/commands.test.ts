import { OfficeMockObject } from "office-addin-mock";
import { scoreActiveSheetCommand, registerCommands } from "../../src/commands/commands";
import { dialogUrl, readDialogParams, MAX_DIALOG_MESSAGE } from "../../src/commands/dialog-url";
import { SETTING_KEYS } from "../../src/core/settings";
import { CRITERIA_SHEET } from "../../samples/sample-tables";
import { FakeExcel, FakeSheet } from "../support/fake-excel";

const globals = globalThis as unknown as Record<string, unknown>;

/** Office (document settings, dialog) through office-addin-mock; Excel through the counting fake. */
function setUp(sheet: FakeSheet, settings: Record<string, unknown>) {
  const urls: string[] = [];
  const associated: Record<string, unknown> = {};
  const officeMock = new OfficeMockObject({
    context: {
      document: {
        settings: {
          get: (key: string) => settings[key] ?? null,
        },
      },
      ui: {
        displayDialogAsync: function (url: string, _options: unknown, callback: (result: unknown) => void) {
          urls.push(url);
          callback({ status: "failed", error: { message: "dialog đã mở" } });
        },
      },
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived" },
    actions: {
      associate: function (name: string, fn: unknown) {
        associated[name] = fn;
      },
    },
  });
  const excel = new FakeExcel([sheet]);
  globals.Office = officeMock;
  globals.Excel = { ...FakeExcel.enums, run: (batch: (context: Excel.RequestContext) => Promise<unknown>) => batch(excel.context()) };
  globals.window = { location: { origin: "https://localhost:3000" } };
  return { officeMock, excel, urls, associated };
}

afterEach(() => {
  delete globals.Office;
  delete globals.Excel;
  delete globals.window;
});

describe("the ribbon command", () => {
  it("scores the active sheet with the workbook's settings, shows the headline and completes the event", async () => {
    const sheet = new FakeSheet(CRITERIA_SHEET.name, CRITERIA_SHEET.rows.map((r) => r.map((v) => v ?? "")));
    const { urls, excel } = setUp(sheet, { [SETTING_KEYS.criteriaSetId]: "xa-2025-dien-ban", [SETTING_KEYS.today]: "2025-11-20" });
    const completed = jest.fn();
    await scoreActiveSheetCommand({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(excel.syncs).toBe(2);
    expect(urls).toHaveLength(1);
    const { message, kind } = readDialogParams(new URL(urls[0]).search);
    expect(kind).toBe("ok");
    expect(message).toContain("Tổng điểm 4,24/8,5");
    expect(excel.sheets.find((s) => s.name === "Tổng hợp")!.activated).toBe(true);
  });

  it("reports a refusal the same way and still completes the event", async () => {
    const sheet = new FakeSheet("Trống");
    const { urls } = setUp(sheet, {});
    const completed = jest.fn();
    await scoreActiveSheetCommand({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(readDialogParams(new URL(urls[0]).search)).toEqual({ kind: "error", message: 'Trang "Trống" đang trống: hãy mở trang có bảng phụ lục rồi bấm Chấm điểm.' });
  });

  it("registers the function the manifest names", () => {
    const { associated } = setUp(new FakeSheet("A"), {});
    registerCommands();
    expect(globals.scoreActiveSheet).toBe(scoreActiveSheetCommand);
    expect(associated.scoreActiveSheet).toBe(scoreActiveSheetCommand);
  });
});

describe("dialogUrl", () => {
  it("round-trips the message, truncating very long ones", () => {
    const url = dialogUrl("https://x", "Tổng điểm 4,24 & <b>", "ok");
    expect(readDialogParams(new URL(url).search)).toEqual({ message: "Tổng điểm 4,24 & <b>", kind: "ok" });
    const long = readDialogParams(new URL(dialogUrl("https://x", "a".repeat(5000), "error")).search);
    expect(long.message).toHaveLength(MAX_DIALOG_MESSAGE);
    expect(long.kind).toBe("error");
  });
});

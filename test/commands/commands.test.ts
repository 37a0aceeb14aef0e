import { scoreActiveSheetCommand, registerCommands } from "../../src/commands/commands";
import { dialogUrl, readDialogParams, MAX_DIALOG_MESSAGE } from "../../src/commands/dialog-url";
import { SETTING_KEYS } from "../../src/core/settings";
import { SETTINGS_NAMESPACE, settingsToXml } from "../../src/excel/settings";
import { CRITERIA_SHEET } from "../../samples/sample-tables";
import { FakeExcel, FakeOffice, FakeSheet } from "../support/fake-excel";
import { runLock, type LockStorage } from "../../src/commands/run-lock";
import { LAST_RESULT_KEY, takeLastResult } from "../../src/commands/last-result";

/** localStorage as two runtimes of the add-in's origin share it. */
function sharedStorage(): LockStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const globals = globalThis as unknown as Record<string, unknown>;

/** Office through the strict fake (its runtime ends at completed()); Excel through the fake workbook. */
function setUp(
  sheets: FakeSheet[],
  settings: Record<string, unknown>,
  { dialogOpens = true as boolean | number, href = "https://localhost:3000/commands.html" } = {}
) {
  const excel = new FakeExcel(sheets);
  const office = new FakeOffice(excel, settings, dialogOpens);
  globals.Office = office.global();
  globals.Excel = { ...FakeExcel.enums, run: excel.run };
  globals.window = { location: { href } };
  return { office, excel };
}

const sample = () =>
  new FakeSheet(
    CRITERIA_SHEET.name,
    CRITERIA_SHEET.rows.map((r) => r.map((v) => v ?? ""))
  );
const settings = {
  [SETTING_KEYS.criteriaSetId]: "xa-2025-dien-ban",
  [SETTING_KEYS.today]: "2025-11-20",
};
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/**
 * No real timer for the dialog's closing (4.5 minutes after the click): left running, it
 * fires after the test is over, against a runtime that has ended, and fails the whole run.
 */
const NO_TIMER = { later: () => () => {} };

afterEach(() => {
  delete globals.localStorage;
  delete globals.Office;
  delete globals.Excel;
  delete globals.window;
});

describe("the ribbon command", () => {
  it("keeps the runtime until the user closes the dialog with its button, then completes once", async () => {
    const { office, excel } = setUp([sample()], settings);
    await scoreActiveSheetCommand(office.event(), NO_TIMER);
    await tick();
    expect(office.dialogs).toHaveLength(1);
    expect(office.completedCalls).toBe(0); // the dialog is still open: the runtime must live
    const { message, kind } = readDialogParams(new URL(office.dialogs[0].url).search);
    expect(kind).toBe("ok");
    expect(message).toContain("Tổng điểm 4,24/8,5");
    expect(excel.active).toBe(0); // the user stays on the scored sheet
    office.dialogs[0].clickClose();
    expect(office.dialogs[0].closed).toBe(true);
    expect(office.completedCalls).toBe(1);
    // The runtime has ended: Office is gone, and a late event changes nothing.
    expect(() => (globals.Office as typeof Office).context).toThrow(/Runtime đã kết thúc/);
    office.dialogs[0].closeByUser();
    expect(office.completedCalls).toBe(1);
  });

  it("scores with the settings kept in the workbook's XML part, which a colleague's copy of the add-in finds too", async () => {
    const { office, excel } = setUp([sample()], {});
    excel.xmlParts.push({
      id: "{1}",
      namespace: SETTINGS_NAMESPACE,
      xml: settingsToXml({ today: "2025-11-20", soonDays: 7, criteriaSetId: "xa-2025-dien-ban" }),
    });
    await scoreActiveSheetCommand(office.event(), NO_TIMER);
    await tick();
    expect(readDialogParams(new URL(office.dialogs[0].url).search).message).toContain(
      "Tổng điểm 4,24/8,5"
    );
  });

  it("completes once when the user closes the dialog with its X (12006)", async () => {
    const { office } = setUp([sample()], settings);
    await scoreActiveSheetCommand(office.event(), NO_TIMER);
    await tick();
    office.dialogs[0].closeByUser();
    expect(office.completedCalls).toBe(1);
  });

  it("completes once when the dialog cannot open", async () => {
    const { office } = setUp([sample()], settings, { dialogOpens: false });
    await scoreActiveSheetCommand(office.event(), NO_TIMER);
    await tick();
    expect(office.completedCalls).toBe(1);
  });

  it("scores the same sheet on a second click (the user was not moved to the summary)", async () => {
    const { office, excel } = setUp([sample()], settings);
    await scoreActiveSheetCommand(office.event(), NO_TIMER);
    await tick();
    office.dialogs[0].clickClose();
    const again = new FakeOffice(excel, settings);
    excel.ended = false;
    globals.Office = again.global();
    await scoreActiveSheetCommand(again.event(), NO_TIMER);
    await tick();
    expect(readDialogParams(new URL(again.dialogs[0].url).search).kind).toBe("ok");
  });

  it("opens the dialog next to the command page when the add-in is served under a path", async () => {
    const { office } = setUp([sample()], settings, {
      href: "https://server/cham-diem-cchc/commands.html?_host_Info=Excel",
    });
    await scoreActiveSheetCommand(office.event(), NO_TIMER);
    await tick();
    expect(office.dialogs[0].url).toMatch(/^https:\/\/server\/cham-diem-cchc\/dialog\.html\?m=/);
  });

  it("reports a refusal the same way", async () => {
    const { office } = setUp([new FakeSheet("Trống")], {});
    await scoreActiveSheetCommand(office.event(), NO_TIMER);
    await tick();
    expect(readDialogParams(new URL(office.dialogs[0].url).search)).toEqual({
      kind: "error",
      message: 'Trang "Trống" đang trống: hãy mở trang có bảng phụ lục rồi bấm Chấm điểm.',
    });
    office.dialogs[0].clickClose();
    expect(office.completedCalls).toBe(1);
  });

  it("registers the function the manifest names", () => {
    const associated: Record<string, unknown> = {};
    globals.Office = {
      actions: { associate: (name: string, fn: unknown) => (associated[name] = fn) },
    };
    registerCommands();
    expect(globals.scoreActiveSheet).toBe(scoreActiveSheetCommand);
    expect(associated.scoreActiveSheet).toBe(scoreActiveSheetCommand);
  });
});

describe("the ribbon command as Excel runs it (issue 24)", () => {
  it("says that a scoring is running when the button is clicked again in another runtime, and changes nothing", async () => {
    const { office, excel } = setUp([sample()], settings);
    const storage = sharedStorage(); // the runtimes share the origin's localStorage
    const second = new FakeOffice(excel, settings);
    const first = scoreActiveSheetCommand(office.event(), { lock: runLock(storage), ...NO_TIMER });
    const again = scoreActiveSheetCommand(second.event(), { lock: runLock(storage), ...NO_TIMER });
    await Promise.all([first, again]);
    await tick();
    const said = office.dialogs.map((d) => readDialogParams(new URL(d.url).search));
    expect(said).toHaveLength(2);
    expect(said.filter((m) => m.kind === "ok")).toHaveLength(1);
    expect(said.some((m) => m.message.startsWith("Đang có một lần chấm điểm khác chạy"))).toBe(
      true
    );
    expect(excel.maxOpenContexts).toBe(1);
    expect(storage.items.size).toBe(0); // released once done
  });

  it("closes the dialog and completes before the runtime's five minutes end", async () => {
    const { office } = setUp([sample()], settings);
    const timers: Array<{ run: () => void; ms: number }> = [];
    await scoreActiveSheetCommand(office.event(), {
      later: (run, ms) => void timers.push({ run, ms }),
    });
    await tick();
    expect(office.completedCalls).toBe(0);
    expect(timers).toHaveLength(1);
    expect(timers[0].ms).toBeLessThan(5 * 60 * 1000);
    timers[0].run();
    expect(office.dialogs[0].closed).toBe(true);
    expect(office.completedCalls).toBe(1);
    office.dialogs[0].clickClose(); // a late click changes nothing
    expect(office.completedCalls).toBe(1);
  });

  it.each([12009, 12011])(
    "keeps the result for the pane when the dialog cannot open (%i)",
    async (code) => {
      const storage = sharedStorage();
      const { office } = setUp([sample()], settings, { dialogOpens: code });
      globals.localStorage = storage;
      await scoreActiveSheetCommand(office.event(), {
        lock: runLock(sharedStorage()),
        ...NO_TIMER,
      });
      await tick();
      expect(office.completedCalls).toBe(1);
      expect(storage.items.has(LAST_RESULT_KEY)).toBe(true);
      const kept = takeLastResult(storage);
      expect(kept?.kind).toBe("ok");
      expect(kept?.message).toContain("Tổng điểm 4,24/8,5");
      expect(storage.items.has(LAST_RESULT_KEY)).toBe(false); // shown once
    }
  );
});

describe("dialogUrl", () => {
  it("passes a message of several lines without a raw line break in the address (error 5001 on the web)", () => {
    const url = dialogUrl("https://x/commands.html", "Dòng một\nDòng hai\r\nDòng\tba", "ok");
    expect(url).not.toMatch(/%0A|%0D|%09/i);
    expect(readDialogParams(new URL(url).search).message).toBe("Dòng một\nDòng hai\nDòng ba");
  });

  it("round-trips the message, truncating very long ones", () => {
    const url = dialogUrl("https://x/commands.html", "Tổng điểm 4,24 & <b>", "ok");
    expect(readDialogParams(new URL(url).search)).toEqual({
      message: "Tổng điểm 4,24 & <b>",
      kind: "ok",
    });
    const long = readDialogParams(
      new URL(dialogUrl("https://x/", "a".repeat(5000), "error")).search
    );
    expect(long.message).toHaveLength(MAX_DIALOG_MESSAGE);
    expect(long.kind).toBe("error");
  });

  it("resolves against the page's own address, keeping the deployment path", () => {
    expect(dialogUrl("https://server/cham-diem-cchc/commands.html", "Xong", "ok")).toBe(
      "https://server/cham-diem-cchc/dialog.html?m=Xong&k=ok"
    );
  });
});

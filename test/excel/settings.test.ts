import { OfficeMockObject } from "office-addin-mock";
import {
  loadDocumentSettings,
  loadWorkbookSettings,
  saveDocumentSettings,
  saveWorkbookSettings,
  serializedSaves,
  SETTINGS_NAMESPACE,
  settingsFromXml,
  settingsToXml,
} from "../../src/excel/settings";
import { workbookSettingsStore } from "../../src/taskpane/settings-store";
import { FakeExcel, FakeSheet } from "../support/fake-excel";
import { SETTING_KEYS } from "../../src/core/settings";

const globals = globalThis as unknown as Record<string, unknown>;

function mockSettings(
  initial: Record<string, unknown>,
  saveStatus: "succeeded" | "failed" = "succeeded"
) {
  const stored: Record<string, unknown> = { ...initial };
  const mock = new OfficeMockObject({
    get: (key: string) => stored[key] ?? null,
    set: (key: string, value: unknown) => {
      stored[key] = value;
    },
    saveAsync: (callback: (result: unknown) => void) =>
      callback({ status: saveStatus, error: { message: "tệp chỉ đọc" } }),
  });
  return { settings: mock as unknown as Office.Settings, stored };
}

beforeAll(() => {
  globals.Office = { AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" } };
});
afterAll(() => {
  delete globals.Office;
});

describe("document settings", () => {
  it("reads valid values and repairs invalid ones one by one", () => {
    const { settings } = mockSettings({
      [SETTING_KEYS.today]: "2025-02-30",
      [SETTING_KEYS.soonDays]: 3,
      [SETTING_KEYS.criteriaSetId]: "xa-2025-dien-ban",
    });
    expect(loadDocumentSettings(settings)).toEqual({
      today: null,
      soonDays: 3,
      criteriaSetId: "xa-2025-dien-ban",
    });
  });

  it("saves into the workbook", async () => {
    const { settings, stored } = mockSettings({});
    await saveDocumentSettings(settings, { today: "2025-11-20", soonDays: 5, criteriaSetId: null });
    expect(stored).toEqual({
      [SETTING_KEYS.today]: "2025-11-20",
      [SETTING_KEYS.soonDays]: 5,
      [SETTING_KEYS.criteriaSetId]: null,
    });
  });

  it("rejects with a Vietnamese message when Excel cannot save", async () => {
    const { settings } = mockSettings({}, "failed");
    await expect(
      saveDocumentSettings(settings, { today: null, soonDays: 7, criteriaSetId: null })
    ).rejects.toThrow("Không lưu được cài đặt vào sổ làm việc: tệp chỉ đọc");
  });
});

describe("settings that travel with the workbook (custom XML part)", () => {
  const value = { today: "2025-11-20", soonDays: 5, criteriaSetId: "xa-2025-dien-ban" };

  it("round-trips through the part's XML and repairs invalid values; foreign XML is not ours", () => {
    expect(settingsFromXml(settingsToXml(value))).toEqual(value);
    expect(
      settingsFromXml(settingsToXml({ today: null, soonDays: 7, criteriaSetId: null }))
    ).toEqual({ today: null, soonDays: 7, criteriaSetId: null });
    const broken = settingsToXml(value).replace("2025-11-20", "2025-02-30").replace(">5<", ">-3<");
    expect(settingsFromXml(broken)).toEqual({
      today: null,
      soonDays: 7,
      criteriaSetId: "xa-2025-dien-ban",
    });
    expect(
      settingsFromXml('<settings xmlns="urn:other"><today>2025-01-01</today></settings>')
    ).toBeNull();
    expect(settingsFromXml("<not xml")).toBeNull();
  });

  it("are found by a colleague whose add-in has other document settings, and one part is kept", async () => {
    const excel = new FakeExcel([new FakeSheet("A")]);
    const mine = mockSettings({ [SETTING_KEYS.soonDays]: 3 }).settings;
    const colleague = mockSettings({}).settings;
    await saveWorkbookSettings(excel.context(), mine, value, (v) => excel.supports(v));
    await saveWorkbookSettings(excel.context(), mine, { ...value, soonDays: 9 }, (v) =>
      excel.supports(v)
    );
    expect(excel.xmlParts).toHaveLength(1);
    expect(
      await loadWorkbookSettings(excel.context(), colleague, (v) => excel.supports(v))
    ).toEqual({ ...value, soonDays: 9 });
  });

  it("reads the document settings of workbooks saved before, and uses them on hosts without custom XML parts", async () => {
    const excel = new FakeExcel([new FakeSheet("A")]);
    const old = mockSettings({ [SETTING_KEYS.soonDays]: 3 });
    expect(
      await loadWorkbookSettings(excel.context(), old.settings, (v) => excel.supports(v))
    ).toEqual({ today: null, soonDays: 3, criteriaSetId: null });
    const excel2016 = new FakeExcel([new FakeSheet("A")], { apiVersion: "1.4" });
    await saveWorkbookSettings(excel2016.context(), old.settings, value, (v) =>
      excel2016.supports(v)
    );
    expect(old.stored[SETTING_KEYS.soonDays]).toBe(5);
    expect(excel2016.xmlParts).toHaveLength(0);
  });
});

describe("settings saved on every keystroke (issue 24)", () => {
  const value = { today: "2025-11-20", soonDays: 5, criteriaSetId: "xa-2025-dien-ban" };

  it("keeps one part when saves overlap, and reads back the last value", async () => {
    const excel = new FakeExcel([new FakeSheet("A")]);
    const documentSettings = mockSettings({}).settings;
    const store = workbookSettingsStore(excel.run, documentSettings, (v) => excel.supports(v));
    await Promise.all([
      store.save({ ...value, soonDays: 3 }),
      store.save({ ...value, soonDays: 4 }),
      store.save({ ...value, soonDays: 6 }),
    ]);
    expect(excel.maxOpenContexts).toBe(1);
    expect(excel.xmlParts).toHaveLength(1);
    expect(await store.refresh!()).toEqual({ ...value, soonDays: 6 });
  });

  it("reads the newest part when an earlier version left several", async () => {
    const excel = new FakeExcel([new FakeSheet("A")]);
    const part = (xml: string, id: string) =>
      excel.xmlParts.push({ id, namespace: SETTINGS_NAMESPACE, xml });
    part(settingsToXml({ ...value, soonDays: 2 }, "2025-11-21T08:00:00.000Z"), "{1}");
    part(settingsToXml({ ...value, soonDays: 1 }), "{2}"); // written before savedAt existed
    part(settingsToXml({ ...value, soonDays: 9 }, "2025-11-21T09:00:00.000Z"), "{3}");
    part(settingsToXml({ ...value, soonDays: 4 }, "2025-11-20T09:00:00.000Z"), "{4}");
    const none = mockSettings({}).settings;
    expect(await loadWorkbookSettings(excel.context(), none, (v) => excel.supports(v))).toEqual({
      ...value,
      soonDays: 9,
    });
    await saveWorkbookSettings(excel.context(), none, value, (v) => excel.supports(v));
    expect(excel.xmlParts).toHaveLength(1); // every part of our namespace went
  });

  it("passes on a failed save to every caller waiting for it", async () => {
    let calls = 0;
    const save = serializedSaves(async (n: number) => {
      calls++;
      if (n === 2) throw new Error("tệp chỉ đọc");
    });
    const first = save(1);
    const second = save(2);
    const third = save(2);
    await expect(first).resolves.toBeUndefined();
    await expect(second).rejects.toThrow("tệp chỉ đọc");
    await expect(third).rejects.toThrow("tệp chỉ đọc");
    expect(calls).toBe(2);
  });
});

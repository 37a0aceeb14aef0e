import { OfficeMockObject } from "office-addin-mock";
import { loadDocumentSettings, saveDocumentSettings } from "../../src/excel/settings";
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

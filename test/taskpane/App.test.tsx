/**
 * @jest-environment jsdom
 */
import "../support/jsdom-shims";
import * as React from "react";
import { keepLastResult } from "../../src/commands/last-result";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { App } from "../../src/taskpane/components/App";
import { createWorkbookApi, type WorkbookApi } from "../../src/excel/workbook-api";
import { memorySettingsStore, SAVE_FILE_NOTE, workbookSettingsStore } from "../../src/taskpane/settings-store";
import { SETTINGS_NAMESPACE, settingsFromXml, settingsToXml } from "../../src/excel/settings";
import { CRITERIA_SHEET, TASK_SHEET } from "../../samples/sample-tables";
import { FakeExcel, FakeSheet } from "../support/fake-excel";
import { templateGrid } from "../core/assessment/template-grid";
import { LAYOUT_1 } from "../fixtures/assessment/templates";
import { readCriteriaSheet } from "../../src/core/criteria/criteria-sheet";
import type { Grid } from "../../src/core/read/grid";

const settings = { today: "2025-11-20", soonDays: 7, criteriaSetId: "xa-2025-dien-ban" };

function fakeWorkbook(extraRows: Array<Array<string | number>> = []): { excel: FakeExcel; api: WorkbookApi } {
  (globalThis as unknown as { Excel: unknown }).Excel = FakeExcel.enums;
  const criteria = new FakeSheet(CRITERIA_SHEET.name, [...CRITERIA_SHEET.rows.map((r) => r.map((v) => v ?? "")), ...extraRows]);
  const excel = new FakeExcel([new FakeSheet(TASK_SHEET.name, TASK_SHEET.rows.map((r) => r.map((v) => v ?? ""))), criteria]);
  excel.active = 1;
  return { excel, api: createWorkbookApi(async (batch) => batch(excel.context())) };
}

describe("App", () => {
  it("scores through the adapter, shows the result, and selects a row when an item is clicked", async () => {
    const { excel, api } = fakeWorkbook();
    render(<App api={api} store={memorySettingsStore(settings)} inExcel />);
    fireEvent.click(screen.getByRole("button", { name: "Chấm điểm" }));
    expect(await screen.findByText("4,24 / 8,5 điểm")).toBeTruthy();
    expect(screen.getByText("Tỷ lệ 93,5% < 95%: không chấm điểm, mất 1,5 điểm")).toBeTruthy();
    expect(screen.getByText("Việc quá hạn theo đơn vị")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Chọn dòng 10 trang Tự chấm điểm 2025" }));
    await waitFor(() => expect(excel.selected).toBe("Tự chấm điểm 2025!10"));
  });

  it("shows, once, a ribbon result whose dialog could not open (issue 24)", async () => {
    const { api } = fakeWorkbook();
    keepLastResult({ message: "Đã chấm trang \"Phụ lục\". Tổng điểm 4,24/8,5", kind: "ok", at: Date.now() }, localStorage);
    const first = render(<App api={api} store={memorySettingsStore(settings)} inExcel />);
    expect(await screen.findByText(/hộp thoại kết quả không mở được.*Tổng điểm 4,24\/8,5/)).toBeTruthy();
    first.unmount();
    render(<App api={api} store={memorySettingsStore(settings)} inExcel />);
    expect(screen.queryByText(/hộp thoại kết quả không mở được/)).toBeNull();
  });

  it("shows cell text that looks like HTML as text", async () => {
    const { api } = fakeWorkbook([["", "<img src=x onerror=alert(1)>", "", "Phòng <b>Kinh tế</b>", "Trước ngày 01/11/2025", "", "", "Đang thực hiện", ""]]);
    const { container } = render(<App api={api} store={memorySettingsStore(settings)} inExcel />);
    fireEvent.click(screen.getByRole("button", { name: "Chấm điểm" }));
    expect(await screen.findByText("Phòng <b>Kinh tế</b>")).toBeTruthy();
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
  });

  it("shows a refusal in an error MessageBar and keeps the button usable", async () => {
    const { excel, api } = fakeWorkbook();
    excel.sheets[1].protected = true;
    render(<App api={api} store={memorySettingsStore(settings)} inExcel />);
    fireEvent.click(screen.getByRole("button", { name: "Chấm điểm" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("đang được bảo vệ");
    expect((screen.getByRole("button", { name: "Chấm điểm" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("turns an Office error thrown mid-run into a message, not an unhandled rejection", async () => {
    const api: WorkbookApi = {
      score: () => Promise.reject(Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" })),
      selectRow: () => Promise.resolve(),
      selectAddress: () => Promise.resolve(),
      insertCriteriaSheet: () => Promise.resolve({ ok: true }),
      insertCriteriaFromActiveSheet: () => Promise.resolve({ ok: true }),
    };
    render(<App api={api} store={memorySettingsStore(settings)} inExcel />);
    fireEvent.click(screen.getByRole("button", { name: "Chấm điểm" }));
    expect((await screen.findByRole("alert")).textContent).toContain("chế độ sửa ô");
  });

  it("lists the criteria sheet's problems and selects a cell when one is clicked; inserts a built-in set as the sheet", async () => {
    const { excel, api } = fakeWorkbook();
    render(<App api={api} store={memorySettingsStore(settings)} inExcel />);
    fireEvent.click(screen.getByRole("button", { name: 'Chèn bộ đã chọn thành trang "Bộ tiêu chí" để sửa' }));
    expect(await screen.findByText(/Đã chèn trang "Bộ tiêu chí"/)).toBeTruthy();
    const inserted = excel.sheets.find((s) => s.name === "Bộ tiêu chí")!;
    const row = [...inserted.cells.entries()].find(([, cell]) => cell.value === "VI.1")![0].split(",")[0];
    inserted.ensure(Number(row), 3).value = 0;
    excel.active = 1;
    fireEvent.click(screen.getByRole("button", { name: "Chấm điểm" }));
    const problem = await screen.findByRole("button", { name: `'Bộ tiêu chí'!D${Number(row) + 1}: Điểm tối đa phải là số lớn hơn 0` });
    fireEvent.click(problem);
    await waitFor(() => expect(excel.selected).toBe(`Bộ tiêu chí!${Number(row) + 1}`));
  });

  it("saves changed settings to the store", async () => {
    const store = memorySettingsStore(settings);
    render(<App api={fakeWorkbook().api} store={store} inExcel />);
    fireEvent.change(screen.getByLabelText("Sắp đến hạn trong (ngày)"), { target: { value: "3" } });
    fireEvent.change(screen.getByLabelText("Bộ tiêu chí"), { target: { value: "" } });
    await waitFor(() => expect(store.load()).toEqual({ today: "2025-11-20", soonDays: 3, criteriaSetId: null }));
  });

  it("reads the settings the workbook keeps when it opens, and says the file must be saved after a change", async () => {
    const excel = new FakeExcel([new FakeSheet("A")]);
    const documentSettings = { get: () => null, set: () => undefined } as unknown as Office.Settings;
    const store = workbookSettingsStore((batch) => batch(excel.context()), documentSettings, (v) => excel.supports(v));
    excel.xmlParts.push({ id: "{1}", namespace: SETTINGS_NAMESPACE, xml: settingsToXml({ today: "2025-10-01", soonDays: 4, criteriaSetId: null }) });
    render(<App api={fakeWorkbook().api} store={store} inExcel />);
    await waitFor(() => expect((screen.getByLabelText("Sắp đến hạn trong (ngày)") as HTMLInputElement).value).toBe("4"));
    fireEvent.change(screen.getByLabelText("Sắp đến hạn trong (ngày)"), { target: { value: "9" } });
    expect(await screen.findByText(SAVE_FILE_NOTE)).toBeTruthy();
    expect(excel.xmlParts).toHaveLength(1);
    expect(settingsFromXml(excel.xmlParts[0].xml)).toEqual({ today: "2025-10-01", soonDays: 9, criteriaSetId: null });
  });

  it("has no accessibility violations, before and after scoring", async () => {
    const { container } = render(<App api={fakeWorkbook().api} store={memorySettingsStore(settings)} inExcel />);
    expect((await axe(container)).violations).toEqual([]);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Chấm điểm" }));
    });
    await screen.findByText("4,24 / 8,5 điểm");
    expect((await axe(container)).violations).toEqual([]);
  });

  it("takes the criteria set from the open self-assessment table into the 'Bộ tiêu chí' sheet, and says when there is none", async () => {
    (globalThis as unknown as { Excel: unknown }).Excel = FakeExcel.enums;
    const grid = templateGrid(LAYOUT_1);
    const table = new FakeSheet(LAYOUT_1.sheetName, grid.values.map((row) => row.map((v) => v ?? "")));
    const excel = new FakeExcel([table]);
    const api = createWorkbookApi(async (batch) => batch(excel.context()));
    render(<App api={api} store={memorySettingsStore(settings)} inExcel />);
    fireEvent.click(screen.getByRole("button", { name: "Lấy bộ tiêu chí từ bảng này" }));
    expect(await screen.findByText(/Đã lấy bộ tiêu chí từ bảng này/)).toBeTruthy();
    const inserted = excel.sheets.find((s) => s.name === "Bộ tiêu chí")!;
    const width = Math.max(...[...inserted.cells.keys()].map((k) => Number(k.split(",")[1]))) + 1;
    const height = Math.max(...[...inserted.cells.keys()].map((k) => Number(k.split(",")[0]))) + 1;
    const sheetGrid: Grid = {
      sheetName: "Bộ tiêu chí",
      values: Array.from({ length: height }, (_, r) =>
        Array.from({ length: width }, (_, c) => inserted.cell(r, c)?.value ?? "")
      ),
    };
    const parsed = readCriteriaSheet(sheetGrid);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value.areas.length).toBeGreaterThan(0);

    const { api: plainApi } = fakeWorkbook();
    render(<App api={plainApi} store={memorySettingsStore(settings)} inExcel />);
    fireEvent.click(screen.getAllByRole("button", { name: "Lấy bộ tiêu chí từ bảng này" })[1]);
    expect((await screen.findByRole("alert")).textContent).toContain("không có bảng tự đánh giá");
  });

  it("shows self-score, computed and appraised points side by side for a self-assessment table", async () => {
    (globalThis as unknown as { Excel: unknown }).Excel = FakeExcel.enums;
    const grid = templateGrid(LAYOUT_1);
    const excel = new FakeExcel([new FakeSheet(LAYOUT_1.sheetName, grid.values.map((row) => row.map((v) => v ?? "")))]);
    const api = createWorkbookApi(async (batch) => batch(excel.context()));
    render(<App api={api} store={memorySettingsStore({ ...settings, criteriaSetId: null })} inExcel />);
    fireEvent.click(screen.getByRole("button", { name: "Chấm điểm" }));
    expect(await screen.findByText("Đối chiếu điểm")).toBeTruthy();
    const card = screen.getByText("Đối chiếu điểm").parentElement!.textContent!;
    // The computed total is the headline's (bonus and deduction held within their caps).
    expect(card).toContain("Tự chấm 8,57 · Tính toán 8,57 · Thẩm định 7,5");
    expect(card.indexOf("1.1.1")).toBeLessThan(card.indexOf("2.3"));
    fireEvent.click(within(screen.getByText("Đối chiếu điểm").parentElement!).getByText(/^1\.1\.1 /));
    await waitFor(() => expect(excel.selected).toMatch(/!7$/));
  });
});

/**
 * Test-only page: the real task pane and the real Office.js adapter, run against the
 * fake workbook holding the bundled sample (its criteria sheet active).
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { CRITERIA_SHEET, TASK_SHEET } from "../../samples/sample-tables";
import { App } from "../../src/taskpane/components/App";
import { createWorkbookApi } from "../../src/excel/workbook-api";
import { memorySettingsStore } from "../../src/taskpane/settings-store";
import { FakeExcel, FakeSheet } from "../support/fake-excel";

(globalThis as unknown as { Excel: unknown }).Excel = FakeExcel.enums;
const sheet = (sample: typeof TASK_SHEET) => new FakeSheet(sample.name, sample.rows.map((r) => r.map((v) => v ?? "")));
const excel = new FakeExcel([sheet(TASK_SHEET), sheet(CRITERIA_SHEET)]);
excel.active = 1;
(window as unknown as { fakeExcel: FakeExcel }).fakeExcel = excel;

const api = createWorkbookApi(async (batch) => batch(excel.context()));
const store = memorySettingsStore({ today: "2025-11-20", soonDays: 7, criteriaSetId: "xa-2025-dien-ban" });
createRoot(document.getElementById("container")!).render(<App api={api} store={store} inExcel />);

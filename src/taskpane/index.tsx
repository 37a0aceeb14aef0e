/* global Office, Excel */
/**
 * Task pane entry: waits for Office, then renders the pane against the real workbook.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { createWorkbookApi, type RunInExcel } from "../excel/workbook-api";
import { officeSupports } from "../excel/score-active-sheet";
import { App } from "./components/App";
import { memorySettingsStore, workbookSettingsStore } from "./settings-store";

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  void Office.onReady((info) => {
    const inExcel = info.host === Office.HostType.Excel;
    const run: RunInExcel = (batch) => Excel.run(batch);
    const store = inExcel
      ? workbookSettingsStore(run, Office.context.document.settings, officeSupports)
      : memorySettingsStore();
    const api = createWorkbookApi(run);
    root.render(<App api={api} store={store} inExcel={inExcel} />);
  });
}

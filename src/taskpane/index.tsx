/* global Office, Excel */
/**
 * Task pane entry: waits for Office, then renders the pane against the real workbook.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { createWorkbookApi } from "../excel/workbook-api";
import { App } from "./components/App";
import { documentSettingsStore, memorySettingsStore } from "./settings-store";

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  void Office.onReady((info) => {
    const inExcel = info.host === Office.HostType.Excel;
    const store = inExcel ? documentSettingsStore(Office.context.document.settings) : memorySettingsStore();
    const api = createWorkbookApi((batch) => Excel.run(batch));
    root.render(<App api={api} store={store} inExcel={inExcel} />);
  });
}

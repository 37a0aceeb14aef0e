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

/** Shown when Office.js did not load (no Internet, blocked): a message, not a blank pane. */
export const NO_OFFICE_TITLE = "Không tải được Office.js nên ngăn Chấm điểm CCHC chưa chạy được";
export const NO_OFFICE_BODY =
  "Ngăn này cần tải thư viện Office.js của Microsoft qua Internet; máy đang không có mạng hoặc mạng chặn địa chỉ appsforoffice.microsoft.com. " +
  "Hãy kết nối Internet rồi mở lại ngăn. Không cần mạng vẫn chấm được: mở trang chấm điểm web/index.html trong thư mục cài đặt " +
  "(nhấp đúp để mở bằng Chrome, Edge hoặc Firefox), chọn tệp Excel và tải về bản đã chấm; tệp không rời khỏi máy tính.";

function showNoOffice(container: HTMLElement): void {
  const title = document.createElement("h1");
  title.style.fontSize = "16px";
  title.textContent = NO_OFFICE_TITLE;
  const text = document.createElement("p");
  text.id = "no-office-message";
  text.textContent = NO_OFFICE_BODY;
  container.style.fontFamily = "Segoe UI, Arial, sans-serif";
  container.style.padding = "12px";
  container.replaceChildren(title, text);
}

const container = document.getElementById("container");
if (container && typeof Office === "undefined") {
  showNoOffice(container);
} else if (container) {
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

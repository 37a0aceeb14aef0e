/**
 * ES5 on purpose: this file runs first in every page (after office.js, before the
 * bundles) and must run where the bundles cannot.
 *
 * The bundles need a Chromium or Safari webview (React 19 and Fluent UI v9 do not support
 * Internet Explorer 11; the bundles use ES2020 syntax that neither Internet Explorer 11
 * (Trident) nor Microsoft Edge Legacy (EdgeHTML) parse). Microsoft's "Browsers and webview
 * controls used by Office Add-ins" lists the Office builds that still use those webviews
 * (volume-licensed Office 2016 and 2019, retail Office 2016/2019 without WebView2, old
 * Microsoft 365 builds), and "Support older Microsoft webviews and Office versions"
 * recommends a graceful failure message there, detected from navigator.userAgent.
 * This guard shows that message, in Vietnamese, instead of a blank pane or a silent
 * ribbon button.
 */
(function () {
  var ua = window.navigator.userAgent;
  var legacy =
    ua.indexOf("Trident/") !== -1 ||
    ua.indexOf("MSIE ") !== -1 ||
    /\bEdge\/\d/.test(ua) ||
    typeof window.Promise === "undefined" ||
    typeof window.Proxy === "undefined" ||
    typeof window.TextEncoder === "undefined" ||
    typeof Promise.allSettled !== "function";
  window.parIndexLegacyWebview = legacy;
  if (!legacy) return;

  var TITLE = "Phiên bản Excel này chưa chạy được add-in Chấm điểm CCHC";
  var BODY =
    "Excel đang mở add-in bằng trình duyệt cũ (Internet Explorer 11 hoặc Microsoft Edge bản cũ), " +
    "thường gặp ở Office 2016/2019 bản cấp phép số lượng lớn hoặc chưa cài WebView2. " +
    "Cách khắc phục: cài Microsoft Edge WebView2 Runtime (miễn phí, tại " +
    "developer.microsoft.com/microsoft-edge/webview2) rồi mở lại Excel; nếu vẫn thấy thông báo này, " +
    "hãy dùng Excel 2021 trở lên, Microsoft 365 hoặc Excel trên web. " +
    "Trong lúc chờ, có thể chấm điểm tệp Excel bằng công cụ dòng lệnh (xem hướng dẫn trong README).";

  function show() {
    var body = document.body;
    while (body.firstChild) body.removeChild(body.firstChild);
    var title = document.createElement("h1");
    title.style.fontSize = "16px";
    title.appendChild(document.createTextNode(TITLE));
    var text = document.createElement("p");
    text.appendChild(document.createTextNode(BODY));
    body.style.fontFamily = "Segoe UI, Arial, sans-serif";
    body.style.padding = "12px";
    body.appendChild(title);
    body.appendChild(text);
    text.id = "legacy-webview-message";
  }

  /** The ribbon button opens the dialog page, whose own guard shows the same message. */
  function commandShowsMessage(event) {
    var done = false;
    function complete() {
      if (!done) {
        done = true;
        event.completed();
      }
    }
    var here = window.location.href.split("?")[0].split("#")[0];
    var url = here.substring(0, here.lastIndexOf("/") + 1) + "dialog.html";
    try {
      Office.context.ui.displayDialogAsync(
        url,
        { height: 40, width: 40, displayInIframe: true },
        function (result) {
          if (result.status !== Office.AsyncResultStatus.Succeeded) {
            complete();
            return;
          }
          var dialog = result.value;
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, function () {
            dialog.close();
            complete();
          });
          dialog.addEventHandler(Office.EventType.DialogEventReceived, complete);
        }
      );
    } catch (ignored) {
      // The dialog API itself failed: end the command rather than leave it hanging.
      void ignored;
      complete();
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();

  if (typeof Office !== "undefined") {
    window.scoreActiveSheet = commandShowsMessage;
    // Office.onReady does not exist in the oldest Office.js hosts this guard must serve.
    // eslint-disable-next-line office-addins/no-office-initialize
    Office.initialize = function () {
      if (Office.actions && Office.actions.associate)
        Office.actions.associate("scoreActiveSheet", commandShowsMessage);
    };
  }
})();

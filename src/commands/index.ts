/* global Office */
import { registerCommands } from "./commands";

// Where the ES5 guard (legacy-webview-guard.js) took over, it answers the button itself.
if (!(window as { parIndexLegacyWebview?: boolean }).parIndexLegacyWebview) {
  void Office.onReady(registerCommands);
}

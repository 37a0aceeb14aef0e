/** The scoring page: the whole job in any current browser, offline (see README). */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { WebApp } from "./components/WebApp";

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <WebApp />
    </FluentProvider>
  );
}

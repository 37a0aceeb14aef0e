import * as React from "react";
import {
  Button,
  FluentProvider,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { WorkbookApi } from "../../excel/workbook-api";
import type { SettingsStore } from "../settings-store";
import { useScoring } from "../use-scoring";
import { Header } from "./Header";
import { SettingsPanel } from "./SettingsPanel";
import { ResultView } from "./ResultView";
import { RollupPanel } from "./RollupPanel";

export interface AppProps {
  api: WorkbookApi;
  store: SettingsStore;
  /** False outside Excel (the page opened in a browser): the pane explains how to open it. */
  inExcel: boolean;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: "100vh",
    minWidth: 0,
    maxWidth: "100%",
    boxSizing: "border-box",
    overflowWrap: "anywhere",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  problems: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
});

export function App({ api, store, inExcel }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const state = useScoring(api, store);
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root} aria-label="Chấm điểm CCHC">
        <Header />
        {!inExcel && (
          <MessageBar intent="info">
            <MessageBarBody>
              <MessageBarTitle>Chưa mở trong Excel</MessageBarTitle>
              Ngăn này chạy bên trong Excel: hãy cài add-in (xem hướng dẫn trong README) rồi bấm Kết
              quả trên thẻ Chỉ số CCHC.
            </MessageBarBody>
          </MessageBar>
        )}
        <SettingsPanel
          settings={state.settings}
          onChange={state.updateSettings}
          onInsertSheet={() => void state.insertCriteriaSheet()}
          onTakeFromSheet={() => void state.insertCriteriaFromSheet()}
          disabled={state.running || !inExcel}
        />
        <div className={styles.actions}>
          <Button
            appearance="primary"
            onClick={() => void state.score()}
            disabled={state.running || !inExcel}
          >
            Chấm điểm
          </Button>
          {state.running && <Spinner size="tiny" label="Đang chấm điểm…" />}
        </div>
        {state.error && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              <MessageBarTitle>Chưa chấm được</MessageBarTitle>
              {state.error}
              {state.problems.length > 0 && (
                <ul className={styles.problems}>
                  {state.problems.map((problem) => (
                    <li key={problem.message}>
                      <Link as="button" onClick={() => state.selectAddress(problem.address)}>
                        {problem.message}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        {state.info && (
          <MessageBar intent="success">
            <MessageBarBody>{state.info}</MessageBarBody>
          </MessageBar>
        )}
        {state.summary && state.sheet && (
          <ResultView summary={state.summary} onSelect={state.select} />
        )}
        <RollupPanel settings={state.settings} disabled={state.running || !inExcel} />
      </main>
    </FluentProvider>
  );
}

/* global Excel */
/**
 * "Tổng hợp nhiều đơn vị": the user picks the units' workbooks; their bytes go to the Web
 * Worker the page uses (nothing leaves the computer), which reads and scores them with
 * the same reader and core as the command line and builds the roll-up sheets, reporting
 * each file; the pane writes the sheets into the open workbook (Office.js lives only here).
 * Reading 100 wards takes seconds: on the pane's own thread Office would find it silent
 * and restart it (after 5 seconds on Windows and Mac).
 */
import * as React from "react";
import {
  Body1,
  Button,
  Card,
  CardHeader,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { toIso } from "../../core/parse/dates";
import type { ScoringSettings } from "../../core/settings";
import type { PickedFile, RollupSummary } from "../../app/rollup-files";
import { writeRollup } from "../../excel/write-rollup";
import { describeError, type RunInExcel } from "../../excel/workbook-api";
import { runInWorker } from "../../web/scoring-worker";

export interface RollupPanelProps {
  settings: ScoringSettings;
  disabled: boolean;
  /** Runs a batch against the workbook; Excel.run in the add-in. */
  run?: RunInExcel;
}

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The picked files' bytes (read without blocking), each with the buffer to hand over. */
async function openPicked(
  files: File[]
): Promise<{ picked: PickedFile[]; buffers: ArrayBuffer[] }> {
  const buffers: ArrayBuffer[] = [];
  const picked = await Promise.all(
    files.map(async (file): Promise<PickedFile> => {
      try {
        const buffer = await file.arrayBuffer();
        buffers.push(buffer);
        return { name: file.name, bytes: new Uint8Array(buffer) };
      } catch {
        return { name: file.name, bytes: null }; // the worker lists it: "Không mở được tệp"
      }
    })
  );
  return { picked, buffers };
}

const LISTED = 5;

/** What the pane says while it works; `value` from 0 to 1, none while it cannot tell. */
interface Progress {
  text: string;
  value?: number;
}

export function RollupPanel({
  settings,
  disabled,
  run = (batch) => Excel.run(batch),
}: RollupPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [files, setFiles] = React.useState<File[]>([]);
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [rollup, setRollup] = React.useState<RollupSummary | null>(null);
  const [written, setWritten] = React.useState<string[]>([]);
  const [error, setError] = React.useState<string | null>(null);

  const start = async () => {
    setError(null);
    setRollup(null);
    const total = files.length;
    setProgress({ text: `Đang mở ${total} tệp…` });
    const { picked, buffers } = await openPicked(files);
    const reading = (done: number) => {
      const i = Math.min(done + 1, total);
      setProgress({
        text: `Đang đọc tệp ${i}/${total}: ${files[i - 1].name}`,
        value: done / total,
      });
    };
    reading(0);
    // Reading and scoring run in the worker; the bytes move there without a copy.
    const reply = await runInWorker(
      {
        kind: "rollup-sheets",
        files: picked,
        options: {
          today: settings.today ?? toIso(new Date()),
          soonDays: settings.soonDays,
          criteriaSetId: settings.criteriaSetId ?? undefined,
        },
      },
      reading,
      buffers,
      "Hãy cập nhật Office (hoặc Microsoft Edge WebView2) rồi mở lại ngăn."
    );
    if (reply.kind === "error") {
      setProgress(null);
      setError(reply.message);
      return;
    }
    setProgress({ text: "Đang ghi các trang tổng hợp vào sổ làm việc…" });
    try {
      const outcome = await run((context) => writeRollup(context, reply.sheets));
      setWritten(outcome.sheetNames);
      setRollup(reply.summary);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setProgress(null);
    }
  };

  const ranked = rollup?.ranked ?? [];
  return (
    <Card aria-label="Tổng hợp nhiều đơn vị">
      <CardHeader header={<Text weight="semibold">Tổng hợp nhiều đơn vị</Text>} />
      <div className={styles.body}>
        <Body1>
          Chọn các tệp .xlsx của các phường, xã. Tệp được đọc ngay trong ngăn này, không gửi đi đâu;
          bảng xếp hạng được ghi thành các trang mới trong sổ làm việc đang mở.
        </Body1>
        <input
          type="file"
          multiple
          accept=".xlsx,.xlsm"
          aria-label="Chọn tệp của các đơn vị"
          disabled={disabled || progress !== null}
          onChange={(event) => setFiles(Array.from(event.target.files ?? []))}
        />
        <Button
          appearance="secondary"
          disabled={disabled || progress !== null || files.length === 0}
          onClick={() => void start()}
        >
          {files.length > 0 ? `Tổng hợp ${files.length} tệp` : "Tổng hợp"}
        </Button>
        {progress && (
          <>
            <ProgressBar value={progress.value} aria-label={progress.text} />
            <Body1 role="status">{progress.text}</Body1>
          </>
        )}
        {error && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              <MessageBarTitle>Chưa tổng hợp được</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        )}
        {rollup && (
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>Đã tổng hợp {rollup.units} đơn vị</MessageBarTitle>
              Các trang: {written.join(", ")}.
            </MessageBarBody>
          </MessageBar>
        )}
        {rollup && ranked.length > 0 && (
          <ol className={styles.list} aria-label="Xếp hạng">
            {ranked.slice(0, LISTED).map((r) => (
              <li key={r.file}>
                Hạng {r.rank}: {r.name} — {r.points} điểm
              </li>
            ))}
          </ol>
        )}
        {rollup && rollup.apart.length > 0 && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>Không so sánh chung</MessageBarTitle>
              {rollup.apart
                .map(
                  (g) =>
                    `${g.names.join(", ")}: ${g.otherSet ? `bộ tiêu chí khác (${g.difference}), xếp hạng riêng` : g.difference}.`
                )
                .join(" ")}
            </MessageBarBody>
          </MessageBar>
        )}
        {rollup && rollup.failures.length > 0 && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>Tệp không đọc được ({rollup.failures.length})</MessageBarTitle>
              <ul className={styles.list}>
                {rollup.failures.map((f) => (
                  <li key={f.file}>
                    {f.file}: {f.reason}
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </Card>
  );
}

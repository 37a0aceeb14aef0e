/* global Excel */
/**
 * "Tổng hợp nhiều đơn vị": the user picks the units' workbooks; each is read in the pane
 * (nothing leaves the computer) with the same reader and core as the command line, and
 * the roll-up sheets are written into the open workbook.
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
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { toIso } from "../../core/parse/dates";
import { findBuiltInSet } from "../../core/criteria-sets";
import {
  buildRollupSheets,
  pointsText,
  rollUp,
  type Rollup,
  type UnitFailure,
  type UnitOptions,
  type UnitResult,
} from "../../core/rollup";
import type { ScoringSettings } from "../../core/settings";
import { writeRollup } from "../../excel/write-rollup";
import { describeError, type RunInExcel } from "../../excel/workbook-api";
import { rollupBytes } from "../../app/rollup-files";

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

/** One picked file to its roll-up row, or the reason it cannot be used. */
export async function readPickedFile(
  file: File,
  options: UnitOptions
): Promise<{ ok: true; unit: UnitResult } | { ok: false; failure: UnitFailure }> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return {
      ok: false,
      failure: { file: file.name, reason: "Không mở được tệp: hãy chọn lại tệp." },
    };
  }
  // The same reading and scoring as the command line and the page (src/app).
  return rollupBytes(bytes, file.name, options);
}

const LISTED = 5;

export function RollupPanel({
  settings,
  disabled,
  run = (batch) => Excel.run(batch),
}: RollupPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [files, setFiles] = React.useState<File[]>([]);
  const [progress, setProgress] = React.useState<string | null>(null);
  const [rollup, setRollup] = React.useState<Rollup | null>(null);
  const [written, setWritten] = React.useState<string[]>([]);
  const [error, setError] = React.useState<string | null>(null);

  const start = async () => {
    setError(null);
    setRollup(null);
    const today = settings.today ?? toIso(new Date());
    const options: UnitOptions = {
      criteria: null,
      fallbackCriteria: settings.criteriaSetId
        ? (findBuiltInSet(settings.criteriaSetId) ?? null)
        : null,
      today,
      soonDays: settings.soonDays,
    };
    const units: UnitResult[] = [];
    const failures: UnitFailure[] = [];
    // One file at a time: only its roll-up row stays in memory.
    for (const [i, file] of files.entries()) {
      setProgress(`Đang đọc tệp ${i + 1}/${files.length}: ${file.name}`);
      const outcome = await readPickedFile(file, options);
      if (outcome.ok) units.push(outcome.unit);
      else failures.push(outcome.failure);
    }
    if (units.length === 0) {
      setProgress(null);
      setError(
        `Không đọc được tệp nào: ${failures.map((f) => `${f.file}: ${f.reason}`).join(" ")}`
      );
      return;
    }
    const result = rollUp(units, failures, today);
    setProgress("Đang ghi các trang tổng hợp vào sổ làm việc…");
    try {
      const outcome = await run((context) => writeRollup(context, buildRollupSheets(result)));
      setWritten(outcome.sheetNames);
      setRollup(result);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setProgress(null);
    }
  };

  const ranked = rollup?.ranking.filter((r) => r.group === 0 && r.rank !== null) ?? [];
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
        {progress && <Spinner size="tiny" label={progress} />}
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
              <MessageBarTitle>Đã tổng hợp {rollup.ranking.length} đơn vị</MessageBarTitle>
              Các trang: {written.join(", ")}.
            </MessageBarBody>
          </MessageBar>
        )}
        {rollup && ranked.length > 0 && (
          <ol className={styles.list} aria-label="Xếp hạng">
            {ranked.slice(0, LISTED).map((r) => (
              <li key={r.unit.file}>
                Hạng {r.rank}: {r.unit.name} — {pointsText(r.unit.points, r.unit.maxPoints)} điểm
              </li>
            ))}
          </ol>
        )}
        {rollup && rollup.groups.length > 1 && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>Không so sánh chung</MessageBarTitle>
              {rollup.groups
                .slice(1)
                .map(
                  (g) =>
                    `${g.units.map((u) => u.name).join(", ")}: ${g.set ? `bộ tiêu chí khác (${g.difference}), xếp hạng riêng` : g.difference}.`
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

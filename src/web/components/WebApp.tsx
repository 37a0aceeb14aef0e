/**
 * The page's one screen: options, the file or folder picker (or a drop), progress, and the
 * results with their downloads. Every file is read in this browser only.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Text,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { builtInCriteriaSets } from "../../core/criteria-sets";
import type { Summary } from "../../core/score/summary";
import type { UnitFailure } from "../../core/rollup";
import { MAX_SOON_DAYS, soonDaysValue } from "../../app/options";
import { scoredName } from "../../app/score-file";
import { ResultView } from "../../taskpane/components/ResultView";
import type { PageOptions, RankedRow } from "../protocol";
import { download, runInWorker } from "../scoring-worker";

const useStyles = makeStyles({
  page: {
    maxWidth: "960px",
    margin: "0 auto",
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    boxSizing: "border-box",
  },
  row: {
    "@media (max-width: 600px)": { flexDirection: "column" },
    "& > *": { minWidth: 0, maxWidth: "100%" },
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  narrowSelect: { width: "100%", maxWidth: "100%", minWidth: 0 },
  narrowSelectControl: { width: "100%", maxWidth: "100%", textOverflow: "ellipsis" },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

type Result =
  | { kind: "scored"; name: string; copy: Uint8Array; summary: Summary; messages: string[] }
  | { kind: "rolled-up"; workbook: Uint8Array; ranking: RankedRow[]; failures: UnitFailure[] };

const isWorkbook = (file: File) => /\.(xlsx|xlsm)$/i.test(file.name);

export function WebApp(): React.JSX.Element {
  const styles = useStyles();
  const [today, setToday] = React.useState("");
  const [soonDays, setSoonDays] = React.useState("7");
  const [setId, setSetId] = React.useState("");
  const [progress, setProgress] = React.useState<number | null>(null);
  const [status, setStatus] = React.useState("");
  const [error, setError] = React.useState<string | null>(null);
  const [result, setResult] = React.useState<Result | null>(null);

  const options = (): PageOptions | null => {
    const days = soonDaysValue(soonDays);
    if (days === null) {
      setError(`Số ngày sắp đến hạn cần là số nguyên từ 0 đến ${MAX_SOON_DAYS}.`);
      return null;
    }
    return {
      ...(today ? { today } : {}),
      soonDays: days,
      ...(setId ? { criteriaSetId: setId } : {}),
    };
  };

  const start = async (picked: File[]) => {
    setError(null);
    setResult(null);
    const chosen = options();
    if (!chosen) return;
    const files = picked.length > 1 ? picked.filter(isWorkbook) : picked;
    if (files.length === 0) {
      setError("Không có tệp .xlsx/.xlsm nào trong những gì đã chọn.");
      return;
    }
    setProgress(0);
    const read = await Promise.all(
      files.map(async (f) => ({
        name: f.webkitRelativePath || f.name,
        bytes: new Uint8Array(await f.arrayBuffer()),
      }))
    );
    const onProgress = (done: number, total: number) => {
      setProgress(total > 0 ? done / total : 0);
      setStatus(files.length > 1 ? `Đã chấm ${done}/${total} tệp` : "Đang chấm điểm…");
    };
    setStatus(files.length > 1 ? `Đã chấm 0/${files.length} tệp` : "Đang chấm điểm…");
    const reply =
      read.length === 1
        ? await runInWorker(
            { kind: "score", name: files[0].name, bytes: read[0].bytes, options: chosen },
            onProgress,
            [read[0].bytes.buffer]
          )
        : await runInWorker(
            { kind: "rollup", files: read, options: chosen },
            onProgress,
            read.map((r) => r.bytes.buffer)
          );
    setProgress(null);
    setStatus("");
    if (reply.kind === "error") setError(reply.message);
    else if (reply.kind === "scored") setResult({ ...reply, name: files[0].name });
    else setResult(reply);
  };

  const pick = (list: FileList | null) => {
    if (list && list.length > 0) void start(Array.from(list));
  };
  const busy = progress !== null;

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <Title2 as="h1">Chấm điểm CCHC</Title2>
        <Body1 as="p">
          Chấm điểm phụ lục kế hoạch và bảng tự chấm điểm PAR INDEX ngay trong trình duyệt, không
          cần cài đặt, không cần mạng.
        </Body1>
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>Tệp không rời khỏi máy tính</MessageBarTitle>
            Tệp được đọc và chấm ngay trên máy này; trang không gửi gì lên mạng. Tệp gốc không bị
            sửa: kết quả là một bản sao tải về.
          </MessageBarBody>
        </MessageBar>
      </header>

      <Card>
        <section aria-labelledby="cach-dung">
          <Text as="h2" id="cach-dung" weight="semibold" size={400}>
            Cách dùng
          </Text>
          <ol className={styles.list}>
            <li>
              Chọn ngày tính (để trống là hôm nay) và bộ tiêu chí nếu tệp chưa có trang “Bộ tiêu
              chí”.
            </li>
            <li>
              Bấm “Chọn tệp Excel” (một hoặc nhiều tệp), “Chọn thư mục”, hoặc kéo thả tệp vào khung.
            </li>
            <li>
              Một tệp: xem kết quả và bấm “Tải bản đã chấm”. Nhiều tệp: bấm “Tải bảng xếp hạng”.
            </li>
          </ol>
        </section>
      </Card>

      <div className={styles.row}>
        <Field label="Tính đến ngày">
          <Input type="date" value={today} onChange={(_, d) => setToday(d.value)} />
        </Field>
        <Field label={`Số ngày coi là sắp đến hạn (0–${MAX_SOON_DAYS})`}>
          <Input
            type="number"
            min={0}
            max={MAX_SOON_DAYS}
            value={soonDays}
            onChange={(_, d) => setSoonDays(d.value)}
          />
        </Field>
        <Field label="Bộ tiêu chí (khi tệp chưa có)">
          {/* A native select is as wide as its longest option: held to the field's width,
              so the page does not scroll sideways at 320 px. */}
          <Select
            value={setId}
            onChange={(_, d) => setSetId(d.value)}
            className={styles.narrowSelect}
            select={{ className: styles.narrowSelectControl }}
          >
            <option value="">Theo tệp (trang “Bộ tiêu chí” hoặc bảng tự chấm)</option>
            {builtInCriteriaSets().map((set) => (
              <option key={set.id} value={set.id}>
                {set.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <div
        className={styles.drop}
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          if (!busy) pick(e.dataTransfer.files);
        }}
      >
        <Body1>Kéo thả tệp .xlsx vào đây, hoặc:</Body1>
        <div className={styles.row}>
          <label>
            <Text weight="semibold">Chọn tệp Excel: </Text>
            <input
              type="file"
              multiple
              accept=".xlsx,.xlsm"
              aria-label="Chọn tệp Excel (một hoặc nhiều tệp)"
              style={{ maxWidth: "100%" }}
              disabled={busy}
              onChange={(e) => pick(e.target.files)}
            />
          </label>
          <label>
            <Text weight="semibold">Chọn thư mục: </Text>
            <input
              type="file"
              aria-label="Chọn thư mục chứa tệp của các đơn vị"
              style={{ maxWidth: "100%" }}
              disabled={busy}
              {...{ webkitdirectory: "", directory: "" }}
              onChange={(e) => pick(e.target.files)}
            />
          </label>
        </div>
      </div>

      {busy && <ProgressBar value={progress ?? 0} thickness="large" aria-label={status} />}
      {busy && <Body1 role="status">{status}</Body1>}
      {error && (
        <div role="alert">
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>Chưa chấm được</MessageBarTitle>
              <span style={{ whiteSpace: "pre-wrap" }}>{error}</span>
            </MessageBarBody>
          </MessageBar>
        </div>
      )}

      {result?.kind === "scored" && (
        <>
          <Button
            appearance="primary"
            style={{ whiteSpace: "normal", maxWidth: "100%", overflowWrap: "anywhere" }}
            onClick={() => download(result.copy, scoredName(result.name))}
          >
            Tải bản đã chấm ({scoredName(result.name)})
          </Button>
          {result.messages.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>Lưu ý</MessageBarTitle>
                <ul className={styles.list}>
                  {result.messages.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <ResultView summary={result.summary} onSelect={() => undefined} />
        </>
      )}

      {result?.kind === "rolled-up" && (
        <>
          <Button
            appearance="primary"
            style={{ whiteSpace: "normal", maxWidth: "100%", overflowWrap: "anywhere" }}
            onClick={() => download(result.workbook, "tong-hop-cchc.xlsx")}
          >
            Tải bảng xếp hạng (tong-hop-cchc.xlsx)
          </Button>
          <Card>
            <Text as="h2" weight="semibold" size={400}>
              Xếp hạng {result.ranking.length} đơn vị
            </Text>
            <ol className={styles.list} aria-label="Xếp hạng">
              {result.ranking.map((r) => (
                <li key={r.file}>
                  {r.rank === null ? "Không xếp hạng" : `Hạng ${r.rank}`}: {r.name} — {r.points}{" "}
                  điểm
                </li>
              ))}
            </ol>
          </Card>
          {result.failures.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>Tệp không đọc được ({result.failures.length})</MessageBarTitle>
                <ul className={styles.list} aria-label="Tệp không đọc được">
                  {result.failures.map((f) => (
                    <li key={f.file}>
                      {f.file}: {f.reason}
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    </main>
  );
}

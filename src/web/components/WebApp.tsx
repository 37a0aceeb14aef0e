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
import {
  MAX_PLAN_YEAR,
  MAX_SOON_DAYS,
  MIN_PLAN_YEAR,
  TABLE_OWN_SET,
  planYearValue,
  soonDaysValue,
} from "../../app/options";
import { scoredName } from "../../app/score-file";
import { criteriaSheetName } from "../../app/criteria-sheet-file";
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
  // The native file inputs say "Choose file" in the browser's language: they are hidden and
  // the Vietnamese buttons below open them.
  hiddenInput: { display: "none" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  wrapButton: { whiteSpace: "normal", maxWidth: "100%", overflowWrap: "anywhere" },
});

type Result =
  | { kind: "scored"; file: File; copy: Uint8Array; summary: Summary; messages: string[] }
  | { kind: "rolled-up"; workbook: Uint8Array; ranking: RankedRow[]; failures: UnitFailure[] };

const isWorkbook = (file: File) => /\.(xlsx|xlsm)$/i.test(file.name);

/** The set choice (src/app/options.ts): the file's, the table's own, or a bundled one. */
const FROM_FILE = "";

export function WebApp(): React.JSX.Element {
  const styles = useStyles();
  const [today, setToday] = React.useState("");
  const [soonDays, setSoonDays] = React.useState("7");
  const [planYear, setPlanYear] = React.useState("");
  const [setId, setSetId] = React.useState(FROM_FILE);
  const [notice, setNotice] = React.useState<string | null>(null);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const folderInput = React.useRef<HTMLInputElement>(null);
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
    const year = planYear.trim() === "" ? null : planYearValue(planYear);
    if (year === null && planYear.trim() !== "") {
      setError(
        `Năm kế hoạch cần là năm có bốn chữ số (${MIN_PLAN_YEAR}–${MAX_PLAN_YEAR}), ví dụ 2025.`
      );
      return null;
    }
    return {
      ...(today ? { today } : {}),
      soonDays: days,
      ...(year !== null ? { planYear: year } : {}),
      ...(setId ? { criteriaSetId: setId } : {}),
    };
  };

  const start = async (picked: File[]) => {
    setError(null);
    setNotice(null);
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
    else if (reply.kind === "scored") setResult({ ...reply, file: files[0] });
    else if (reply.kind === "rolled-up") setResult(reply);
  };

  /** "Lấy bộ tiêu chí từ bảng này": the picked file again, with its table's set as a sheet. */
  const takeCriteria = async (file: File) => {
    setError(null);
    setNotice(null);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const reply = await runInWorker(
      { kind: "criteria-sheet", name: file.name, bytes },
      () => undefined,
      [bytes.buffer]
    );
    if (reply.kind === "error") setError(reply.message);
    else if (reply.kind === "criteria-sheet") {
      download(reply.copy, criteriaSheetName(file.name));
      setNotice(
        `Đã thêm trang "${reply.sheetName}" (${reply.setName}) vào bản sao ${criteriaSheetName(file.name)}. Sửa bộ tiêu chí trong trang đó bằng Excel rồi chấm lại bản sao.`
      );
    }
  };

  const pick = (input: HTMLInputElement | null, list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    // Cleared, so that choosing the same file again (after editing it) scores it again.
    if (input) input.value = "";
    if (files.length > 0) void start(files);
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
              Chọn ngày tính (để trống là hôm nay), năm kế hoạch nếu thời hạn trong bảng không ghi
              năm, và bộ tiêu chí: theo tệp, của chính bảng tự đánh giá, hoặc một bộ có sẵn.
            </li>
            <li>
              Bấm “Chọn tệp…” (một hoặc nhiều tệp), “Chọn thư mục…”, hoặc kéo thả tệp vào khung.
            </li>
            <li>
              Một tệp: xem kết quả và bấm “Tải bản đã chấm”; “Lấy bộ tiêu chí từ bảng này” tải bản
              sao có thêm trang “Bộ tiêu chí” để sửa. Nhiều tệp: bấm “Tải bảng xếp hạng”.
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
        <Field label={`Năm kế hoạch (cho thời hạn không ghi năm; để trống: theo bảng)`}>
          <Input
            type="number"
            min={MIN_PLAN_YEAR}
            max={MAX_PLAN_YEAR}
            placeholder="ví dụ 2025"
            value={planYear}
            onChange={(_, d) => setPlanYear(d.value)}
          />
        </Field>
        <Field label="Bộ tiêu chí">
          {/* A native select is as wide as its longest option: held to the field's width,
              so the page does not scroll sideways at 320 px. */}
          <Select
            value={setId}
            onChange={(_, d) => setSetId(d.value)}
            className={styles.narrowSelect}
            select={{ className: styles.narrowSelectControl }}
          >
            <option value={FROM_FILE}>
              Theo tệp: trang “Bộ tiêu chí”, nếu không có thì của chính bảng
            </option>
            <option value={TABLE_OWN_SET}>
              Của chính bảng tự đánh giá (bỏ qua trang “Bộ tiêu chí”)
            </option>
            {builtInCriteriaSets().map((set) => (
              <option key={set.id} value={set.id}>
                Bộ có sẵn: {set.name}
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
          if (!busy) pick(null, e.dataTransfer.files);
        }}
      >
        <Body1>Kéo thả tệp .xlsx vào đây, hoặc:</Body1>
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => fileInput.current?.click()}
            aria-describedby="chon-tep-mo-ta"
          >
            Chọn tệp…
          </Button>
          <Button disabled={busy} onClick={() => folderInput.current?.click()}>
            Chọn thư mục…
          </Button>
        </div>
        <Text id="chon-tep-mo-ta" size={200}>
          Một tệp: chấm và tải bản đã chấm. Nhiều tệp hoặc một thư mục: tổng hợp, xếp hạng.
        </Text>
        <input
          ref={fileInput}
          id="chon-tep"
          type="file"
          multiple
          accept=".xlsx,.xlsm,.xls"
          aria-label="Chọn tệp Excel (một hoặc nhiều tệp)"
          className={styles.hiddenInput}
          tabIndex={-1}
          onChange={(e) => pick(e.target, e.target.files)}
        />
        <input
          ref={folderInput}
          id="chon-thu-muc"
          type="file"
          aria-label="Chọn thư mục chứa tệp của các đơn vị"
          className={styles.hiddenInput}
          tabIndex={-1}
          {...{ webkitdirectory: "", directory: "" }}
          onChange={(e) => pick(e.target, e.target.files)}
        />
      </div>

      {busy && <ProgressBar value={progress ?? 0} thickness="large" aria-label={status} />}
      {busy && <Body1 role="status">{status}</Body1>}
      {error && (
        <div role="alert">
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>Chưa chấm được</MessageBarTitle>
              <span id="thong-bao-loi" style={{ whiteSpace: "pre-wrap" }}>
                {error}
              </span>
            </MessageBarBody>
          </MessageBar>
        </div>
      )}

      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Đã tải bản có bộ tiêu chí</MessageBarTitle>
            {notice}
          </MessageBarBody>
        </MessageBar>
      )}

      {result?.kind === "scored" && (
        <>
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              className={styles.wrapButton}
              onClick={() => download(result.copy, scoredName(result.file.name))}
            >
              Tải bản đã chấm ({scoredName(result.file.name)})
            </Button>
            <Button className={styles.wrapButton} onClick={() => void takeCriteria(result.file)}>
              Lấy bộ tiêu chí từ bảng này
            </Button>
          </div>
          {/* The run's notices are ResultView's (one titled bar): not listed twice. */}
          <ResultView summary={result.summary} onSelect={() => undefined} />
        </>
      )}

      {result?.kind === "rolled-up" && (
        <>
          <Button
            appearance="primary"
            className={styles.wrapButton}
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

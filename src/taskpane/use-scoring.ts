/**
 * The pane's state: settings, the running flag, the last outcome. Errors end up in
 * `error`, never as an unhandled rejection.
 */
import { useCallback, useEffect, useState } from "react";
import type { ScoringSettings } from "../core/settings";
import type { Summary } from "../core/score/summary";
import type { SheetProblem } from "../core/criteria/criteria-sheet";
import type { WorkbookApi } from "../excel/workbook-api";
import { describeError } from "../excel/workbook-api";
import type { SettingsStore } from "./settings-store";
import { lastResultNote, takeLastResult } from "../commands/last-result";

export interface ScoringState {
  settings: ScoringSettings;
  running: boolean;
  summary: Summary | null;
  sheet: string | null;
  error: string | null;
  /** Cells of the "Bộ tiêu chí" sheet to fix, when it is invalid. */
  problems: SheetProblem[];
  /** A short confirmation (e.g. the criteria sheet was inserted). */
  info: string | null;
  updateSettings(change: Partial<ScoringSettings>): void;
  score(): Promise<void>;
  select(sheet: string, row: number): void;
  selectAddress(address: string): void;
  insertCriteriaSheet(): Promise<void>;
  /** Takes the criteria set from the open sheet's self-assessment table into "Bộ tiêu chí". */
  insertCriteriaFromSheet(): Promise<void>;
}

export function useScoring(api: WorkbookApi, store: SettingsStore): ScoringState {
  const [settings, setSettings] = useState(() => store.load());
  const [running, setRunning] = useState(false);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [sheet, setSheet] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<SheetProblem[]>([]);
  const [info, setInfo] = useState<string | null>(null);

  // A ribbon result its dialog could not show (12009/12011): said here, once.
  useEffect(() => {
    const last = takeLastResult();
    if (!last) return;
    if (last.kind === "error") setError(lastResultNote(last));
    else setInfo(lastResultNote(last));
  }, []);

  // The settings the workbook keeps (every copy of the add-in reads the same ones).
  useEffect(() => {
    let current = true;
    store
      .refresh?.()
      .then((stored) => {
        if (current) setSettings(stored);
      })
      .catch((e: unknown) => setError(describeError(e, { place: "settings" })));
    return () => {
      current = false;
    };
  }, [store]);

  const updateSettings = useCallback(
    (change: Partial<ScoringSettings>) => {
      const next = { ...settings, ...change };
      setSettings(next);
      store
        .save(next)
        .then(() => setInfo(store.savedNote ?? null))
        .catch((e: unknown) => setError(describeError(e, { place: "settings" })));
    },
    [settings, store]
  );

  const score = useCallback(async () => {
    setRunning(true);
    setError(null);
    setProblems([]);
    setInfo(null);
    try {
      const outcome = await api.score(settings);
      if (outcome.ok) {
        setSummary(outcome.run.summary);
        setSheet(outcome.sheet);
      } else {
        setError(outcome.message);
        setProblems(outcome.problems ?? []);
      }
    } catch (e) {
      setError(describeError(e));
    } finally {
      setRunning(false);
    }
  }, [api, settings]);

  const select = useCallback(
    (target: string, row: number) => {
      api
        .selectRow(target, row)
        .catch((e: unknown) => setError(describeError(e, { place: "select" })));
    },
    [api]
  );

  const selectAddress = useCallback(
    (address: string) => {
      api
        .selectAddress(address)
        .catch((e: unknown) => setError(describeError(e, { place: "select" })));
    },
    [api]
  );

  const insertCriteriaSheet = useCallback(async () => {
    if (!settings.criteriaSetId) return;
    setError(null);
    setInfo(null);
    const outcome = await api.insertCriteriaSheet(settings.criteriaSetId);
    if (outcome.ok)
      setInfo(
        'Đã chèn trang "Bộ tiêu chí". Sửa trực tiếp trên trang đó; lần chấm sau sẽ dùng trang này.'
      );
    else setError(outcome.message);
  }, [api, settings.criteriaSetId]);

  const insertCriteriaFromSheet = useCallback(async () => {
    setError(null);
    setInfo(null);
    const outcome = await api.insertCriteriaFromActiveSheet();
    if (outcome.ok)
      setInfo(
        'Đã lấy bộ tiêu chí từ bảng này vào trang "Bộ tiêu chí": xem lại điểm tối đa, các mức chọn và cách chấm; lần chấm sau sẽ dùng trang này.'
      );
    else setError(outcome.message);
  }, [api]);

  return {
    settings,
    running,
    summary,
    sheet,
    error,
    problems,
    info,
    updateSettings,
    score,
    select,
    selectAddress,
    insertCriteriaSheet,
    insertCriteriaFromSheet,
  };
}

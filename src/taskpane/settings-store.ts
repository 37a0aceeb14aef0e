/* global Office */
/**
 * Where the pane keeps its settings: the workbook (our custom XML part, or the document
 * settings on older hosts) in Excel, memory in tests and in the browser preview.
 */
import { DEFAULT_SETTINGS, type ScoringSettings } from "../core/settings";
import {
  loadDocumentSettings,
  loadWorkbookSettings,
  saveWorkbookSettings,
  serializedSaves,
} from "../excel/settings";
import type { RunInExcel } from "../excel/workbook-api";

export interface SettingsStore {
  /** What is known at once (document settings, or defaults). */
  load(): ScoringSettings;
  /** The settings kept in the workbook, read once the pane opens. */
  refresh?(): Promise<ScoringSettings>;
  save(settings: ScoringSettings): Promise<void>;
  /** Shown after a save: settings reach the file only when the user saves it. */
  savedNote?: string;
}

/** What the pane says after a change of settings. */
export const SAVE_FILE_NOTE =
  "Đã ghi cài đặt vào sổ làm việc. Hãy lưu tệp (Ctrl+S) để giữ lại cài đặt và để đồng nghiệp mở tệp này cũng chấm theo cùng cài đặt.";

/** The workbook's settings, through Excel (custom XML part where supported). */
export function workbookSettingsStore(
  run: RunInExcel,
  documentSettings: Office.Settings,
  supports: (version: string) => boolean
): SettingsStore {
  return {
    load: () => loadDocumentSettings(documentSettings),
    refresh: () => run((context) => loadWorkbookSettings(context, documentSettings, supports)),
    // Every keystroke saves: one save at a time, the newest value last.
    save: serializedSaves((value: ScoringSettings) =>
      run((context) => saveWorkbookSettings(context, documentSettings, value, supports))
    ),
    savedNote: SAVE_FILE_NOTE,
  };
}

export function memorySettingsStore(initial: ScoringSettings = DEFAULT_SETTINGS): SettingsStore {
  let current = initial;
  return {
    load: () => current,
    save: async (value) => {
      current = value;
    },
  };
}

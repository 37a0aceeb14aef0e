/* global Office */
/**
 * Where the pane keeps its settings: the workbook's document settings in Excel, memory in
 * tests and in the browser preview.
 */
import { DEFAULT_SETTINGS, type ScoringSettings } from "../core/settings";
import { loadDocumentSettings, saveDocumentSettings } from "../excel/settings";

export interface SettingsStore {
  load(): ScoringSettings;
  save(settings: ScoringSettings): Promise<void>;
}

export function documentSettingsStore(settings: Office.Settings): SettingsStore {
  return {
    load: () => loadDocumentSettings(settings),
    save: (value) => saveDocumentSettings(settings, value),
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

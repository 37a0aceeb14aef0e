/* global Office */
/**
 * Document settings through Office.js (Common API, available in every Excel that runs
 * add-ins): saved inside the workbook, so a colleague who opens it scores it the same way.
 */
import { readSettings, SETTING_KEYS, type ScoringSettings } from "../core/settings";

export function loadDocumentSettings(settings: Office.Settings): ScoringSettings {
  return readSettings((key) => settings.get(key));
}

export function saveDocumentSettings(
  settings: Office.Settings,
  value: ScoringSettings
): Promise<void> {
  settings.set(SETTING_KEYS.today, value.today);
  settings.set(SETTING_KEYS.soonDays, value.soonDays);
  settings.set(SETTING_KEYS.criteriaSetId, value.criteriaSetId);
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
      else reject(new Error(`Không lưu được cài đặt vào sổ làm việc: ${result.error.message}`));
    });
  });
}

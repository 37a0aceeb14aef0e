/**
 * Settings that travel with the workbook (Office document settings): "tính đến ngày",
 * the nearly-due window and the chosen criteria set. Stored values come from shared
 * files, so they are validated and fall back to defaults one by one.
 */
import { z } from "zod";
import { isIsoDate } from "./parse/dates";

export const SETTING_KEYS = {
  today: "parIndex.today",
  soonDays: "parIndex.soonDays",
  criteriaSetId: "parIndex.criteriaSetId",
} as const;

/** "Sắp đến hạn" looks at most a year ahead; further has no meaning for a plan year. */
export const MAX_SOON_DAYS = 366;

export const ScoringSettings = z.object({
  /** ISO date, or null for "today" (the day the workbook is opened). */
  today: z.string().refine(isIsoDate).nullable().catch(null),
  soonDays: z.number().int().min(0).max(MAX_SOON_DAYS).catch(7),
  /** A built-in set id, or null for "no criteria set" (deadline tracking only). */
  criteriaSetId: z.string().min(1).nullable().catch(null),
});
export type ScoringSettings = z.infer<typeof ScoringSettings>;

export const DEFAULT_SETTINGS: ScoringSettings = { today: null, soonDays: 7, criteriaSetId: null };

/**
 * Reads settings from a key-value getter, repairing anything invalid.
 *
 * @example readSettings((key) => ({ "parIndex.soonDays": 3 })[key]).soonDays === 3
 */
export function readSettings(get: (key: string) => unknown): ScoringSettings {
  return ScoringSettings.parse({
    today: get(SETTING_KEYS.today) ?? null,
    soonDays: get(SETTING_KEYS.soonDays) ?? 7,
    criteriaSetId: get(SETTING_KEYS.criteriaSetId) ?? null,
  });
}

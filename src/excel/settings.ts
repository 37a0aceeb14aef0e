/* global Office, Excel */
/**
 * The settings that travel with the workbook ("tính đến ngày", nearly-due days, the chosen
 * set): a custom XML part of ours, found by every copy of the add-in; the older document
 * settings (Common API, per add-in ID) are still read for workbooks saved before.
 */
import { DOMImplementation, DOMParser, XMLSerializer } from "@xmldom/xmldom";
import { readSettings, ScoringSettings, SETTING_KEYS } from "../core/settings";

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

/**
 * The namespace of our custom XML part. Document settings (above) belong to one add-in
 * ID: a colleague whose copy of the add-in was deployed another way (another manifest)
 * does not see them. A custom XML part belongs to the workbook, so every copy of the
 * add-in finds it by this namespace (Workbook.customXmlParts, ExcelApi 1.5).
 */
export const SETTINGS_NAMESPACE = "urn:par-index-scorer:settings:1";

/**
 * Settings as the part's XML; `savedAt` (an ISO time) lets a reader pick the newest part
 * where an older version of the add-in left several.
 */
export function settingsToXml(value: ScoringSettings, savedAt?: string): string {
  const doc = new DOMImplementation().createDocument(SETTINGS_NAMESPACE, "settings", null);
  const root = doc.documentElement!;
  const add = (name: string, text: string | null) => {
    if (text === null) return;
    const element = doc.createElementNS(SETTINGS_NAMESPACE, name);
    element.appendChild(doc.createTextNode(text));
    root.appendChild(element);
  };
  add("today", value.today);
  add("soonDays", String(value.soonDays));
  add("criteriaSetId", value.criteriaSetId);
  add("savedAt", savedAt ?? null);
  return new XMLSerializer().serializeToString(doc);
}

/** Reads the part's XML, repairing anything invalid like readSettings; null if it is not ours. */
export function settingsFromXml(xml: string): ScoringSettings | null {
  return storedSettingsFromXml(xml)?.settings ?? null;
}

/** The part's settings and when they were saved ("" for parts written before savedAt). */
function storedSettingsFromXml(xml: string): { settings: ScoringSettings; savedAt: string } | null {
  let doc: Document;
  try {
    doc = new DOMParser({ onError: () => undefined }).parseFromString(
      xml,
      "text/xml"
    ) as unknown as Document;
  } catch {
    return null;
  }
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== SETTINGS_NAMESPACE) return null;
  const text = (name: string) =>
    root.getElementsByTagNameNS(SETTINGS_NAMESPACE, name)[0]?.textContent ?? null;
  const soon = text("soonDays");
  const settings = ScoringSettings.parse({
    today: text("today"),
    soonDays: soon === null ? 7 : Number(soon),
    criteriaSetId: text("criteriaSetId"),
  });
  return { settings, savedAt: text("savedAt") ?? "" };
}

/**
 * The newest of our parts: by savedAt, and among parts without it (or equal), the last
 * in the workbook's order (Office adds a part at the end).
 *
 * @example newestSettings([]) // null
 */
export function newestSettings(xmls: string[]): ScoringSettings | null {
  let best: { settings: ScoringSettings; savedAt: string } | null = null;
  for (const xml of xmls) {
    const stored = storedSettingsFromXml(xml);
    if (stored && (best === null || stored.savedAt >= best.savedAt)) best = stored;
  }
  return best?.settings ?? null;
}

/**
 * Serialises saves: while one runs, only the newest value waits for its turn (the ones it
 * replaced resolve with it). Two saves at once through separate Excel.run batches would
 * each delete only the parts they saw, and leave two (issue 24).
 */
export function serializedSaves<T>(save: (value: T) => Promise<void>): (value: T) => Promise<void> {
  type Waiter = { resolve: () => void; reject: (error: unknown) => void };
  let next: { value: T; waiters: Waiter[] } | null = null;
  let running = false;
  const pump = async () => {
    running = true;
    while (next) {
      const job: { value: T; waiters: Waiter[] } = next;
      next = null;
      try {
        await save(job.value);
        for (const waiter of job.waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of job.waiters) waiter.reject(error);
      }
    }
    running = false;
  };
  return (value) =>
    new Promise<void>((resolve, reject) => {
      if (next) {
        next.value = value;
        next.waiters.push({ resolve, reject });
      } else next = { value, waiters: [{ resolve, reject }] };
      if (!running) void pump();
    });
}

/**
 * The workbook's settings: our custom XML part where the host has one (ExcelApi 1.5),
 * else, and for workbooks saved by earlier versions, the document settings.
 */
export async function loadWorkbookSettings(
  context: Excel.RequestContext,
  documentSettings: Office.Settings,
  supports: (version: string) => boolean
): Promise<ScoringSettings> {
  if (supports("1.5")) {
    // Every part of ours, not getOnlyItemOrNullObject: that is null when there are two.
    const parts = context.workbook.customXmlParts.getByNamespace(SETTINGS_NAMESPACE);
    // The parts are needed as objects (to read each one's XML).
    // eslint-disable-next-line office-addins/no-navigational-load
    parts.load("items");
    await context.sync();
    const items = parts.items;
    if (items.length > 0) {
      const xmls = items.map((part) => part.getXml());
      await context.sync();
      // ClientResults (getXml), not proxy objects: no load(); their values are set by the sync.
      const stored = newestSettings(xmls.map((xml) => xml.value));
      if (stored) return stored;
    }
  }
  return loadDocumentSettings(documentSettings);
}

/**
 * Keeps the settings in the workbook (the custom XML part, replaced as a whole; the
 * document settings on hosts without one). Either way they reach the file only when the
 * user saves it: the pane says so.
 */
export async function saveWorkbookSettings(
  context: Excel.RequestContext,
  documentSettings: Office.Settings,
  value: ScoringSettings,
  supports: (version: string) => boolean
): Promise<void> {
  if (!supports("1.5")) {
    await saveDocumentSettings(documentSettings, value);
    return;
  }
  const parts = context.workbook.customXmlParts.getByNamespace(SETTINGS_NAMESPACE);
  // The old parts are needed as objects (to delete them after the new one is in place).
  // eslint-disable-next-line office-addins/no-navigational-load
  parts.load("items");
  await context.sync();
  // Every part of our namespace goes (an interrupted or older save may have left several).
  context.workbook.customXmlParts.add(settingsToXml(value, new Date().toISOString()));
  for (const old of parts.items) old.delete();
  await context.sync();
}

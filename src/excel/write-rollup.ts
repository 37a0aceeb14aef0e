/* global Excel */
/**
 * Writes the roll-up sheets into the open workbook (Office.js). Our sheets are known by a
 * defined name each (CCHC_TONGHOP_1…4) pointing at their A1: a re-run replaces them,
 * wherever the user moved or renamed them; a user's sheet that happens to carry the same
 * name (compared without case) is never touched, ours takes "Xếp hạng (2)" instead.
 * Round trips: one to read the sheet and defined names, one per ~4 MB of content.
 */
import type { RollupSheet } from "../core/rollup";
import { officeSupports } from "./score-active-sheet";
import { MAX_REQUEST_BYTES, writeSheetPlan, type SupportsExcelApi } from "./write-sheet";
import { AddinRefusal, describeOfficeError } from "./office-errors";

/** Defined names that mark our roll-up sheets, in the order of `buildRollupSheets`. */
export const ROLLUP_MARKERS = [
  "CCHC_TONGHOP_1",
  "CCHC_TONGHOP_2",
  "CCHC_TONGHOP_3",
  "CCHC_TONGHOP_4",
];

export interface WriteRollupOutcome {
  /** The names the sheets got (a user's sheet of the same name keeps its own). */
  sheetNames: string[];
  /** Round trips made. */
  syncs: number;
}

const sameName = (a: string, b: string) =>
  a.normalize("NFC").toLocaleLowerCase("vi") === b.normalize("NFC").toLocaleLowerCase("vi");

/**
 * The sheet a defined name's value points at: "'Xếp hạng'!$A$1" → "Xếp hạng"; null
 * for "#REF!" (its sheet was deleted).
 *
 * @example sheetOfReference("'Xếp hạng (2)'!$A$1") === "Xếp hạng (2)"
 */
export function sheetOfReference(value: string): string | null {
  const reference = value.replace(/^=/, "");
  const bang = reference.lastIndexOf("!");
  if (bang <= 0) return null;
  const raw = reference.slice(0, bang);
  const name = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  return name === "#REF" || name === "" ? null : name;
}

/**
 * A sheet name not taken by any name in `taken` (compared without case): the wanted
 * one, else "name (2)", "(3)"…
 *
 * @example freeSheetName("Xếp hạng", ["XẾP HẠNG"]) === "Xếp hạng (2)"
 */
export function freeSheetName(wanted: string, taken: string[]): string {
  const isTaken = (name: string) => taken.some((t) => sameName(t, name));
  if (!isTaken(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted} (${n})`;
    if (!isTaken(candidate)) return candidate;
  }
}

/**
 * Writes the roll-up sheets, replacing the ones an earlier roll-up wrote.
 *
 * @example await writeRollup(context, buildRollupSheets(rollUp(units, failures, today)))
 */
export async function writeRollup(
  context: Excel.RequestContext,
  sheets: RollupSheet[],
  supports: SupportsExcelApi = officeSupports
): Promise<WriteRollupOutcome> {
  try {
    return await writeRollupSheets(context, sheets, supports);
  } catch (error) {
    // Said for the roll-up (what to do again), whoever shows it.
    if (error instanceof AddinRefusal) throw error;
    throw new AddinRefusal(describeOfficeError(error, { place: "rollup" }));
  }
}

/** Writes the sheets (writeRollup, without the wording of errors). */
async function writeRollupSheets(
  context: Excel.RequestContext,
  sheets: RollupSheet[],
  supports: SupportsExcelApi
): Promise<WriteRollupOutcome> {
  let syncs = 0;
  const sync = async () => {
    await context.sync();
    syncs++;
  };
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const names = context.workbook.names;
  names.load("items/name,items/value");
  const structure = supports("1.7") ? context.workbook.protection : null;
  structure?.load("protected");
  await sync();
  if (structure?.protected) {
    throw new AddinRefusal(
      "Sổ làm việc đang được bảo vệ cấu trúc (Protect Workbook) nên không thêm hoặc thay được các trang tổng hợp: hãy bỏ bảo vệ (Review → Protect Workbook) rồi bấm Tổng hợp lại. Chưa có trang nào bị thay đổi."
    );
  }

  // Our sheets from an earlier roll-up are deleted, then written anew. The sheets go
  // before their markers: a request stopped part way then leaves each remaining sheet
  // still marked (the next run replaces it), never an unmarked sheet of ours that the
  // next run would take for the user's ("Xếp hạng (2)").
  const ours = new Set<string>();
  const existingNames = names.items.map((n) => ({ name: n.name, value: String(n.value) }));
  const oldMarkers: string[] = [];
  for (const marker of ROLLUP_MARKERS) {
    const found = existingNames.find((n) => sameName(n.name, marker));
    if (!found) continue;
    const sheet = sheetOfReference(found.value);
    if (sheet) ours.add(sheet.normalize("NFC").toLocaleLowerCase("vi"));
    oldMarkers.push(found.name);
  }
  const remaining: string[] = [];
  for (const ws of worksheets.items) {
    if (ours.has(ws.name.normalize("NFC").toLocaleLowerCase("vi")))
      worksheets.getItem(ws.name).delete();
    else remaining.push(ws.name);
  }
  for (const name of oldMarkers) names.getItem(name).delete();

  const sheetNames: string[] = [];
  // A block that would take the request past the limit first sends what is queued.
  let queued = 0;
  const reserve = async (bytes: number) => {
    if (queued > 0 && queued + bytes > MAX_REQUEST_BYTES) {
      await sync();
      queued = 0;
    }
    queued += bytes;
  };
  let ranking: Excel.Worksheet | null = null;
  for (const [index, content] of sheets.entries()) {
    const name = freeSheetName(content.name, [...remaining, ...sheetNames]);
    sheetNames.push(name);
    const sheet = worksheets.add(name);
    ranking ??= sheet;
    // The marker first: whatever else gets written is recognised as ours next time.
    names.add(ROLLUP_MARKERS[index], sheet.getRange("A1"));
    await writeSheetPlan(sheet, content, reserve, supports);
  }
  ranking?.activate();
  await sync();
  return { sheetNames, syncs };
}

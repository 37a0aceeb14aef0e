/**
 * The status column ("Tình trạng") and what it means for overdue marking.
 */
import { addDaysIso, daysBetween, formatDateVi, type IsoDate } from "./dates";
import type { Deadline } from "./deadlines";
import { isPercentFormat, parseRatio, type ResultCell } from "./values";
import { cellText, collapseSpaces, memoize, normalizeVi } from "./text";
import { warning, type RowWarning } from "./warnings";

export type TaskStatus = "done" | "in_progress" | "not_started" | "unknown";

/**
 * Status words, as users type them; compared after normalizeVi. The done forms are not
 * here: they are `DONE_WORDS` with `doneKey`, the one definition the written formula
 * shares (`doneStatusFormula`).
 */
export const STATUS_WORDS: Record<"in_progress" | "not_started", string[]> = {
  in_progress: ["đang thực hiện", "đang triển khai", "đang làm"],
  not_started: ["chưa thực hiện", "chưa triển khai", "chưa", "chưa hoàn thành", "chưa làm"],
};

const WORD_TO_STATUS = new Map<string, TaskStatus>();
for (const [status, words] of Object.entries(STATUS_WORDS) as Array<[TaskStatus, string[]]>) {
  for (const word of words) WORD_TO_STATUS.set(normalizeVi(word), status);
}

/**
 * What a done status reads as once `doneKey` has cut its qualifiers: "Đã hoàn thành đúng
 * hạn", "Hoàn thành trước hạn", "Đã hoàn thành (100%)", "Hoàn thành 100%", "Đã hoàn
 * thành/100%", "HT", "x", "✓", "đạt 100%", "đã xong"… all end as one of these.
 */
export const DONE_WORDS = [
  "hoàn thành",
  "xong",
  "đã thực hiện",
  "đạt",
  "ht",
  "đã ht",
  "x",
  "✓",
  "✔",
];

/**
 * Characters a done key drops ("." "!") or reads as a space (brackets, "/", "-", and "|",
 * which separates the words in the formula's list and must not match across two words).
 */
const DONE_DROPPED = [".", "!"];
const DONE_SPACED = ["|", "(", ")", "/", "-"];

/**
 * Replacements on "|" + key + "|", in this order, both in `doneKey` and in the formula:
 * qualifiers at the end, "đã" before hoàn/xong at the start.
 */
const DONE_KEY_STEPS: Array<[string, string]> = [
  [" 100%|", "|"],
  [" đúng hạn|", "|"],
  [" trước hạn|", "|"],
  ["|đã hoàn", "|hoàn"],
  ["|đã xong", "|xong"],
];

/**
 * The key a status text is looked up by among `DONE_WORDS`: normalizeVi (NFC, one tone
 * placement, lower case, single spaces), "." and "!" dropped, brackets, "/" and "-" as
 * spaces, then `DONE_KEY_STEPS`. The written formula computes the same key.
 *
 * @example doneKey("Đã hoàn thành (100%).") === "hoàn thành"
 */
export const doneKey: (text: string) => string = memoize((text) => {
  // Memoized: asked once per status cell, and a table repeats a handful of statuses; the
  // dozen passes below were the roll-up's largest single cost (issue 21's bench).
  let key = normalizeVi(text);
  for (const c of DONE_DROPPED) if (key.includes(c)) key = key.split(c).join("");
  for (const c of DONE_SPACED) if (key.includes(c)) key = key.split(c).join(" ");
  key = `|${collapseSpaces(key)}|`;
  for (const [from, to] of DONE_KEY_STEPS) if (key.includes(from)) key = key.split(from).join(to);
  return key.slice(1, -1);
});

const DONE_KEYS = new Set(DONE_WORDS);

/**
 * Reads a status cell. Case-, accent-form- and NFC/NFD-insensitive, done phrases with
 * their usual qualifiers (`doneKey`); a percentage below 100% is in progress, 100% is
 * done; a number is done when it is 1 (100%) or at least 100; empty is not started.
 * "unknown" is what nothing here reads (the scorer warns `unknown_status`), also a
 * percent-formatted number between 100% and 10000%, which the formula (no CELL, which
 * Excel on the web lacks) cannot tell from 1..100 written as points.
 *
 * @example parseStatus("ĐÃ HOÀN THÀNH") === "done"
 * @example parseStatus("Hoàn thành trước hạn") === "done"
 * @example parseStatus("60%") === "in_progress"
 */
export function parseStatus(value: ResultCell["value"], numberFormat?: string): TaskStatus {
  if (typeof value === "number") return numberStatus(value, isPercentFormat(numberFormat));
  const raw = cellText(value);
  if (DONE_KEYS.has(doneKey(raw))) return "done";
  const text = normalizeVi(raw).replace(/[.!]+$/, "");
  if (text === "") return "not_started";
  const word = WORD_TO_STATUS.get(text);
  if (word) return word;
  if (/%$/.test(text)) {
    // Done as the formula decides it: a bare percentage whose whole part is at least 100.
    const bare = /^(\d+)(?:[.,]\d*)?%$/.exec(raw.replace(/ /g, ""));
    if (bare && Number(bare[1]) >= 100) return "done";
    const ratio = parseRatio({ value, numberFormat });
    if (ratio !== null && ratio < 1) return ratio > 0 ? "in_progress" : "not_started";
  }
  return "unknown";
}

/** A number status: 1 or ≥ 100 done, 0 not started, between in progress (see parseStatus). */
function numberStatus(n: number, percent: boolean): TaskStatus {
  if (!Number.isFinite(n) || n < 0) return "unknown";
  if (n === 1 || n >= 100) return "done";
  if (n === 0) return "not_started";
  if (n < 1) return "in_progress";
  return percent ? "unknown" : "in_progress";
}

/**
 * Combining sequences (NFD, or tone marks typed apart from a precomposed vowel, as
 * Unikey's "Unicode tổ hợp" does) the done words can hold, each with the precomposed
 * letter `normalizeVi` turns it into, longest first; then the other tone placement of
 * "hoàn" ("hòan").
 */
const DONE_WORD_SEQUENCES: Array<[string, string]> = doneSequences();

function doneSequences(): Array<[string, string]> {
  const letters = new Set<string>();
  const texts = [...DONE_WORDS, ...DONE_KEY_STEPS.map(([from]) => from)];
  for (const text of texts) for (const ch of text.normalize("NFC")) letters.add(ch);
  const pairs = new Map<string, string>();
  for (const ch of letters) {
    const d = ch.normalize("NFD");
    if (d.length < 2) continue;
    const base = d[0];
    const marks = d.slice(1);
    pairs.set(d, ch);
    if (marks.length === 2) {
      pairs.set(`${(base + marks[0]).normalize("NFC")}${marks[1]}`, ch);
      pairs.set(`${(base + marks[1]).normalize("NFC")}${marks[0]}`, ch);
      pairs.set(`${base}${marks[1]}${marks[0]}`, ch);
    }
  }
  const sorted = [...pairs].sort((a, b) => b[0].length - a[0].length);
  sorted.push(["o\u0300a", "oà"], ["òa", "oà"]);
  return sorted;
}

/**
 * An Excel formula, TRUE when the cell `ref` holds a status `parseStatus` reads as done:
 * the same answer for every form the core accepts, so that the state column and the
 * fills agree with the pane. Written with functions Excel on the web, Excel 2010 and
 * LibreOffice all calculate (no CELL, which Excel on the web lacks and whose info type
 * is language-specific; no LET, no REGEX, no UNICHAR; no array constants, which
 * LibreOffice ignores in conditional formats; test/formulas/functions.test.ts keeps the
 * list); combining marks and the non-breaking space are literal characters inside the
 * formula's strings:
 *
 * - a number: 1 (100%) or at least 100, whatever its format (`numberStatus`);
 * - text: `doneKey` computed in the formula (line breaks, tabs and non-breaking spaces as
 *   spaces, LOWER, the combining sequences of the done words composed, "." and "!"
 *   removed, brackets, "/", "-" and "|" as spaces, TRIM, the key steps), then looked up
 *   among `DONE_WORDS`;
 * - text "100%" (or more) in a cell formatted as text.
 *
 * @example doneStatusFormula("$F6") // 'OR(AND(ISNUMBER($F6),OR($F6=1,$F6>=100)),…)'
 */
export function doneStatusFormula(ref: string): string {
  let text = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref},CHAR(10)," "),CHAR(13)," "),CHAR(9)," "),"\u00a0"," ")`;
  text = `LOWER(${text})`;
  for (const [sequence, letter] of DONE_WORD_SEQUENCES) {
    text = `SUBSTITUTE(${text},"${sequence}","${letter}")`;
  }
  for (const c of DONE_DROPPED) text = `SUBSTITUTE(${text},"${c}","")`;
  for (const c of DONE_SPACED) text = `SUBSTITUTE(${text},"${c}"," ")`;
  text = `"|"&TRIM(${text})&"|"`;
  for (const [from, to] of DONE_KEY_STEPS) text = `SUBSTITUTE(${text},"${from}","${to}")`;
  const words = DONE_WORDS.map((w) => w.normalize("NFC")).join("|");
  const number = `AND(ISNUMBER(${ref}),OR(${ref}=1,${ref}>=100))`;
  const word = `ISNUMBER(FIND(${text},"|${words}|"))`;
  // "100%", "100 %", "100,0%": the whole part before the separator, at least 100.
  const digits = `SUBSTITUTE(${ref}," ","")`;
  const whole = `LEFT(${digits},MIN(FIND(",",${digits}&","),FIND(".",${digits}&"."),FIND("%",${digits}&"%"))-1)`;
  const percentText = `AND(ISTEXT(${ref}),RIGHT(${digits},1)="%",IFERROR(VALUE(${whole})>=100,FALSE))`;
  return `OR(${number},AND(ISTEXT(${ref}),${word}),${percentText})`;
}

const FIXED_LABELS = [
  "Đã hoàn thành",
  "Chưa có thời hạn",
  "Không đọc được thời hạn",
  "Thường xuyên",
  "Theo chỉ đạo cấp trên",
];

/**
 * True for a label `dueState` writes in the due column of an undated row.
 *
 * @example isDueLabel("Định kỳ – lần tới 25/07") === true
 */
export function isDueLabel(text: string): boolean {
  const key = normalizeVi(text);
  return (
    FIXED_LABELS.some((label) => normalizeVi(label) === key) ||
    /^định kỳ – lần tới \d{2}\/\d{2}$/.test(key)
  );
}

export interface DueState {
  overdue: boolean;
  dueSoon: boolean;
  /** Days past the due date (overdue rows), else 0. */
  daysLate: number;
  /** Short Vietnamese state: "Quá hạn 12 ngày", "Còn 3 ngày", "Định kỳ – lần tới 25/07"… */
  label: string;
  warnings: RowWarning[];
}

/**
 * Overdue and nearly-due flags of a row at a given day.
 * overdue = not done, a date schedule, today > due; dueSoon = not done and
 * today ≤ due ≤ today + soonDays. A recurring row is never overdue by date alone.
 *
 * @example dueState({ schedule: "date", due: "2025-11-10", milestones: [], warnings: [] }, "in_progress", "2025-11-22", 7).label === "Quá hạn 12 ngày"
 */
export function dueState(
  deadline: Deadline,
  status: TaskStatus,
  today: IsoDate,
  soonDays: number
): DueState {
  const done = status === "done";
  switch (deadline.schedule) {
    case "none":
      return stateOf(done ? "Đã hoàn thành" : "Chưa có thời hạn");
    case "unparsed":
      return stateOf(done ? "Đã hoàn thành" : "Không đọc được thời hạn");
    case "continuous":
      return stateOf("Thường xuyên");
    case "external":
      return stateOf(done ? "Đã hoàn thành" : "Theo chỉ đạo cấp trên");
    case "recurring": {
      const due = deadline.due!;
      const soon = !done && due >= today && due <= addDaysIso(today, soonDays);
      return stateOf(`Định kỳ – lần tới ${formatDateVi(due, false)}`, false, soon);
    }
    case "date": {
      const due = deadline.due!;
      const warnings: RowWarning[] = [];
      if (status === "not_started" && deadline.milestones.length > 0) {
        const passed = deadline.milestones.filter((m) => m < today);
        if (passed.length > 0) {
          warnings.push(
            warning(
              "milestone_passed",
              `Đã qua mốc ${passed.map((m) => formatDateVi(m)).join(", ")} mà chưa thực hiện`
            )
          );
        }
      }
      if (done) return stateOf("Đã hoàn thành", false, false, 0, warnings);
      const left = daysBetween(today, due);
      if (left < 0) return stateOf(`Quá hạn ${-left} ngày`, true, false, -left, warnings);
      const label = left === 0 ? "Đến hạn hôm nay" : `Còn ${left} ngày`;
      return stateOf(label, false, left <= soonDays, 0, warnings);
    }
  }
}

/**
 * A due state, always built with the same fields in the same order: every row of every
 * table gets one, and objects of one shape keep this hot path fast (spreading a shared
 * base object cost five times as much, measured over 90,000 rows).
 */
function stateOf(
  label: string,
  overdue = false,
  dueSoon = false,
  daysLate = 0,
  warnings: RowWarning[] = []
): DueState {
  return { overdue, dueSoon, daysLate, label, warnings };
}

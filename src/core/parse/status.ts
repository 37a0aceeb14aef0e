/**
 * The status column ("Tình trạng") and what it means for overdue marking.
 */
import { addDaysIso, daysBetween, formatDateVi, type IsoDate } from "./dates";
import type { Deadline } from "./deadlines";
import { parseRatio, type ResultCell } from "./values";
import { cellText, normalizeVi } from "./text";
import { warning, type RowWarning } from "./warnings";

export type TaskStatus = "done" | "in_progress" | "not_started" | "unknown";

/** Status words, as users type them; compared after normalizeVi. */
export const STATUS_WORDS: Record<Exclude<TaskStatus, "unknown">, string[]> = {
  done: ["đã hoàn thành", "hoàn thành", "đã xong", "xong", "đã thực hiện"],
  in_progress: ["đang thực hiện", "đang triển khai", "đang làm"],
  not_started: ["chưa thực hiện", "chưa triển khai", "chưa", "chưa hoàn thành", "chưa làm"],
};

const WORD_TO_STATUS = new Map<string, TaskStatus>();
for (const [status, words] of Object.entries(STATUS_WORDS) as Array<[TaskStatus, string[]]>) {
  for (const word of words) WORD_TO_STATUS.set(normalizeVi(word), status);
}

/**
 * Reads a status cell. Case-, accent-form- and NFC/NFD-insensitive; a percentage below
 * 100% is in progress, 100% is done; empty is not started.
 *
 * @example parseStatus("ĐÃ HOÀN THÀNH") === "done"
 * @example parseStatus("60%") === "in_progress"
 */
export function parseStatus(value: ResultCell["value"], numberFormat?: string): TaskStatus {
  const text = normalizeVi(cellText(value)).replace(/[.!]+$/, "");
  if (text === "") return "not_started";
  const word = WORD_TO_STATUS.get(text);
  if (word) return word;
  if (typeof value === "number" || /%$/.test(text)) {
    const ratio = parseRatio({ value, numberFormat });
    if (ratio !== null) return ratio >= 1 ? "done" : ratio > 0 ? "in_progress" : "not_started";
  }
  return "unknown";
}

/**
 * Combining sequences (NFD, or tone marks typed as separate characters) the done words
 * can hold, each with the precomposed letter `normalizeVi` turns it into. Order matters:
 * the horn and circumflex join their vowel before the tone marks join the result.
 */
const DONE_WORD_SEQUENCES: Array<[string, string]> = [
  ["u\u031B", "ư"],
  ["e\u0323\u0302", "ệ"],
  ["e\u0302\u0323", "ệ"],
  ["e\u0302", "ê"],
  ["ư\u0323", "ự"],
  ["ê\u0323", "ệ"],
  ["a\u0303", "ã"],
  ["o\u0300a", "oà"],
  ["a\u0300", "à"],
  ["òa", "oà"],
];

/**
 * An Excel formula, TRUE when the cell `ref` holds a status `parseStatus` reads as done:
 * the same answer for every form the core accepts, so that the state column and the
 * fills agree with the pane. Written with functions Excel 2010 and LibreOffice share
 * (no LET, no REGEX, no UNICHAR, which a file must spell _xlfn.UNICHAR; no array
 * constants, which LibreOffice ignores in conditional formats); combining marks and the
 * non-breaking space are literal characters inside the formula's strings:
 *
 * - a number: 1 (100%) or 100 in a General cell, any value ≥ 1 in a percent-formatted one
 *   (CELL("format") starts with "P"), as `shareFromNumber`/`parseRatio` read them;
 * - text: line breaks and non-breaking spaces as spaces, TRIM (runs of spaces), LOWER,
 *   the combining sequences of the done words composed (NFD, tone typed apart, "hòan"
 *   for "hoàn"), "." and "!" removed, then looked up among the done words;
 * - text "100%" (or more) in a cell formatted as text.
 *
 * @example doneStatusFormula("$F6") // 'OR(AND(ISNUMBER($F6),OR($F6=1,$F6=100,AND($F6>=1,LEFT(CELL("format",$F6),1)="P"))),…)'
 */
export function doneStatusFormula(ref: string): string {
  let text = `LOWER(TRIM(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref},CHAR(10)," "),CHAR(13)," "),"\u00a0"," ")))`;
  for (const [sequence, letter] of DONE_WORD_SEQUENCES) {
    text = `SUBSTITUTE(${text},"${sequence}","${letter}")`;
  }
  // "|" separates the words below: a status holding one must not match across two words.
  text = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${text},".",""),"!",""),"|","/")`;
  const words = STATUS_WORDS.done.map((w) => w.normalize("NFC")).join("|");
  const number = `AND(ISNUMBER(${ref}),OR(${ref}=1,${ref}=100,AND(${ref}>=1,LEFT(CELL("format",${ref}),1)="P")))`;
  const word = `ISNUMBER(FIND("|"&${text}&"|","|${words}|"))`;
  // "100%", "100 %", "100,0%": the whole part before the separator, at least 100.
  const digits = `SUBSTITUTE(${ref}," ","")`;
  const whole = `LEFT(${digits},MIN(FIND(",",${digits}&","),FIND(".",${digits}&"."),FIND("%",${digits}&"%"))-1)`;
  const percentText = `AND(ISTEXT(${ref}),RIGHT(${digits},1)="%",IFERROR(VALUE(${whole})>=100,FALSE))`;
  return `OR(${number},${word},${percentText})`;
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

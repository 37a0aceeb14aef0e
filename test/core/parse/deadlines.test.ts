import { excelSerial } from "../../../src/core/parse/dates";
import {
  findBareDayMonth,
  findQuarters,
  inferPlanYear,
  isRecurringLabel,
  recurringLabel,
  nextOccurrence,
  parseDeadline,
  type ScheduleKind,
} from "../../../src/core/parse/deadlines";

const ctx = { planYear: 2025, today: "2025-07-15" };

type Case = [text: string, schedule: ScheduleKind, due: string | null, milestones?: string[]];

/** Every distinct phrasing of the deadline columns in ../shared/seeds (source in the comment). */
const SEED_PHRASINGS: Case[] = [
  // seed 004 (xã Cẩm Nhượng), "7- Thời gian hoàn thành"
  ["Trước ngày 05/02/2025", "date", "2025-02-05"],
  ["Quý I năm 2025", "date", "2025-03-31"],
  ["Quý II, III/2025", "date", "2025-09-30", ["2025-06-30"]],
  ["Quý I/2025", "date", "2025-03-31"],
  ["Quý IV", "date", "2025-12-31"],
  ["Năm 2025", "date", "2025-12-31"],
  ["Thường xuyên", "continuous", null],
  ["Theo yêu cầu của cấp trên", "external", null],
  ["Theo kế hoạch của cấp trên", "external", null],
  ["Theo quý", "recurring", "2025-09-30"],
  ["Hàng Năm", "recurring", "2025-12-31"],
  ["Hoàn thành trong tháng 1/2025", "date", "2025-01-31"],
  ["Ban hành kế hoạch; tổ chức thực hiện vào quý I và báo cáo kết quả vào quý III", "date", "2025-09-30", ["2025-03-31"]],
  // seeds 000 and 001 (phường La Khê, Phú La), "Thời gian hoàn thành"
  ["Trong năm 2025", "date", "2025-12-31"],
  ["Lần 1: tháng 6 Lần 2 tháng 11", "date", "2025-11-30", ["2025-06-30"]],
  ["Lần 1: tháng 6 Lần 2: tháng 11", "date", "2025-11-30", ["2025-06-30"]],
  ["Lần 1: tháng 6\nLần 2: tháng 10", "date", "2025-10-31", ["2025-06-30"]],
  ["Tháng 8/2025", "date", "2025-08-31"],
  ["Theo chỉ đạo của quận", "external", null],
  ["Hàng tháng, quý, năm", "recurring", "2025-07-31"],
  ["Hàng quý", "recurring", "2025-09-30"],
  [
    "-Báo cáo tháng: Trước ngày 25 hàng tháng -Báo cáo quý, năm: Trước ngày 10 của tháng cuối kỳ báo cáo -Báo cáo chuyên đề, đột xuất: theo yêu cầu của Quận",
    "recurring",
    "2025-07-25",
  ],
  [
    "-Báo cáo tháng: Trước\nngày 25 hàng tháng\n-Báo cáo quý, năm:\nTrước ngày 10 của\ntháng cuối kỳ báo cáo\n-Báo cáo chuyên đề,\nđột xuất: theo yêu cầu\ncủa Quận",
    "recurring",
    "2025-07-25",
  ],
  ["Trước ngày 25 hàng tháng", "recurring", "2025-07-25"],
  ["Trước\nngày 25 hàng tháng", "recurring", "2025-07-25"],
  // seed 002 (phường Điện Bàn), "Tiến độ hoàn thành"
  ["Hoàn thành\nTrước ngày\n31/11/2025", "date", "2025-11-30"],
  ["Hoàn thành Trước ngày 31/11/2025", "date", "2025-11-30"],
  ["Hoàn thành\ntheo thời gian\nquy định của\nSở Nội vụ", "external", null],
  ["Hoàn thành\ntrước\n10/12/2025", "date", "2025-12-10"],
  [
    "- Tổ chức các hội nghị, tập huấn chuyên đề, hội thi, tọa đàm, sân khấu hóa liên quan đến công tác CCHC hoàn thành trước ngày\n30/11/2025.\n- Các hình thức tuyên truyền khác hoàn thành trước ngày\n05/12/2025.",
    "date",
    "2025-12-05",
    ["2025-11-30"],
  ],
  ["- Các cơ quan, đơn vị thuộc UBND phường hoàn thành việc xét sáng kiến của đơn vị đảm bảo thời gian theo quy định hiện hành.", "external", null],
  ["Hoàn thành trước ngày 15/12/2025", "date", "2025-12-15"],
  ["Theo quy định thời gian báo cáo kiểm soát thủ tục hành chính năm", "external", null],
  ["Hoàn thành các nhiệm vụ theo thời hạn quy định của Thành phố", "external", null],
  ["Hoàn thành trước 12/12/2025", "date", "2025-12-12"],
  ["Hoàn thành trước 13/12/2025.", "date", "2025-12-13"],
  ["Hoàn thành trước ngày 18/12/2025", "date", "2025-12-18"],
  ["Hoàn thành trước ngày 20/12/2025", "date", "2025-12-20"],
  ["Trong năm", "date", "2025-12-31"],
  ["Theo văn bản triển khai của Sở Nội vụ", "external", null],
  ["Theo yêu cầu của huyện", "external", null],
  ["Theo quy định", "external", null],
  ["Liên tục", "continuous", null],
  ["30/6/2025", "date", "2025-06-30"],
  ["Báo cáo gửi về trước ngày 30/11/2025 để tổng hợp", "date", "2025-11-30"],
  ["Chậm nhất trước ngày 18/12/2025", "date", "2025-12-18"],
  ["tháng 6", "date", "2025-06-30"],
  ["6 tháng đầu năm 2025", "date", "2025-06-30"],
  ["Hằng năm", "recurring", "2025-12-31"],
  ["Hàng tháng", "recurring", "2025-07-31"],
  ["Định kỳ", "recurring", "2025-07-31"],
];

describe("parseDeadline on every seed phrasing", () => {
  it.each(SEED_PHRASINGS)("%p → %s %s", (text, schedule, due, milestones = []) => {
    const deadline = parseDeadline(text, undefined, ctx);
    expect(deadline.schedule).toBe(schedule);
    expect(deadline.due).toBe(due);
    expect(deadline.milestones).toEqual(milestones);
  });

  it.each(SEED_PHRASINGS)("reads NFD text the same: %p", (text, schedule, due) => {
    const deadline = parseDeadline(text.normalize("NFD"), undefined, ctx);
    expect(deadline.schedule).toBe(schedule);
    expect(deadline.due).toBe(due);
  });
});

describe("parseDeadline edge cases", () => {
  it("flags an impossible date, quoting the text, and uses the month's last day", () => {
    const deadline = parseDeadline("Hoàn thành Trước ngày 31/11/2025", undefined, ctx);
    expect(deadline.due).toBe("2025-11-30");
    expect(deadline.warnings).toHaveLength(1);
    expect(deadline.warnings[0].code).toBe("invalid_date");
    expect(deadline.warnings[0].message).toContain("31/11/2025");
    expect(deadline.warnings[0].message).toContain("Hoàn thành Trước ngày 31/11/2025");
  });

  it("reads a real Excel date and a year number", () => {
    expect(parseDeadline(excelSerial("2025-11-30"), "dd/mm/yyyy", ctx)).toMatchObject({ schedule: "date", due: "2025-11-30" });
    expect(parseDeadline(2025, "General", ctx)).toMatchObject({ schedule: "date", due: "2025-12-31" });
  });

  it("returns none for an empty cell and unparsed with a warning otherwise", () => {
    expect(parseDeadline("  ", undefined, ctx).schedule).toBe("none");
    const unparsed = parseDeadline("sau khi có hướng dẫn", undefined, ctx);
    expect(unparsed.schedule).toBe("unparsed");
    expect(unparsed.warnings[0].code).toBe("unparsed_deadline");
    expect(unparsed.warnings[0].message).toContain("sau khi có hướng dẫn");
  });

  it("takes the plan year for deadlines without one", () => {
    expect(parseDeadline("Quý IV", undefined, { planYear: 2026, today: "2026-01-10" }).due).toBe("2026-12-31");
    expect(parseDeadline("trước ngày 15/12", undefined, ctx).due).toBe("2025-12-15");
  });
});

describe("nextOccurrence", () => {
  it("moves a monthly day to next month once it has passed", () => {
    expect(nextOccurrence({ every: "month", day: 25 }, "2025-07-25")).toBe("2025-07-25");
    expect(nextOccurrence({ every: "month", day: 25 }, "2025-07-26")).toBe("2025-08-25");
    expect(nextOccurrence({ every: "month", day: 25 }, "2025-12-26")).toBe("2026-01-25");
  });

  it("clamps the day to short months", () => {
    expect(nextOccurrence({ every: "month", day: 31 }, "2025-02-10")).toBe("2025-02-28");
  });

  it("finds the next quarter end and the tenth of a quarter's last month", () => {
    expect(nextOccurrence({ every: "quarter" }, "2025-10-01")).toBe("2025-12-31");
    expect(nextOccurrence({ every: "quarter", day: 10 }, "2025-09-11")).toBe("2025-12-10");
  });
});

describe("findQuarters and inferPlanYear", () => {
  it("reads quarter lists", () => {
    expect(findQuarters("quý i, ii và iii/2026", 2025)).toEqual(["2026-03-31", "2026-06-30", "2026-09-30"]);
  });

  it("picks the most frequent 20xx year", () => {
    expect(inferPlanYear(["KẾ HOẠCH năm 2025", "Quý I/2025", "Năm 2024"], 2026)).toBe(2025);
    expect(inferPlanYear(["Thường xuyên"], 2026)).toBe(2026);
  });

  it("counts a text each time it is given, and every year a text names", () => {
    // Texts repeat on every row (their years are looked up once per text, never once per sheet).
    expect(inferPlanYear(["Năm 2025", "Quý I/2024", "Quý I/2024"], 2026)).toBe(2024);
    expect(inferPlanYear(["Từ 2023 đến 2024", "Năm 2024", "2023"], 2026)).toBe(2024);
    // A longer number is no year; a tie goes to the later year.
    expect(inferPlanYear(["Số 20255", "mã 12024", "2021", "2022"], 2026)).toBe(2022);
    expect(inferPlanYear(["", "20", "x"], 2026)).toBe(2026);
  });
});

describe("a day and month without a year (issue 12)", () => {
  it.each([
    ["30/11", "2025-11-30"],
    ["Hạn 30/11", "2025-11-30"],
    ["hoàn thành 30/11.", "2025-11-30"],
    ["15 / 11", "2025-11-15"],
  ])("reads %p with the plan year", (text, date) => {
    expect(findBareDayMonth(text.toLowerCase(), 2025)).toEqual([{ date }]);
    expect(parseDeadline(text, undefined, ctx)).toMatchObject({ schedule: "date", due: date });
  });

  it.each(["Quý III/2025", "41/42 hồ sơ", "Nghị định 59/2019", "13/13", "tháng 8/2025"])(
    "does not read %p as a day and month",
    (text) => {
      expect(findBareDayMonth(text.toLowerCase(), 2025)).toEqual([]);
    }
  );

  it("flags a day the month does not have, as full dates do", () => {
    expect(parseDeadline("31/11", undefined, ctx)).toMatchObject({
      due: "2025-11-30",
      warnings: [{ code: "invalid_date" }],
    });
  });

  it("reads a long prefix in linear time", () => {
    expect(findBareDayMonth(`${"hạn ".repeat(20_000)}x`, 2025)).toEqual([]);
  });
});

describe("recurring labels that stay true (issue 12)", () => {
  it.each([
    [{ every: "month", day: 25 }, "Định kỳ: trước ngày 25 hằng tháng"],
    [{ every: "month" }, "Định kỳ hằng tháng"],
    [{ every: "quarter", day: 10 }, "Định kỳ: trước ngày 10 tháng cuối quý"],
    [{ every: "quarter" }, "Định kỳ hằng quý"],
    [{ every: "year" }, "Định kỳ hằng năm"],
    [{ every: "week" }, "Định kỳ hằng tuần"],
  ] as const)("%p → %p, recognised on a re-run", (recurrence, label) => {
    expect(recurringLabel(recurrence)).toBe(label);
    expect(isRecurringLabel(label)).toBe(true);
    expect(isRecurringLabel(label.normalize("NFD"))).toBe(true);
  });

  it("keeps the recurrence whose next occurrence is the due date", () => {
    const deadline = parseDeadline("Trước ngày 25 hàng tháng", undefined, {
      planYear: 2025,
      today: "2025-11-26",
    });
    expect(deadline).toMatchObject({
      schedule: "recurring",
      due: "2025-12-25",
      recurrence: { every: "month", day: 25 },
    });
  });

  it("does not take other text for its label", () => {
    expect(isRecurringLabel("Định kỳ – lần tới 25/11")).toBe(false);
    expect(isRecurringLabel("Báo cáo định kỳ hằng tháng")).toBe(false);
  });
});

import { dueState, parseStatus } from "../../../src/core/parse/status";
import type { Deadline } from "../../../src/core/parse/deadlines";

describe("parseStatus", () => {
  it.each([
    ["Đã hoàn thành", "done"],
    ["ĐÃ HOÀN THÀNH", "done"],
    ["Hoàn thành", "done"],
    ["Đã xong", "done"],
    ["xong", "done"],
    ["Đã thực hiện", "done"],
    ["Đang thực hiện", "in_progress"],
    ["Đang triển khai", "in_progress"],
    ["60%", "in_progress"],
    ["100%", "done"],
    ["Chưa thực hiện", "not_started"],
    ["Chưa triển khai", "not_started"],
    ["Chưa", "not_started"],
    ["", "not_started"],
    ["Tạm dừng", "unknown"],
    // Issue 19: how offices write "done", and what stays not done.
    ["Đã hoàn thành đúng hạn", "done"],
    ["Hoàn thành trước hạn", "done"],
    ["Đã hoàn thành (100%)", "done"],
    ["Hoàn thành 100%", "done"],
    ["Đã hoàn thành/100%", "done"],
    ["HT", "done"],
    ["x", "done"],
    ["✓", "done"],
    ["đạt 100%", "done"],
    ["đã. xong", "done"],
    ["Đã hòa thành", "unknown"],
    ["hòan thành đúng hạn", "done"],
    ["Hoàn thành 50%", "in_progress"],
    ["Hoàn thành một phần", "unknown"],
    ["Đang thực hiện 100%", "unknown"],
  ])("reads %p as %s", (text, status) => {
    expect(parseStatus(text)).toBe(status);
    expect(parseStatus(text.normalize("NFD"))).toBe(status);
  });

  it("reads a percent-formatted number", () => {
    expect(parseStatus(0.6, "0%")).toBe("in_progress");
    expect(parseStatus(1, "0%")).toBe("done");
  });

  it("reads numbers by value alone, as the formula does (no CELL)", () => {
    expect(parseStatus(100)).toBe("done");
    expect(parseStatus(150)).toBe("done");
    expect(parseStatus(60)).toBe("in_progress");
    expect(parseStatus(0)).toBe("not_started");
    // 120% in a percent cell: the formula cannot see the format, so the core does not guess.
    expect(parseStatus(1.2, "0%")).toBe("unknown");
  });
});

const dated = (due: string, milestones: string[] = []): Deadline => ({ schedule: "date", due, milestones, warnings: [] });

describe("dueState", () => {
  it("marks an unfinished dated row past its due date as overdue", () => {
    const state = dueState(dated("2025-11-10"), "in_progress", "2025-11-22", 7);
    expect(state).toMatchObject({ overdue: true, dueSoon: false, daysLate: 12, label: "Quá hạn 12 ngày" });
  });

  it("never marks a done row", () => {
    expect(dueState(dated("2025-11-10"), "done", "2025-11-22", 7)).toMatchObject({ overdue: false, dueSoon: false, label: "Đã hoàn thành" });
  });

  it("marks rows due within the window as nearly due, inclusive", () => {
    expect(dueState(dated("2025-11-25"), "not_started", "2025-11-22", 3)).toMatchObject({ dueSoon: true, label: "Còn 3 ngày" });
    expect(dueState(dated("2025-11-26"), "not_started", "2025-11-22", 3).dueSoon).toBe(false);
    expect(dueState(dated("2025-11-22"), "not_started", "2025-11-22", 3)).toMatchObject({ dueSoon: true, overdue: false, label: "Đến hạn hôm nay" });
  });

  it("warns when a milestone has passed on a row not started", () => {
    const state = dueState(dated("2025-11-30", ["2025-06-30"]), "not_started", "2025-07-15", 7);
    expect(state.warnings).toHaveLength(1);
    expect(state.warnings[0]).toMatchObject({ code: "milestone_passed" });
    expect(state.warnings[0].message).toContain("30/06/2025");
    expect(dueState(dated("2025-11-30", ["2025-06-30"]), "in_progress", "2025-07-15", 7).warnings).toHaveLength(0);
  });

  it("never marks a recurring row overdue by date alone", () => {
    const recurring: Deadline = { schedule: "recurring", due: "2025-07-25", milestones: [], warnings: [] };
    expect(dueState(recurring, "not_started", "2025-07-20", 7)).toMatchObject({ overdue: false, dueSoon: true, label: "Định kỳ – lần tới 25/07" });
  });

  it("labels the other schedules", () => {
    const none = (schedule: Deadline["schedule"]): Deadline => ({ schedule, due: null, milestones: [], warnings: [] });
    expect(dueState(none("continuous"), "in_progress", "2025-07-20", 7).label).toBe("Thường xuyên");
    expect(dueState(none("external"), "in_progress", "2025-07-20", 7).label).toBe("Theo chỉ đạo cấp trên");
    expect(dueState(none("none"), "in_progress", "2025-07-20", 7).label).toBe("Chưa có thời hạn");
  });
});

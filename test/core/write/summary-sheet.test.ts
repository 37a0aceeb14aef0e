import {
  isToolSheet,
  ownSummarySheet,
  planSummarySheet,
  sameSheetName,
  SUMMARY_MARKER_NAME,
} from "../../../src/core/write/summary-sheet";

const marker = (sheet: string) => ({ name: SUMMARY_MARKER_NAME, reference: `='${sheet}'!$A$1` });

describe("planSummarySheet", () => {
  it('takes "Tổng hợp" when the name is free and marks it', () => {
    expect(planSummarySheet(["Phụ lục"], [])).toEqual({
      name: "Tổng hợp",
      replaces: false,
      marker: { name: SUMMARY_MARKER_NAME, reference: "='Tổng hợp'!$A$1" },
      notice: null,
    });
  });

  it("never takes the user's sheet of that name, in any case, and says so", () => {
    const placement = planSummarySheet(["Phụ lục", "tổng HỢP"], []);
    expect(placement.name).toBe("Tổng hợp (tự động)");
    expect(placement.replaces).toBe(false);
    expect(placement.notice).toContain('trang "tổng HỢP" của đơn vị');
    expect(planSummarySheet(["Tổng hợp", "Tổng hợp (tự động)"], []).name).toBe("Tổng hợp (tự động 2)");
  });

  it("replaces the sheet its marker points at, and only that one", () => {
    expect(planSummarySheet(["Phụ lục", "Tổng hợp"], [marker("Tổng hợp")])).toMatchObject({
      name: "Tổng hợp",
      replaces: true,
      notice: null,
    });
    expect(planSummarySheet(["Tổng hợp", "Tổng hợp (tự động)"], [marker("Tổng hợp (tự động)")])).toMatchObject({
      name: "Tổng hợp (tự động)",
      replaces: true,
    });
    // The marked sheet was deleted (Excel turns the reference into #REF!) or renamed away.
    expect(planSummarySheet(["Tổng hợp"], [{ name: SUMMARY_MARKER_NAME, reference: "=#REF!$A$1" }]).replaces).toBe(false);
    expect(planSummarySheet(["Tổng hợp"], [marker("Cũ")]).name).toBe("Tổng hợp (tự động)");
  });
});

describe("the notice that the office's own summary was kept", () => {
  it("is the same on the first run and on every re-run into our sheet", () => {
    const first = planSummarySheet(["Phụ lục", "Tổng hợp"], []);
    const again = planSummarySheet(["Phụ lục", "Tổng hợp", first.name], [first.marker]);
    expect(first.notice).toBe(
      'Tệp đã có trang "Tổng hợp" của đơn vị: trang đó được giữ nguyên, kết quả tổng hợp ghi vào trang "Tổng hợp (tự động)".'
    );
    expect(again).toMatchObject({ name: first.name, replaces: true, notice: first.notice });
  });

  it("goes away once the office's own sheet is gone", () => {
    const own = "Tổng hợp (tự động)";
    expect(planSummarySheet(["Phụ lục", own], [marker(own)]).notice).toBeNull();
  });
});

describe("ownSummarySheet and isToolSheet", () => {
  it("match sheet names as Excel does (case-insensitive, NFC)", () => {
    expect(sameSheetName("TỔNG HỢP", "Tổng hợp".normalize("NFD"))).toBe(true);
    expect(ownSummarySheet(["TỔNG HỢP"], [marker("Tổng hợp")])).toBe("TỔNG HỢP");
    expect(isToolSheet("Bộ Tiêu Chí", null)).toBe(true);
    expect(isToolSheet("Tổng hợp", null)).toBe(false);
    expect(isToolSheet("Tổng hợp", "Tổng hợp")).toBe(true);
  });
});

import { headerRole } from "../../../src/core/read/columns";
import {
  isContinuationText,
  leadingCode,
  readTables,
  sectionOf,
} from "../../../src/core/read/table-reader";
import { CRITERIA_SHEET, TASK_SHEET } from "../../../samples/sample-tables";
import { DEDUCTION_GRID, FRAMEWORK_GRID, gridOf } from "../fixtures";

describe("headerRole", () => {
  it.each([
    ["Mã tiêu chí", "code"],
    ["Nội dung nhiệm vụ", "content"],
    ["Tiêu chí Chỉ\nsố Cải cách\nhành chính\ncấp xã", "content"],
    ["1- Mục tiêu/Chỉ tiêu/nội dung", "content"],
    ["ĐIỂM TỐI ĐA", "maxPoints"],
    ["Điểm chuẩn", "maxPoints"],
    ["Số liệu kê khai", "result"],
    ["Điểm tự đánh giá", "selfScore"],
    ["7- Thời gian hoàn thành", "deadline"],
    ["Tiến độ hoàn\nthành", "deadline"],
    ["Thời hạn", "deadline"],
    ["Cơ quan\nchủ trì", "owner"],
    ["5- Chủ trì", "owner"],
    ["Trách nhiệm tham mưu", "owner"],
    ["Trạng thái", "status"],
    ["Tài liệu kiểm chứng", "evidence"],
    ["STT", "index"],
  ])("%p → %s", (text, role) => {
    expect(headerRole(text)).toBe(role);
    expect(headerRole(text.normalize("NFD"))).toBe(role);
  });

  it.each(["Ghi chú", "4- Kết quả, sản phẩm", "Cơ quan phối hợp", ""])("ignores %p", (text) => {
    expect(headerRole(text)).toBeNull();
  });
});

describe("leadingCode and sectionOf", () => {
  it.each([
    ["1.1. Ban hành", "1.1"],
    ["3.2.1 Tỷ lệ hồ sơ", "3.2.1"],
    ["7.8 Áp dụng ISO", "7.8"],
    ["1. Hoàn thành kế hoạch", "1"],
    ["1.1 .1. Tổ chức", "1.1.1"],
  ])("reads %p", (text, code) => {
    expect(leadingCode(text)).toBe(code);
  });

  it.each(["Báo cáo 2025", "100% hồ sơ", "2025/QĐ"])("finds no code in %p", (text) => {
    expect(leadingCode(text)).toBeNull();
  });

  it("recognises section rows", () => {
    expect(sectionOf([{ column: 0, text: "I. CHỈ ĐẠO ĐIỀU HÀNH" }], {})).toBe("I");
    expect(
      sectionOf(
        [
          { column: 0, text: "VII" },
          { column: 1, text: "Xây dựng chính quyền số" },
        ],
        {}
      )
    ).toBe("VII");
    expect(
      sectionOf([{ column: 1, text: "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH" }], { index: 0 })
    ).toBeNull();
    expect(sectionOf([{ column: 1, text: "Báo cáo quý" }], { index: 0 })).toBeUndefined();
    expect(
      sectionOf(
        [
          { column: 0, text: "I" },
          { column: 3, text: "Quý I/2025" },
        ],
        { deadline: 3 }
      )
    ).toBeUndefined();
  });
});

describe("readTables on seed-shaped grids", () => {
  it("reads seed 000's task appendix: title rows, column numbers, sections, a page-break header, blank rows", () => {
    const [table, ...others] = readTables(gridOf(TASK_SHEET));
    expect(others).toHaveLength(0);
    expect(table.headerRow).toBe(4);
    expect(table.columns).toMatchObject({
      index: 0,
      content: 1,
      deadline: 3,
      owner: 4,
      status: 5,
      result: 6,
      evidence: 7,
    });
    expect(table.rows).toHaveLength(19);
    expect(table.rows.map((r) => r.index)).not.toContain(19); // the repeated header
    expect(table.rows.map((r) => r.index)).not.toContain(5); // the (1) (2) … row
    expect(table.rows[0].section).toBe("I");
    expect(table.rows[10].section).toBe("II");
    expect(table.rows[table.rows.length - 1].section).toBe("IV");
    expect(table.lastInputColumn).toBe(7);
    expect(table.ownedColumn).toBeNull();
  });

  it("reads seed 002's criteria table with inline section rows and content codes", () => {
    const [table] = readTables(gridOf(CRITERIA_SHEET));
    expect(table.columns).toMatchObject({
      index: 0,
      content: 1,
      owner: 3,
      deadline: 4,
      result: 5,
      selfScore: 6,
      status: 7,
      evidence: 8,
    });
    const codes = table.rows.map((r) => [r.section, r.code]);
    expect(codes).toEqual([
      ["I", "1"],
      ["I", "2"],
      ["I", "3"],
      ["III", "4"],
      ["III", "5"],
      ["VI", "1"],
      ["VI", "2"],
      ["VII", "4"],
      ["VII", "4.1"],
      ["VII", "4.2"],
      ["VIII", "4"],
    ]);
  });

  it("reads seed 004's framework table with continuation rows and numbered headers", () => {
    const [table] = readTables(FRAMEWORK_GRID);
    expect(table.columns).toMatchObject({ index: 0, content: 1, owner: 5, deadline: 7, status: 9 });
    expect(table.duplicateHeaders).toEqual([]);
    const continuation = table.rows.find((r) => r.index === 5)!;
    expect(continuation.cells.owner).toBe("CBCC");
    expect(table.rows.map((r) => r.index)).not.toContain(6);
  });

  it("reads seed 000's deduction table split over two pages", () => {
    const tables = readTables(DEDUCTION_GRID);
    expect(tables).toHaveLength(1);
    expect(tables[0].rows.map((r) => r.code)).toEqual(["1.1", "1.6", "3.2.1", "7.5", "7.8", "9.9"]);
  });

  it("reads two different tables on one sheet as two tables", () => {
    const values = [
      ...gridOf(TASK_SHEET).values.slice(4, 9),
      [],
      ...DEDUCTION_GRID.values.slice(1, 5),
    ];
    expect(readTables({ sheetName: "Hai bảng", values })).toHaveLength(2);
  });

  it("finds nothing in a sheet without a header", () => {
    expect(readTables({ sheetName: "Trống", values: [["Ghi chú"], ["abc", 1]] })).toEqual([]);
  });
});

describe("isContinuationText", () => {
  it.each([
    "(tiếp) đề xuất danh mục TTHC liên thông gửi quận",
    "(Tiếp theo) trình UBND quận",
    "Tiếp: gửi quận",
    "… và báo cáo quận",
  ])("says it continues the task above: %p", (text) => {
    expect(isContinuationText(text)).toBe(true);
  });

  it.each(["Tiếp nhận hồ sơ trực tuyến", "Tiếp tục số hóa hồ sơ", "(1) Rà soát TTHC"])(
    "is a task's own wording: %p",
    (text) => {
      expect(isContinuationText(text)).toBe(false);
    }
  );
});

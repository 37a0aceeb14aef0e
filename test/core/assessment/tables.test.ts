import { assessmentRole, findAssessmentLayouts } from "../../../src/core/assessment/layout";
import { deriveSet, deriveSetFromGrids } from "../../../src/core/assessment/derive-set";
import { readAssessments } from "../../../src/core/assessment/read-table";
import { checkSet } from "../../../src/core/assessment/set-checks";
import { criteriaSetToSheet, readCriteriaSheet } from "../../../src/core/criteria/criteria-sheet";
import { parseCriteriaSet } from "../../../src/core/criteria/schema";
import { TEMPLATES, type TemplateName } from "../../fixtures/assessment/templates";
import { templateGrid } from "./template-grid";

const grid = (name: TemplateName) => templateGrid(TEMPLATES[name]);

describe("assessmentRole", () => {
  it.each([
    ["Lĩnh vực/ Tiêu chí/ Tiêu chí thành phần", "content"],
    ["LĨNH VỰC/\nTIÊU CHÍ/TCTP", "content"],
    ["Tiêu chí, tiêu chí thành phần", "content"],
    ["Tiêu chí chấm điểm", "content"],
    ["Thang điểm tối đa", "maxPoints"],
    ["Điểm tối đa\n( chuẩn )", "maxPoints"],
    ["Điểm tự chấm".normalize("NFD"), "selfScore"],
    ["Điểm tự đánh giá", "selfScore"],
    ["Điểm cá nhân tự chấm", "selfScore"],
    ["Điểm thẩm định", "appraised"],
    ["Điểm đánh giá của cấp có thẩm quyền", "appraised"],
    ["Điểm bị trừ", "deducted"],
    ["Điểm thẩm định sau khi trừ", "appraisedFinal"],
    ["Điểm đánh giá chính thức", "appraisedFinal"],
    ["Số liệu kê khai", "figure"],
    ["Cách tính điểm", "method"],
    ["Phương pháp chấm điểm", "method"],
    ["Tài liệu kiểm chứng", "evidence"],
    ["Giải trình", "explanation"],
    ["Ghi chú", "note"],
    ["Ý kiến của Hội đồng thẩm định", "note"],
  ])("%s → %s", (header, role) => expect(assessmentRole(header)).toBe(role));
});

describe("findAssessmentLayouts", () => {
  it("recognises every layout of the issue, the plan appendix as a plan", () => {
    const kinds = (Object.keys(TEMPLATES) as TemplateName[]).map((name) =>
      findAssessmentLayouts(grid(name)).map((l) => `${l.kind}@${l.headerRow}`)
    );
    expect(kinds).toEqual([
      ["assessment@3"],
      ["assessment@3"],
      ["assessment@3"],
      ["assessment@3"],
      ["assessment@3"],
      ["plan@2"],
      ["assessment@3"],
    ]);
  });

  it("takes the 'Tiêu chí' column for codes when a 'Nội dung' column names the criteria", () => {
    const [layout] = findAssessmentLayouts(grid("layout-4"));
    expect(layout.columns).toMatchObject({
      code: 0,
      content: 1,
      maxPoints: 2,
      selfScore: 3,
      appraised: 4,
      deducted: 5,
      appraisedFinal: 6,
    });
  });

  it("leaves a plan appendix's scoring table (Kết quả, generic names) to the plan reader", () => {
    const planTable = {
      sheetName: "Tự chấm",
      values: [["Mã", "Nội dung tiêu chí", "Điểm tối đa", "Kết quả", "Điểm tự chấm"]],
    };
    expect(findAssessmentLayouts(planTable)).toEqual([]);
  });

  const OWN = [
    "Điểm tính toán (tự động)",
    "Điểm tối đa theo bộ tiêu chí (tự động)",
    "Cảnh báo (tự động)",
    "Hạn chót (tự động)",
    "Tình trạng hạn (tự động)",
  ];
  const HEADER = ["STT", "Tiêu chí chấm điểm", "Thang điểm tối đa", "Điểm cá nhân tự chấm"];

  it("finds our own block by its marker: never a form column, whatever its words", () => {
    const scored = {
      sheetName: "Tự chấm",
      values: [[...HEADER, "", ...OWN]],
      // F1:J1, 0-based.
      markers: [{ name: "_PAR_OWNED_1", top: 0, left: 5, bottom: 0, right: 9 }],
    };
    const [layout] = findAssessmentLayouts(scored);
    expect(layout).toMatchObject({
      ownedColumn: 5,
      ownedWidth: 5,
      marker: "_PAR_OWNED_1",
      lastInputColumn: 3,
    });
    expect(Object.values(layout.columns).every((c) => (c as number) < 5)).toBe(true);
  });

  it("finds our own block by its headers in a copy that lost its names", () => {
    const [layout] = findAssessmentLayouts({ sheetName: "Tự chấm", values: [[...HEADER, ...OWN]] });
    expect(layout).toMatchObject({
      ownedColumn: 4,
      ownedWidth: null,
      marker: null,
      lastInputColumn: 3,
    });
  });
});

describe("readAssessments", () => {
  it("puts option rows under their criterion and stops at the total and the footnotes", () => {
    const [read] = readAssessments(grid("layout-1"));
    expect(read.areas.map((a) => [a.code, a.max, a.section ?? "main"])).toEqual([
      ["I", 6, "main"],
      ["II", 4, "main"],
      ["III", 2, "bonus"],
      ["IV", 2, "deduction"],
    ]);
    const plan = read.areas[0].criteria[0];
    expect(plan.code).toBe("1.1");
    expect(plan.children.map((c) => [c.code, c.options.map((o) => o.points)])).toEqual([
      ["1.1.1", [1.5, 1, 0]],
      ["1.1.2", [1, 0.5, 0]],
    ]);
    // 1.2 written as a number.
    expect(read.areas[0].criteria[1]).toMatchObject({ code: "1.2", written: "1.2" });
    expect(read.total).toEqual({ row: 31, max: 10 });
    expect(read.problems).toEqual([]);
  });

  it("reads the four-level A / I / 1 / a numbering", () => {
    const [read] = readAssessments(grid("layout-5"));
    const a = read.areas[0];
    expect(a.code).toBe("A");
    expect(a.criteria.map((c) => c.code)).toEqual(["A.I", "A.II", "A.III"]);
    expect(a.criteria[0].children.map((c) => [c.code, c.max, c.options.length])).toEqual([
      ["A.I.1", 1.5, 3],
      ["A.I.2", 1, 3],
    ]);
    expect(read.areas.map((x) => x.section ?? "main")).toEqual([
      "main",
      "main",
      "bonus",
      "deduction",
    ]);
  });
});

/** Per layout: criteria with option rows, with a rule read from the method text, and manual. */
const RULE_COUNTS: Record<TemplateName, { options: number; fromText: number; manual: number }> = {
  "layout-1": { options: 4, fromText: 0, manual: 6 },
  "layout-2": { options: 4, fromText: 0, manual: 6 },
  "layout-3": { options: 3, fromText: 3, manual: 4 },
  "layout-4": { options: 4, fromText: 0, manual: 6 },
  "layout-5": { options: 4, fromText: 0, manual: 6 },
  "layout-6": { options: 0, fromText: 6, manual: 1 },
  mistakes: { options: 5, fromText: 0, manual: 4 },
};

describe("deriveSet", () => {
  it.each(Object.keys(RULE_COUNTS) as TemplateName[])(
    "%s: counts how each criterion got its rule",
    (name) => {
      const derived = deriveSetFromGrids([grid(name)])!;
      expect(derived.counts).toEqual(RULE_COUNTS[name]);
    }
  );

  it("keeps the method text on a manual row, so the set says why", () => {
    const derived = deriveSetFromGrids([grid("layout-3")])!;
    const inspection = derived.set.areas[0].criteria[2];
    expect(inspection).toMatchObject({
      code: "1.3",
      rule: { kind: "manual" },
      method: "Căn cứ kết quả kiểm tra thực tế của Đoàn kiểm tra cấp trên",
    });
    expect(derived.origins.find((o) => o.code === "2.2")).toEqual({
      code: "2.2",
      row: 22,
      origin: "optionList",
    });
  });

  it("takes the plan appendix's maxima from its notes and leaves out the criterion without one", () => {
    const derived = deriveSetFromGrids([grid("layout-6")])!;
    const codes = derived.set.areas.flatMap((a) =>
      a.criteria.map((c) => [c.code, c.maxPoints, c.rule?.kind ?? "children"])
    );
    expect(codes).toEqual([
      ["I.1", 1.5, "ratio"],
      ["III.4", 1.5, "gate"],
      ["VI.1", 1, "gate"],
      ["VI.2", 1, "manual"],
      ["VII.4", 3, "children"],
      ["VIII.4", 1.5, "weighted_share"],
    ]);
    expect(derived.skipped).toEqual([6]);
  });

  it.each(["layout-1", "layout-3", "layout-5", "layout-6"] as TemplateName[])(
    "%s: the derived set is valid and round-trips through the 'Bộ tiêu chí' sheet",
    (name) => {
      const [read] = readAssessments(grid(name));
      const { set } = deriveSet(read, grid(name));
      const valid = parseCriteriaSet(set);
      expect(valid.ok).toBe(true);
      const content = criteriaSetToSheet(set);
      const back = readCriteriaSheet({ sheetName: "Bộ tiêu chí", values: content.values });
      expect(back).toEqual({ ok: true, value: valid.ok ? valid.value : null });
    }
  );
});

describe("checkSet", () => {
  it("finds no mistake in the clean layouts", () => {
    for (const name of [
      "layout-1",
      "layout-2",
      "layout-3",
      "layout-4",
      "layout-5",
    ] as TemplateName[]) {
      const [read] = readAssessments(grid(name));
      expect(checkSet(read, grid(name))).toEqual([]);
    }
  });

  it("finds every planted sender mistake at its cell", () => {
    const g = grid("mistakes");
    const [read] = readAssessments(g);
    expect(checkSet(read, g).map((f) => [f.kind, f.address])).toEqual([
      ["children_sum", "'Biểu có lỗi'!C6"],
      ["best_option", "'Biểu có lỗi'!C14"],
      ["code_not_under_parent", "'Biểu có lỗi'!A20"],
      ["bands_overlap", "'Biểu có lỗi'!B26"],
      ["code_ambiguous", "'Biểu có lỗi'!A29"],
      ["bands_gap", "'Biểu có lỗi'!B31"],
      ["total_row", "'Biểu có lỗi'!C34"],
      ["stated_total", "'Biểu có lỗi'!C34"],
    ]);
  });
});

describe("readAssessments on rows it does not understand", () => {
  it("reads three-digit codes, and never hangs the options of an unread row on the criterion above", () => {
    const g = {
      sheetName: "S",
      values: [
        ["STT", "Lĩnh vực/ Tiêu chí/ Tiêu chí thành phần", "Điểm tối đa", "Điểm tự chấm"],
        ["1", "LĨNH VỰC MỘT", 3, ""],
        ["1.100", "Tiêu chí số một trăm", 1.5, ""],
        ["", "Đạt: 1,5", 1.5, ""],
        ["", "Không đạt: 0", 0, ""],
        ["(x)", "Dòng không rõ mã", 1.5, ""],
        ["", "Có: 1,5", 1.5, ""],
        ["", "Không: 0", 0, ""],
      ],
    };
    const [read] = readAssessments(g);
    expect(read.areas[0].criteria.map((c) => [c.code, c.options.length])).toEqual([["1.100", 2]]);
  });
});

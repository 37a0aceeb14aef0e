import {
  countAtLeast,
  fullAbove,
  gateAtFull,
  gateBelow,
  methodKey,
  methodNote,
  methodRule,
  namedRatios,
  optionList,
  proportional,
  proportionalFromThreshold,
  shareOf,
  splitOptionText,
  statedMaximum,
  weightedTargets,
} from "../../../src/core/assessment/method-text";

describe("methodKey", () => {
  it("normalises case, spaces, line breaks, decimal commas and ¾", () => {
    expect(methodKey("Điểm chuẩn tiêu\nchí là 1,5 điểm")).toBe("điểm chuẩn tiêu chí là 1.5 điểm");
    expect(methodKey("đạt ¾ số lượng")).toBe("đạt 3/4 số lượng");
  });
});

describe("shareOf", () => {
  it.each([
    ["80%", 0.8],
    ["3/4", 0.75],
    ["2/3", 2 / 3],
    ["một nửa", 0.5],
  ])("%s → %d", (text, ratio) => expect(shareOf(text)).toBeCloseTo(ratio, 10));
});

describe("statedMaximum", () => {
  it.each([
    ["Lưu ý: Điểm chuẩn tiêu\nchí là 1,5 điểm.", 1.5],
    ["cơ số điểm tiêu chí lớn 03 điểm", 3],
    ["ĐIỂM THƯỞNG (tối đa 4 điểm)", 4],
    ["Lưu ý: Trên 70% thanh toán trực tuyến sẽ đạt tối đa 1,5 điểm.", 1.5],
    ["Tỷ lệ hồ sơ giải quyết đúng hạn đạt dưới 95% thì không chấm điểm và mất 1.5 điểm", 1.5],
    ["Lưu ý: Tỷ lệ giải ngân dưới 70% thì không chấm điểm. Mất 01 điểm.", 1],
    ["Nếu dưới 60% thì không chấm điểm, mất 1,5 điểm tiêu chí này", 1.5],
  ])("%s → %d", (text, max) => expect(statedMaximum(text)).toBe(max));

  it("is null when no maximum is stated", () => {
    expect(statedMaximum("Hoàn thành dưới 80% là không chấm điểm.")).toBeNull();
  });
});

describe("proportionalFromThreshold", () => {
  it("reads seed 002's note and the issue's short form", () => {
    expect(
      proportionalFromThreshold(
        "Lưu ý: Điểm chuẩn tiêu chí là 1,5 điểm.\n- Theo yêu cầu tiêu chí hoàn thành từ 80% kế hoạch trở lên mới chia điểm theo tỷ lệ.\n- Hoàn thành dưới 80% là không chấm điểm."
      )
    ).toEqual({ kind: "ratio", min: 0.8, full: 1 });
    expect(
      proportionalFromThreshold("từ 80% trở lên chia điểm theo tỷ lệ, dưới 80% không chấm điểm")
    ).toEqual({ kind: "ratio", min: 0.8, full: 1 });
  });

  it("needs both the proportional words and a threshold", () => {
    expect(proportionalFromThreshold("từ 80% trở lên")).toBeNull();
    expect(proportionalFromThreshold("chia điểm theo tỷ lệ")).toBeNull();
  });
});

describe("proportional", () => {
  it("reads seed 002's PAKN note", () => {
    expect(
      proportional(
        "Tiêu chí chấm điểm theo tỷ lệ, do đó nếu không đạt 100% thì phải có tỷ lệ cao để chia điểm."
      )
    ).toEqual({ kind: "ratio", min: 0, full: 1 });
    expect(proportional("Đạt 100% mới chấm điểm")).toBeNull();
  });
});

describe("gateBelow", () => {
  it.each([
    ["dưới 95% thì không chấm điểm, mất 1,5 điểm", 0.95],
    [
      "Lưu ý: Tỷ lệ hồ sơ giải quyết đúng hạn đạt dưới 95% thì\nkhông chấm điểm và mất 1.5 điểm",
      0.95,
    ],
    ["Lưu ý: Tỷ lệ giải ngân dưới 70% thì không chấm điểm. Mất 01 điểm.", 0.7],
    ["Lưu ý: Nếu dưới 60% thì không chấm điểm, mất 1,5 điểm tiêu chí này", 0.6],
  ])("%s", (text, min) => expect(gateBelow(text)).toEqual({ kind: "gate", min }));

  it("is null without the no-points words", () => {
    expect(gateBelow("dưới 95% hồ sơ")).toBeNull();
  });
});

describe("gateAtFull", () => {
  it("reads 'phải đạt 100% mới chấm điểm' and seed 002's 'Đạt 100% theo báo cáo'", () => {
    expect(gateAtFull("Tiêu chí này phải đạt 100% mới chấm điểm.")).toEqual({
      kind: "gate",
      min: 1,
    });
    expect(
      gateAtFull(
        "Lưu ý: Đạt 100% theo báo cáo công tác kiểm tra, xử lý, rà soát, hệ thống hóa VBQPPL"
      )
    ).toEqual({ kind: "gate", min: 1 });
    expect(gateAtFull("Hoàn thành từ 100% trở lên")).toBeNull();
  });
});

describe("fullAbove", () => {
  it("reads 'trên 70% … sẽ đạt tối đa 1,5 điểm'", () => {
    expect(fullAbove("Lưu ý: Trên 70%\nthanh toán trực tuyến\nsẽ đạt tối đa 1,5 điểm.")).toEqual({
      kind: "ratio",
      min: 0,
      full: 0.7,
    });
    expect(fullAbove("đạt tối đa 1,5 điểm")).toBeNull();
  });
});

describe("fullAbove with 'tối thiểu'", () => {
  it("reads seed 002's inspection target", () => {
    expect(
      fullAbove(
        "thì phải kiểm tra tối thiểu 20% các cơ quan đơn vị trở lên thì mới đạt\nđiểm tối đa."
      )
    ).toEqual({ kind: "ratio", min: 0, full: 0.2 });
  });
});

describe("countAtLeast", () => {
  it("reads seed 002's initiatives and a meeting count", () => {
    expect(countAtLeast("Phường có từ 2 sáng\nkiến hoặc giải pháp mới\ntrở lên.")).toEqual({
      kind: "count",
      target: 2,
      partial: false,
    });
    expect(countAtLeast("Tổ chức ít nhất 02 cuộc đối thoại")).toEqual({
      kind: "count",
      target: 2,
      partial: false,
    });
  });

  it("does not read a range or a percentage as a count", () => {
    expect(countAtLeast("có từ 02 - 03 cuộc đối thoại")).toBeNull();
    expect(countAtLeast("đạt từ 80% trở lên")).toBeNull();
  });
});

describe("weightedTargets", () => {
  it("reads seed 002's formula and the issue's", () => {
    const expected = { kind: "weighted_share", weights: { exceeded: 1.5, met: 1 }, cutoff: 0.7 };
    expect(
      weightedTargets(
        "Tính điểm theo công thức: \n(b/a)*1.50 + (c/a)*1.00. Trong\nđó: a là tổng số chỉ tiêu KT-XH\nNếu  tỉ  lệ  (b+c)/a  <0.70  thì\nđiểm đánh giá là 0"
      )
    ).toEqual(expected);
    expect(
      weightedTargets("(b/a)*1,5 + (c/a)*1,0 … nếu (b+c)/a < 0,7 thì điểm đánh giá là 0")
    ).toEqual(expected);
    expect(weightedTargets("(b+c)/a < 0,7")).toBeNull();
  });
});

describe("namedRatios", () => {
  it("reads two named ratios, both needed", () => {
    expect(
      namedRatios(
        "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC từ 80% trở lên; tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa từ 50% trở lên). Lưu ý: không đạt các tỷ lệ trên thì không chấm điểm"
      )
    ).toEqual({
      kind: "all_of",
      conditions: [
        { label: "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC", min: 0.8 },
        { label: "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa", min: 0.5 },
      ],
    });
  });

  it("is null without 'không đạt các tỷ lệ trên'", () => {
    expect(namedRatios("tỷ lệ a từ 80% trở lên; tỷ lệ b từ 50% trở lên")).toBeNull();
  });
});

describe("splitOptionText", () => {
  it("splits at the last colon", () => {
    expect(splitOptionText("Hoàn thành từ 50% - dưới 100% kế hoạch: 0,5")).toEqual({
      label: "Hoàn thành từ 50% - dưới 100% kế hoạch",
      points: 0.5,
    });
    expect(splitOptionText("Ban hành kịp thời (không quá 01 tháng sau …): 1.5")).toEqual({
      label: "Ban hành kịp thời (không quá 01 tháng sau …)",
      points: 1.5,
    });
    expect(splitOptionText("Không ban hành")).toEqual({ label: "Không ban hành", points: null });
  });
});

describe("optionList", () => {
  it("reads the issue's percentage list and its month list", () => {
    expect(optionList("Hoàn thành 100%: 1; 90 - <100%: 0,5; <90%: 0")).toEqual({
      kind: "options",
      options: [
        { label: "Hoàn thành 100%", points: 1 },
        { label: "90 - <100%", points: 0.5 },
        { label: "<90%", points: 0 },
      ],
    });
    expect(
      optionList("Ban hành trong tháng 01: 1; tháng 02: 0,5; sau tháng 02 hoặc không ban hành: 0")
    ).toEqual({
      kind: "options",
      options: [
        { label: "Ban hành trong tháng 01", points: 1 },
        { label: "tháng 02", points: 0.5 },
        { label: "sau tháng 02 hoặc không ban hành", points: 0 },
      ],
    });
  });

  it("needs at least two options", () => {
    expect(optionList("Đạt: 1")).toBeNull();
  });
});

describe("methodRule", () => {
  it("names the pattern that read the text", () => {
    expect(methodRule("dưới 95% thì không chấm điểm, mất 1,5 điểm")).toEqual({
      rule: { kind: "gate", min: 0.95 },
      pattern: "gateBelow",
    });
  });

  it("gives null (manual) where no pattern fits, e.g. seed 002's 10% deduction note", () => {
    expect(
      methodRule(
        "Nếu Báo cáo về tình hình quản lý, sử dụng tài sản công không đạt yêu cầu thì trừ 10% điểm đạt được."
      )
    ).toBeNull();
    expect(methodRule("Căn cứ kết quả kiểm tra thực tế của Đoàn kiểm tra cấp trên")).toBeNull();
    expect(methodRule("")).toBeNull();
  });

  it("stays fast on a long text (no backtracking blow-up)", () => {
    const long = `${"dưới 9".repeat(20_000)}% ${"(b/a)".repeat(5_000)}`;
    // Timed in bench/hostile-text.ts; here it must finish and read as no rule.
    expect(methodRule(long)).toBeNull();
  });
});

describe("methodNote", () => {
  it("keeps what follows 'Lưu ý' in a requirement cell", () => {
    expect(methodNote("Tổ chức thực hiện… Lưu ý: Điểm chuẩn tiêu chí là 1,5 điểm.")).toBe(
      "Điểm chuẩn tiêu chí là 1,5 điểm."
    );
    expect(methodNote("Lưu ý cách tính điểm của tiêu chí:\nTính điểm theo công thức")).toBe(
      "Tính điểm theo công thức"
    );
    expect(methodNote("Hoàn thành 100% các nhiệm vụ")).toBe("");
  });
});

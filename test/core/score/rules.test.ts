import { applyRule } from "../../../src/core/score/rules";
import { Rule } from "../../../src/core/criteria/schema";

const rule = (input: unknown) => Rule.parse(input);

describe("ratio", () => {
  const planCompletion = rule({ kind: "ratio", min: 0.8 }); // seed 002, I.1: ≥80% shares points by ratio

  it("shares points by ratio from the minimum up (85% of 1,5 → 1,28)", () => {
    expect(applyRule(planCompletion, { value: "85%" }, 1.5)).toEqual({ points: 1.28, warnings: [] });
  });

  it("gives 0 below the minimum, with a warning that names the loss", () => {
    const outcome = applyRule(planCompletion, { value: "79,9%" }, 1.5);
    expect(outcome.points).toBe(0);
    expect(outcome.warnings).toHaveLength(1);
    expect(outcome.warnings[0]).toMatchObject({ code: "below_threshold", pointsLost: 1.5 });
    expect(outcome.warnings[0].message).toBe("Tỷ lệ 79,9% < 80%: không chấm điểm, mất 1,5 điểm");
  });

  it("scores on-time rate with min 0.95 (seed 002): 93,5% loses 1,5 points", () => {
    const outcome = applyRule(rule({ kind: "ratio", min: 0.95 }), { value: "93,5%" }, 1.5);
    expect(outcome.points).toBe(0);
    expect(outcome.warnings[0].message).toBe("Tỷ lệ 93,5% < 95%: không chấm điểm, mất 1,5 điểm");
    expect(applyRule(rule({ kind: "ratio", min: 0.95 }), { value: 0.97, numberFormat: "0%" }, 1.5).points).toBe(1.46);
  });

  it("scores disbursement with min 0.7 (seed 002)", () => {
    const disbursement = rule({ kind: "ratio", min: 0.7 });
    expect(applyRule(disbursement, { value: "69%" }, 1).points).toBe(0);
    expect(applyRule(disbursement, { value: "82%" }, 1).points).toBe(0.82);
  });

  it("gives full points from `full` up: online payment full at 70% (seed 002)", () => {
    const payment = rule({ kind: "ratio", full: 0.7 });
    expect(applyRule(payment, { value: "70%" }, 1.5).points).toBe(1.5);
    expect(applyRule(payment, { value: "90%" }, 1.5).points).toBe(1.5);
    expect(applyRule(payment, { value: "35%" }, 1.5).points).toBe(0.75);
  });

  it("explains an unreadable value, quoting the cell", () => {
    const outcome = applyRule(planCompletion, { value: "gần xong" }, 1.5);
    expect(outcome.points).toBeNull();
    expect(outcome.warnings[0].code).toBe("invalid_value");
    expect(outcome.warnings[0].message).toContain('"gần xong"');
    expect(outcome.warnings[0].message).toContain("96,5%");
  });
});

describe("gate", () => {
  const published = rule({ kind: "gate", min: 1 }); // seed 002, III.5: 100% published or nothing

  it("gives full points at 100%", () => {
    expect(applyRule(published, { value: "42/42" }, 1).points).toBe(1);
  });

  it("gives 0 for one reply short (41/42)", () => {
    const outcome = applyRule(published, { value: "41/42" }, 1);
    expect(outcome.points).toBe(0);
    expect(outcome.warnings[0].message).toContain("< 100%");
  });
});

describe("tiers", () => {
  const digitisation = rule({ kind: "tiers", tiers: [{ min: 1, points: 1 }, { min: 0, points: 0.5 }] }); // seed 000, 7.5

  it("gives 1 at 100% and 0,5 below, with the loss named", () => {
    expect(applyRule(digitisation, { value: "100%" }, 1)).toEqual({ points: 1, warnings: [] });
    const below = applyRule(digitisation, { value: "97%" }, 1);
    expect(below.points).toBe(0.5);
    expect(below.warnings[0]).toMatchObject({ code: "below_threshold", pointsLost: 0.5 });
  });

  it("gives 0 when no tier is reached", () => {
    const outcome = applyRule(rule({ kind: "tiers", tiers: [{ min: 0.5, points: 1 }] }), { value: "40%" }, 1);
    expect(outcome.points).toBe(0);
    expect(outcome.warnings[0].code).toBe("below_threshold");
  });
});

describe("count", () => {
  const initiatives = rule({ kind: "count", target: 2 }); // "ít nhất 02 sáng kiến" (seeds 000/001/002)

  it("gives full points from the target up", () => {
    expect(applyRule(initiatives, { value: "02 sáng kiến" }, 2).points).toBe(2);
    expect(applyRule(initiatives, { value: 3 }, 2).points).toBe(2);
  });

  it("gives 0 below the target, or a share when partial", () => {
    const one = applyRule(initiatives, { value: "01 sáng kiến" }, 2);
    expect(one.points).toBe(0);
    expect(one.warnings[0].message).toContain("1/2");
    expect(applyRule(rule({ kind: "count", target: 3, partial: true }), { value: "2 cuộc" }, 1.5).points).toBe(1);
  });
});

describe("weighted_share", () => {
  const ktxh = rule({ kind: "weighted_share", weights: { exceeded: 1.5, met: 1 }, cutoff: 0.7 }); // seed 002, VIII.4

  it("gives 0 for 3 exceeded + 3 met of 10 (60% < 70%), the seed's own example", () => {
    const outcome = applyRule(ktxh, { value: "vượt: 3; đạt: 3; tổng: 10" }, 1.5);
    expect(outcome.points).toBe(0);
    expect(outcome.warnings[0].message).toContain("6/10");
    expect(outcome.warnings[0].message).toContain("< 70%");
  });

  it("computes (b/a)·1,5 + (c/a)·1,0 above the cut-off", () => {
    // 3/10·1.5 + 5/10·1.0 = 0.45 + 0.5 = 0.95
    expect(applyRule(ktxh, { value: "tổng: 10; vượt: 3; đạt: 5" }, 1.5).points).toBe(0.95);
  });

  it("caps at the maximum", () => {
    expect(applyRule(ktxh, { value: "vượt: 10; đạt: 0; tổng: 10" }, 1.5).points).toBe(1.5);
  });
});

describe("all_of", () => {
  const digitisation = rule({
    kind: "all_of",
    conditions: [
      { min: 0.8, label: "Tỷ lệ số hóa" },
      { min: 0.5, label: "Tỷ lệ khai thác, sử dụng lại" },
    ],
  }); // seed 002: số hóa ≥ 80% and reuse ≥ 50%

  it("gives full points when every ratio reaches its minimum", () => {
    expect(applyRule(digitisation, { value: "82%; 50%" }, 1).points).toBe(1);
  });

  it("gives 0 and names the failed condition", () => {
    const outcome = applyRule(digitisation, { value: "82%; 47%" }, 1);
    expect(outcome.points).toBe(0);
    expect(outcome.warnings[0].message).toContain("Tỷ lệ khai thác, sử dụng lại 47% < 50%");
    expect(outcome.warnings[0].message).not.toContain("Tỷ lệ số hóa");
  });

  it("asks for the right number of ratios", () => {
    const outcome = applyRule(digitisation, { value: "82%" }, 1);
    expect(outcome.points).toBeNull();
    expect(outcome.warnings[0].code).toBe("invalid_value");
  });
});

describe("manual and boolean", () => {
  it("takes a number within 0..max, refuses one outside", () => {
    expect(applyRule(rule({ kind: "manual" }), { value: "1,75" }, 2).points).toBe(1.75);
    const outside = applyRule(rule({ kind: "manual" }), { value: 2.5 }, 2);
    expect(outside.points).toBeNull();
    expect(outside.warnings[0].code).toBe("invalid_value");
  });

  it("gives max for yes and 0 for no", () => {
    expect(applyRule(rule({ kind: "boolean" }), { value: "Đạt" }, 1).points).toBe(1);
    expect(applyRule(rule({ kind: "boolean" }), { value: "Không đạt" }, 1).points).toBe(0);
  });
});

describe("empty and no-case results", () => {
  it("reports a missing result", () => {
    const outcome = applyRule(rule({ kind: "ratio" }), { value: "  " }, 1);
    expect(outcome).toMatchObject({ points: null, warnings: [{ code: "missing_result" }] });
  });

  it("scores 'Không phát sinh' as full only with noCaseFull", () => {
    expect(applyRule(rule({ kind: "gate", noCaseFull: true }), { value: "Không phát sinh" }, 1).points).toBe(1);
    expect(applyRule(rule({ kind: "gate" }), { value: "KPS" }, 1).points).toBeNull();
  });
});

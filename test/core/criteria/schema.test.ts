import { parseCriteriaSet, type CriteriaSetInput } from "../../../src/core/criteria/schema";
import dienBan from "../../../src/core/criteria-sets/dien-ban-2025.json";
import { builtInCriteriaSets } from "../../../src/core/criteria-sets";

const base = (): CriteriaSetInput => ({
  id: "test",
  name: "Bộ thử",
  areas: [
    {
      code: "VII",
      name: "Hiện đại hoá hành chính",
      maxPoints: 3,
      criteria: [
        {
          code: "7.4",
          name: "Dịch vụ công",
          maxPoints: 3,
          children: [
            { code: "7.4.1", name: "Toàn trình", maxPoints: 1.5, rule: { kind: "ratio", min: 0.6 } },
            { code: "7.4.2", name: "Thanh toán", maxPoints: 1.5, rule: { kind: "ratio", full: 0.7 } },
          ],
        },
      ],
    },
  ],
});

function problems(input: unknown): string[] {
  const result = parseCriteriaSet(input);
  if (result.ok) return [];
  return result.problems.map((p) => p.message);
}

describe("parseCriteriaSet", () => {
  it("accepts a valid set and fills rule defaults", () => {
    const result = parseCriteriaSet(base());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const rule = result.value.areas[0].criteria[0].children![0].rule!;
    expect(rule).toEqual({ kind: "ratio", min: 0.6, full: 1 });
  });

  it("accepts the bundled sets, whose areas add up to their published maxima", () => {
    expect(problems(dienBan)).toEqual([]);
    const sets = builtInCriteriaSets();
    expect(sets.map((s) => s.id)).toEqual(["xa-2025-dien-ban", "phuong-2024-ha-dong", "xa-2024-hung-yen"]);
    const areaMax = (id: string) => sets.find((s) => s.id === id)!.areas.map((a) => a.maxPoints);
    expect(areaMax("phuong-2024-ha-dong")).toEqual([20, 4, 14, 6, 8, 6, 8, 4, 30]);
    expect(areaMax("xa-2024-hung-yen")).toEqual([15, 13, 18, 5, 11, 10, 12, 12, 4]);
  });

  it("rejects a duplicated code, naming the path", () => {
    const set = base();
    set.areas[0].criteria[0].children![1].code = "7.4.1";
    expect(problems(set)).toEqual(["areas[0].criteria[0].children[1].code: Mã 7.4.1 bị trùng với areas[0].criteria[0].children[0]"]);
  });

  it("rejects a child code that does not extend its parent's", () => {
    const set = base();
    set.areas[0].criteria[0].children![1].code = "7.5.2";
    expect(problems(set)[0]).toContain("phải bắt đầu bằng mã tiêu chí cha 7.4");
  });

  it("rejects children whose maxima do not add up", () => {
    const set = base();
    set.areas[0].criteria[0].children![1].maxPoints = 1;
    const messages = problems(set);
    expect(messages.some((m) => m.startsWith("areas[0].criteria[0].maxPoints: Tổng điểm các tiêu chí thành phần của 7.4 (2,5) khác điểm tối đa 3"))).toBe(true);
  });

  it("rejects an area whose criteria do not add up unless partial", () => {
    const set = base();
    set.areas[0].maxPoints = 8;
    expect(problems(set)).toEqual([
      'areas[0].maxPoints: Tổng điểm các tiêu chí của lĩnh vực VII (3) khác điểm tối đa 8; nếu bộ tiêu chí chưa đủ, đánh dấu lĩnh vực là chưa đầy đủ ("partial": true)',
    ]);
    set.areas[0].partial = true;
    expect(problems(set)).toEqual([]);
  });

  it("rejects maxima of zero or below", () => {
    const set = base();
    set.areas[0].criteria[0].children![0].maxPoints = 0;
    expect(problems(set)).toContain("areas[0].criteria[0].children[0].maxPoints: Điểm tối đa phải là số lớn hơn 0");
  });

  it("rejects a criterion with both a rule and children, or neither", () => {
    const set = base();
    set.areas[0].criteria[0].rule = { kind: "manual" };
    expect(problems(set)[0]).toContain("phải có đúng một trong hai");
    const none = base();
    delete none.areas[0].criteria[0].children;
    expect(problems(none)[0]).toContain("phải có đúng một trong hai");
  });

  it("rejects rule parameters out of range, in Vietnamese", () => {
    const set = base();
    set.areas[0].criteria[0].children![0].rule = { kind: "ratio", min: 95 };
    expect(problems(set)).toContain("areas[0].criteria[0].children[0].rule.min: Ngưỡng tối thiểu (min) không được lớn hơn 1 (viết 0.95 cho 95%)");
    set.areas[0].criteria[0].children![0].rule = { kind: "count", target: 0 } as never;
    expect(problems(set)[0]).toContain("Số lượng cần đạt (target) phải từ 1 trở lên");
    set.areas[0].criteria[0].children![0].rule = { kind: "tiers", tiers: [{ min: 1, points: 2 }] };
    expect(problems(set)[0]).toContain("vượt điểm tối đa");
  });

  it("rejects an unknown rule kind and wrong types with Vietnamese messages", () => {
    const set = base() as unknown as { areas: Array<{ criteria: Array<{ children: Array<{ rule: unknown; maxPoints: unknown }> }> }> };
    set.areas[0].criteria[0].children[0].rule = { kind: "percent" };
    set.areas[0].criteria[0].children[1].maxPoints = "1,5";
    const messages = problems(set);
    expect(messages).toContain("areas[0].criteria[0].children[0].rule.kind: Loại quy tắc (kind) phải là một trong: manual, boolean, ratio, gate, tiers, count, weighted_share, all_of, options");
    expect(messages).toContain("areas[0].criteria[0].children[1].maxPoints: Điểm tối đa phải là số");
  });
});

import { collapseSpaces, foldTonePlacement, memoize, normalizeVi, stripDiacritics } from "../../../src/core/parse/text";

describe("normalizeVi", () => {
  it.each([
    ["Văn hoá", "Văn hóa"],
    ["uỷ quyền", "ủy quyền"],
    ["THUỶ", "thủy"],
    ["Khoẻ", "khỏe"],
  ])("treats %s and %s as the same word", (a, b) => {
    expect(normalizeVi(a)).toBe(normalizeVi(b));
  });

  it("treats NFD text copied from a PDF like NFC", () => {
    const nfd = "Đã hoàn thành".normalize("NFD");
    expect(nfd).not.toBe("Đã hoàn thành");
    expect(normalizeVi(nfd)).toBe(normalizeVi("Đã hoàn thành"));
  });

  it("folds line breaks, non-breaking spaces and case", () => {
    expect(normalizeVi("Trước\nngày\u00a025  HÀNG tháng")).toBe("trước ngày 25 hàng tháng");
  });

  it("keeps words with different diacritics apart", () => {
    expect(normalizeVi("Đã")).not.toBe(normalizeVi("Da"));
    expect(normalizeVi("hoà")).not.toBe(normalizeVi("hoa"));
  });

  it("leaves qu + y alone", () => {
    expect(foldTonePlacement("quý")).toBe("quý");
  });
});

describe("stripDiacritics", () => {
  it("removes every mark and turns đ into d", () => {
    expect(stripDiacritics("Thời hạn ĐẠT")).toBe("thoi han dat");
  });
});

describe("collapseSpaces", () => {
  it("trims and folds runs of white space", () => {
    expect(collapseSpaces("  a \n\t b ")).toBe("a b");
  });
});

describe("memoize", () => {
  it("caches short texts and never keeps long ones (a 32,767-character cell must not stay in memory)", () => {
    let calls = 0;
    const length = memoize((text: string) => {
      calls++;
      return text.length;
    });
    length("Đã hoàn thành");
    length("Đã hoàn thành");
    expect(calls).toBe(1);
    const long = "9".repeat(32_767);
    length(long);
    length(long);
    expect(calls).toBe(3);
  });
});

import {
  countEachUnitOnce,
  distinctUnitNames,
  fileKey,
  isScoredCopy,
  type UnitFileEntry,
} from "../../../src/core/rollup";

const entry = (
  file: string,
  modifiedMs: number,
  name = "Phường La Khê",
  nameSource: UnitFileEntry["nameSource"] = "label"
): UnitFileEntry => ({ file, name, nameSource, modifiedMs });

describe("one unit's files counted once", () => {
  it("takes copies' and our scoring's marks off a file's name, and nothing else", () => {
    expect(fileKey("don-vi/phuong-la-khe.scored.xlsx")).toBe("phuong-la-khe");
    expect(fileKey("phuong-la-khe.scored (2).xlsx")).toBe("phuong-la-khe");
    expect(fileKey("Phuong-La-Khe (1).xlsx")).toBe("phuong-la-khe");
    expect(fileKey("phuong-la-khe - Copy.xlsm")).toBe("phuong-la-khe");
    expect(fileKey("Bản sao của phuong-la-khe.xlsx")).toBe("phuong-la-khe");
    expect(fileKey("don-vi-10.xlsx")).not.toBe(fileKey("don-vi-1.xlsx"));
    expect(isScoredCopy("a/phuong-la-khe.scored (2).xlsx")).toBe(true);
    expect(isScoredCopy("phuong-la-khe.xlsx")).toBe(false);
  });

  it("counts the later save of a ward's file and its re-sent copy, our scored copy on a tie", () => {
    const { kept, duplicates } = countEachUnitOnce([
      entry("nop/phuong-la-khe.xlsx", 1000),
      entry("nop/phuong-la-khe (1).xlsx", 2000),
      entry("nop/phuong-phu-la.xlsx", 1000, "Phường Phú La"),
      entry("nop/phuong-phu-la.scored.xlsx", 1000, "Phường Phú La"),
    ]);
    expect(kept).toEqual([1, 3]);
    expect(duplicates.map((d) => d.file)).toEqual([
      "nop/phuong-la-khe.xlsx",
      "nop/phuong-phu-la.xlsx",
    ]);
    expect(duplicates[0].reason).toContain("“nop/phuong-la-khe (1).xlsx” (tệp đó được lưu sau)");
    expect(duplicates[1].reason).toContain("tệp đó là bản đã chấm của tệp này");
  });

  it("keeps two wards apart: other names inside, or same file name in different sub-folders", () => {
    expect(
      countEachUnitOnce([
        entry("nop/bao-cao.xlsx", 1, "Phường La Khê"),
        entry("nop/bao-cao (1).xlsx", 2, "Phường Phú La"),
        entry("la-khe/phu-luc.xlsx", 1, "phu-luc", "file"),
        entry("phu-la/phu-luc.xlsx", 2, "phu-luc", "file"),
      ]).kept
    ).toEqual([0, 1, 2, 3]);
  });

  it("puts the file's name into the names several units share, the path when file names clash", () => {
    const named = distinctUnitNames([
      { name: "Phường La Khê", file: "a/mau-1.xlsx" },
      { name: "Phường La Khê", file: "a/mau-2.xlsx" },
      { name: "Phường Phú La", file: "a/phu-la.xlsx" },
      { name: "phu-luc", file: "x/phu-luc.xlsx" },
      { name: "phu-luc", file: "y/phu-luc.xlsx" },
    ]).map((u) => u.name);
    expect(named).toEqual([
      "Phường La Khê (mau-1.xlsx)",
      "Phường La Khê (mau-2.xlsx)",
      "Phường Phú La",
      "phu-luc (x/phu-luc.xlsx)",
      "phu-luc (y/phu-luc.xlsx)",
    ]);
  });
});

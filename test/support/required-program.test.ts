import { inCi, programPlan } from "./required-program";

describe("tests that need LibreOffice or Chromium", () => {
  it("run when the program is installed, in CI or not", () => {
    expect(programPlan(true, { CI: "true" })).toBe("run");
    expect(programPlan(true, {})).toBe("run");
  });

  it("fail in CI when it is missing, and are skipped only outside CI", () => {
    expect(programPlan(false, { CI: "true" })).toBe("fail");
    expect(programPlan(false, { CI: "1" })).toBe("fail");
    expect(programPlan(false, {})).toBe("skip");
    expect(programPlan(false, { CI: "false" })).toBe("skip");
  });

  it("reads CI as CI services set it", () => {
    expect(inCi({ CI: "true" })).toBe(true);
    expect(inCi({ CI: "" })).toBe(false);
    expect(inCi({ CI: "0" })).toBe(false);
  });
});

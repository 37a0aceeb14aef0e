/**
 * The production build's manifest address (webpack.config.js): the server's address from
 * ADDIN_PRODUCTION_URL, never a made-up one written silently.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

const config = require("../webpack.config.js") as (
  env: Record<string, unknown>,
  options: { mode: string }
) => Promise<{
  plugins: Array<{ patterns?: Array<{ to: string; transform?: (c: Buffer) => string }> }>;
}>;

const MANIFEST = readFileSync(path.join(__dirname, "..", "manifest.xml"));

async function manifestPattern(env: Record<string, unknown> = {}) {
  const built = await config({ WEBPACK_BUILD: true, ...env }, { mode: "production" });
  const copy = built.plugins.find((p) => p.patterns);
  return copy!.patterns!.find((p) => p.to === "manifest.xml");
}

describe("npm run build and the manifest's address", () => {
  const saved = process.env.ADDIN_PRODUCTION_URL;
  let stderr: jest.SpyInstance;
  beforeEach(() => {
    stderr = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  });
  afterEach(() => {
    stderr.mockRestore();
    if (saved === undefined) delete process.env.ADDIN_PRODUCTION_URL;
    else process.env.ADDIN_PRODUCTION_URL = saved;
  });

  it("writes the server's address from ADDIN_PRODUCTION_URL into dist/manifest.xml", async () => {
    process.env.ADDIN_PRODUCTION_URL = "https://may-chu.xa.gov.vn/cham-diem-cchc/";
    const text = (await manifestPattern())!.transform!(MANIFEST);
    expect(text).toContain('DefaultValue="https://may-chu.xa.gov.vn/cham-diem-cchc/taskpane.html"');
    expect(text).toContain("<AppDomain>https://may-chu.xa.gov.vn</AppDomain>");
    expect(text).not.toContain("localhost");
  });

  it("without ADDIN_PRODUCTION_URL leaves the manifest out and says so loudly", async () => {
    delete process.env.ADDIN_PRODUCTION_URL;
    expect(await manifestPattern()).toBeUndefined();
    const said = stderr.mock.calls.map((c) => String(c[0])).join("");
    expect(said).toContain(
      "CHƯA GHI dist/manifest.xml: thiếu biến môi trường ADDIN_PRODUCTION_URL"
    );
  });

  it("refuses an address that is not HTTPS or does not end in a slash", async () => {
    process.env.ADDIN_PRODUCTION_URL = "http://may-chu.xa.gov.vn/addin";
    await expect(manifestPattern()).rejects.toThrow(/ADDIN_PRODUCTION_URL=.*không hợp lệ/);
  });

  it("keeps the test build of the preview page (--env preview) working without an address", async () => {
    delete process.env.ADDIN_PRODUCTION_URL;
    const text = (await manifestPattern({ preview: true }))!.transform!(MANIFEST);
    expect(text).toContain("https://cchc.example.gov.vn/addin/taskpane.html");
  });
});

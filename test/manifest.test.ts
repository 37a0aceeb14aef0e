import { promises as fs } from "node:fs";
import path from "node:path";
import { validateManifest } from "../scripts/validate-manifest";

const MANIFEST = path.join(__dirname, "..", "manifest.xml");

describe("manifest.xml", () => {
  it("validates offline against the Office add-in XSDs", async () => {
    expect(await validateManifest(MANIFEST)).toEqual([]);
  });

  it("is caught when broken (the check can fail)", async () => {
    const broken = (await fs.readFile(MANIFEST, "utf8")).replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>");
    const file = path.join(__dirname, ".tmp-broken-manifest.xml");
    await fs.writeFile(file, broken);
    try {
      expect((await validateManifest(file)).length).toBeGreaterThan(0);
    } finally {
      await fs.unlink(file);
    }
  });

  it("asks for ReadWriteDocument only, in Vietnamese, on ExcelApi 1.6 without the shared runtime", async () => {
    const xml = await fs.readFile(MANIFEST, "utf8");
    expect(xml).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(xml).toContain("<DefaultLocale>vi-VN</DefaultLocale>");
    expect(xml).toContain('<Set Name="ExcelApi" MinVersion="1.6"/>');
    expect(xml).not.toContain("SharedRuntime");
    expect(xml).toContain('DefaultValue="Chấm điểm"');
    expect(xml).toContain("<FunctionName>scoreActiveSheet</FunctionName>");
  });

  it("points IconUrl at a 32×32 image and HighResolutionIconUrl at a 64×64 one, as the manifest reference asks", async () => {
    const xml = await fs.readFile(MANIFEST, "utf8");
    const sizeOf = async (element: string) => {
      const url = new RegExp(`<${element} DefaultValue="([^"]+)"`).exec(xml)![1];
      const png = await fs.readFile(
        path.join(__dirname, "..", "assets", path.basename(new URL(url).pathname))
      );
      // PNG: 8-byte signature, then the IHDR chunk whose data starts with width and height.
      expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    expect(await sizeOf("IconUrl")).toEqual([32, 32]);
    expect(await sizeOf("HighResolutionIconUrl")).toEqual([64, 64]);
  });
});

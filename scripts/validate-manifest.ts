/**
 * Validates manifest.xml (and dist/manifest.xml when built) offline against the XSD
 * files kept in test/fixtures/manifest-schemas (copied from the shared schema folder, whose
 * README there names their source), or MANIFEST_SCHEMAS_DIR. Exit 1 on any error.
 * Run: npm run validate:offline
 */
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import { validateXML } from "xmllint-wasm";

const ROOT = path.join(__dirname, "..");
const SCHEMA_DIR = process.env.MANIFEST_SCHEMAS_DIR ?? path.join(ROOT, "test", "fixtures", "manifest-schemas");
const ROOT_SCHEMA = "OfficeAppManifestV1_1.xsd";
const DEPENDENCIES = [
  "OfficeAppBasicTypesV1_0.xsd",
  "TaskPaneAppVersionOverridesV1_0.xsd",
  "ContentAppVersionOverridesV1_0.xsd",
  "MailAppVersionOverridesV1_0.xsd",
  "MailAppVersionOverridesV1_1.xsd",
];

export async function validateManifest(file: string): Promise<string[]> {
  const read = (name: string) => fs.readFile(path.join(SCHEMA_DIR, name), "utf8");
  const result = await validateXML({
    xml: [{ fileName: path.basename(file), contents: await fs.readFile(file, "utf8") }],
    schema: [{ fileName: ROOT_SCHEMA, contents: await read(ROOT_SCHEMA) }],
    preload: await Promise.all(DEPENDENCIES.map(async (name) => ({ fileName: name, contents: await read(name) }))),
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

async function run(): Promise<number> {
  if (!existsSync(path.join(SCHEMA_DIR, ROOT_SCHEMA))) {
    process.stderr.write(`Không tìm thấy lược đồ manifest ở ${SCHEMA_DIR}.\n`);
    return 1;
  }
  const files = [path.join(ROOT, "manifest.xml"), path.join(ROOT, "dist", "manifest.xml")].filter((f) => existsSync(f));
  let failed = 0;
  for (const file of files) {
    const errors = await validateManifest(file);
    if (errors.length === 0) {
      process.stdout.write(`manifest hợp lệ: ${path.relative(ROOT, file)}\n`);
    } else {
      failed++;
      process.stderr.write(`manifest KHÔNG hợp lệ: ${path.relative(ROOT, file)}\n${errors.join("\n")}\n`);
    }
  }
  return failed === 0 ? 0 : 1;
}

if (require.main === module) {
  run().then((code) => process.exit(code));
}

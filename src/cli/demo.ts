#!/usr/bin/env node
/**
 * `npm run demo`: score the bundled sample. The sample's paths are taken from the
 * repository, not from the user's folder, so `npm --prefix <repo> run demo` works from
 * anywhere.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { installLastResort, main } from "./main";

/** The repository folder: the nearest folder above this file with a package.json. */
export function repositoryRoot(from = __dirname): string {
  let folder = from;
  while (!existsSync(path.join(folder, "package.json"))) {
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`Không tìm thấy package.json phía trên ${from}`);
    folder = parent;
  }
  return folder;
}

/** The demo's arguments, every path absolute. */
export function demoArguments(root = repositoryRoot()): string[] {
  return [
    path.join(root, "samples", "phu-luc-par-index-2025.xlsx"),
    "--criteria",
    path.join(root, "src", "core", "criteria-sets", "dien-ban-2025.json"),
    "--today",
    "2025-11-20",
    "--out",
    path.join(root, "samples", "phu-luc-par-index-2025.scored.xlsx"),
  ];
}

if (require.main === module) {
  installLastResort();
  void main(demoArguments()).then((code) => {
    process.exitCode = code;
  });
}

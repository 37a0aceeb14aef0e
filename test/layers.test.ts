/**
 * The code stacks one way (README, "Architecture"): inside src/core, each stage imports only
 * the stages below it; src/core imports no outer layer; src/xlsx imports only the core's
 * leaves it writes by name; src/app imports only core and xlsx; the Office.js adapter
 * (src/excel) serves the pane and the ribbon commands and imports none of them; the CLI and
 * the browser page never load anything that needs Office.js; the pane shares the page's
 * Web Worker and nothing else of it.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const SRC = path.join(__dirname, "..", "src");

/**
 * src/core's stages, bottom first; a module may import its own stage and those below. The
 * two table scorers (plan tables in score/, self-assessment tables in assessment/) share a
 * rank: score/sheet.ts scores a sheet with both, and no module imports round a loop (below).
 */
const CORE_STAGES = [
  "parse",
  "read",
  "criteria",
  "criteria-sets",
  "score",
  "write",
  "run",
  "rollup",
];
const rankOf = (stage: string) => CORE_STAGES.indexOf(stage === "assessment" ? "score" : stage);

function stageOf(relative: string): string {
  const parts = relative.split("/");
  if (parts[0] !== "core") return parts[0];
  // settings.ts and arrays.ts are leaves (they import nothing above parse/); run.ts is the top.
  if (parts.length === 2) return /^(settings|arrays)(\.ts)?$/.test(parts[1]) ? "parse" : "run";
  return parts[1];
}

function files(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) found.push(...files(full));
    else if (/\.tsx?$/.test(entry)) found.push(full);
  }
  return found;
}

interface Import {
  from: string;
  to: string;
}

function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, "utf8"),
    ts.ScriptTarget.ES2022,
    true
  );
  const found: Import[] = [];
  const visit = (node: ts.Node) => {
    const spec =
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
        ? node.moduleSpecifier.text
        : ts.isCallExpression(node) &&
            node.arguments.length === 1 &&
            ts.isStringLiteral(node.arguments[0]) &&
            (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
              (ts.isIdentifier(node.expression) && node.expression.text === "require"))
          ? node.arguments[0].text
          : null;
    if (spec?.startsWith(".")) {
      const target = path.relative(SRC, path.resolve(path.dirname(file), spec));
      if (!target.startsWith("..")) found.push({ from: path.relative(SRC, file), to: target });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const all = files(SRC).flatMap(importsOf);

/** The import loops of a module graph (Tarjan's strongly connected components of 2+). */
function loops(edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe("the stack of stages", () => {
  it("finds imports to check", () => {
    expect(all.filter((i) => i.from.startsWith("core/")).length).toBeGreaterThan(100);
  });

  it("core: every import goes to the same stage or one below", () => {
    const upward = all
      .filter((i) => i.from.startsWith("core/") && i.to.startsWith("core/"))
      .filter((i) => rankOf(stageOf(i.to)) > rankOf(stageOf(i.from)))
      .map((i) => `${i.from} → ${i.to}`);
    expect(upward).toEqual([]);
  });

  it("no two core modules import each other, directly or round a loop", () => {
    const edges = new Map<string, string[]>();
    for (const i of all.filter((x) => x.from.startsWith("core/") && x.to.startsWith("core/"))) {
      const from = i.from.replace(/\.tsx?$/, "");
      edges.set(from, [...(edges.get(from) ?? []), i.to.replace(/\/index$/, "")]);
    }
    expect(loops(edges)).toEqual([]);
  });

  it("core imports nothing outside itself", () => {
    expect(all.filter((i) => i.from.startsWith("core/") && !i.to.startsWith("core/"))).toEqual([]);
  });

  it("xlsx imports no front end and no application layer", () => {
    const outer = all.filter((i) => i.from.startsWith("xlsx/") && !/^(xlsx|core)\//.test(i.to));
    expect(outer).toEqual([]);
  });

  it("the application layer imports only core and xlsx", () => {
    const outer = all.filter((i) => i.from.startsWith("app/") && !/^(app|core|xlsx)\//.test(i.to));
    expect(outer).toEqual([]);
  });

  it("only the front ends (CLI, pane, page) import the application layer", () => {
    const users = all
      .filter((i) => i.to.startsWith("app/") && !/^(app|cli|taskpane|web)\//.test(i.from))
      .map((i) => `${i.from} → ${i.to}`);
    expect(users).toEqual([]);
  });

  it("the application layer is used by the CLI and the pane", () => {
    const users = new Set(
      all.filter((i) => i.to.startsWith("app/")).map((i) => i.from.split("/")[0])
    );
    expect([...users].filter((u) => u !== "app").sort()).toEqual(
      expect.arrayContaining(["cli", "taskpane"])
    );
  });

  it("the pane takes from the page only the gateway to its Web Worker", () => {
    // The worker reads and scores off the pane's thread; Office restarts a silent pane.
    const fromPane = all.filter((i) => i.from.startsWith("taskpane/") && i.to.startsWith("web/"));
    expect([...new Set(fromPane.map((i) => i.to))]).toEqual(["web/scoring-worker"]);
  });

  it("the Office.js adapter imports no front end", () => {
    const up = all
      .filter(
        (i) => i.from.startsWith("excel/") && /^(taskpane|commands|dialog|cli|web)\//.test(i.to)
      )
      .map((i) => `${i.from} → ${i.to}`);
    expect(up).toEqual([]);
  });

  it("the CLI and the page load nothing that needs Office.js", () => {
    // The page reuses the pane's ResultView, which imports only React, Fluent UI and core.
    const shared = "taskpane/components/ResultView";
    const office = all
      .filter(
        (i) =>
          (/^(cli|web)\//.test(i.from) && /^(excel|taskpane|commands|dialog)\//.test(i.to)) ||
          (i.from === `${shared}.tsx` && !i.to.startsWith("core/"))
      )
      .filter((i) => !(i.from.startsWith("web/") && i.to === shared))
      .map((i) => `${i.from} → ${i.to}`);
    expect(office).toEqual([]);
  });
});

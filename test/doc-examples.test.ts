/* eslint-disable no-new-func -- running the code written in our own doc comments is this test's job */
/**
 * The doc examples are tests: every `@example` in src/ whose result is written runs here,
 * so the catalogue of phrasings in the comments cannot drift from the code.
 *
 * Two written forms are run:
 * - `@example expr === value` (any boolean expression): it must be true;
 * - `@example expr // result` where result is a JavaScript literal (object, array, string,
 *   number, null): expr must deep-equal it.
 * Module-private functions are in scope too: the module's source is transpiled with every
 * top-level function and constant kept, and its imports resolved by jest as usual.
 * An example that names a value it does not define (`grid`, `bytes`) is an illustration of
 * a call, not a result; the test lists how many of those there are and checks that each
 * one's result is not written (so it is not silently skipped).
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const SRC = path.join(__dirname, "..", "src");
/** Front ends whose modules need a host (Office, DOM, Node streams) to load. */
const HOSTED = new Set(["excel", "taskpane", "commands", "dialog", "web"]);

interface Example {
  file: string;
  line: number;
  text: string;
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (!HOSTED.has(entry)) files.push(...sourceFiles(full));
    } else if (/\.tsx?$/.test(entry) && !entry.endsWith(".d.ts")) files.push(full);
  }
  return files;
}

function examplesOf(file: string): Example[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const found: Example[] = [];
  lines.forEach((line, i) => {
    const match = /^\s*\*\s*@example\s+(.*)$/.exec(line);
    if (match) found.push({ file, line: i + 1, text: match[1].trim() });
  });
  return found;
}

/** The index of a top-level ` // ` (outside strings, brackets and regular expressions), or -1. */
function resultComment(text: string): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === "`") quote = c;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (c === "/" && text[i + 1] === "/" && depth === 0 && text[i - 1] === " ") return i;
  }
  return -1;
}

/** A written result, if the text after `//` is a literal; null when it is prose. */
function literal(text: string): { value: unknown } | null {
  if (text.includes("…") || text.includes("...")) return null;
  try {
    const value: unknown = new Function(`return (${text});`)();
    // "Uint8Array [1, 2]" evaluates (to undefined) but is prose, not a literal.
    return value === undefined ? null : { value };
  } catch {
    return null;
  }
}

const scopes = new Map<string, Record<string, unknown>>();

/** Every top-level declaration of a module, exported or not, with its imports loaded. */
function moduleScope(file: string): Record<string, unknown> {
  const cached = scopes.get(file);
  if (cached) return cached;
  const source = readFileSync(file, "utf8");
  const parsed = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const names: string[] = [];
  for (const statement of parsed.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) names.push(statement.name.text);
    if (ts.isClassDeclaration(statement) && statement.name) names.push(statement.name.text);
    if (ts.isVariableStatement(statement))
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
  }
  const output = ts.transpileModule(`${source}\n;__scope({ ${names.join(", ")} });\n`, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
    fileName: file,
  }).outputText;
  let scope: Record<string, unknown> = {};
  const load = (spec: string) =>
    require(spec.startsWith(".") ? path.resolve(path.dirname(file), spec) : spec);
  const moduleObject = { exports: {} as Record<string, unknown> };
  new Function("require", "module", "exports", "__scope", output)(
    load,
    moduleObject,
    moduleObject.exports,
    (s: Record<string, unknown>) => {
      scope = s;
    }
  );
  scopes.set(file, scope);
  return scope;
}

/** An example's expression as JavaScript (examples may use TypeScript's `!`). */
function javascript(expression: string): string {
  return ts.transpile(`__result = (${expression}\n);`, { target: ts.ScriptTarget.ES2022 });
}

function parameterNames(node: ts.Node): string[] {
  const names = ts.isParameter(node) && ts.isIdentifier(node.name) ? [node.name.text] : [];
  ts.forEachChild(node, (child) => {
    for (const name of parameterNames(child)) names.push(name);
  });
  return names;
}

/** Names an expression uses that are neither in its module's scope nor global. */
function freeNames(file: string, expression: string): string[] {
  const scope = moduleScope(file);
  const parsed = ts.createSourceFile(
    "example.ts",
    `(${expression}\n);`,
    ts.ScriptTarget.ES2022,
    true
  );
  const free = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const isMember = ts.isPropertyAccessExpression(parent) && parent.name === node;
      const isKey =
        (ts.isPropertyAssignment(parent) || ts.isShorthandPropertyAssignment(parent)) &&
        parent.name === node;
      const isShorthand = ts.isShorthandPropertyAssignment(parent);
      const isParameter = ts.isParameter(parent) || ts.isBindingElement(parent);
      if ((!isMember && !isKey) || isShorthand)
        if (!isParameter && !(node.text in scope) && !(node.text in globalThis))
          free.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(parsed);
  // Parameters of arrow functions inside the example are bound there.
  for (const name of parameterNames(parsed)) free.delete(name);
  return [...free];
}

function evaluate(file: string, expression: string): unknown {
  const scope = moduleScope(file);
  const names = Object.keys(scope);
  return new Function(...names, `let __result; ${javascript(expression)} return __result;`)(
    ...names.map((name) => scope[name])
  );
}

/**
 * The inputs illustrations call on, by the names the comments give them. A free name not
 * in this list is a typo or a renamed function, and fails.
 */
const PLACEHOLDERS = new Set([
  "grid",
  "read",
  "sheet1Table",
  "copyOfIt",
  "set",
  "areasOfSet",
  "summary",
  "options",
  "main",
  "other",
  "bytes",
  "data",
  "xml",
  "plan",
  "run",
  "context",
  "units",
  "failures",
  "today",
  "rollup",
  "derived",
  "recorder",
  "styles",
  "path",
  "rows",
  "table",
  "tables",
  "sheet",
  "criteria",
  "workbook",
  "files",
  "grids",
]);

const all = sourceFiles(SRC).flatMap(examplesOf);
const relative = (e: Example) => `${path.relative(SRC, e.file)}:${e.line}`;
const written = (e: Example) =>
  e.text.includes("===") ||
  (resultComment(e.text) >= 0 && literal(e.text.slice(resultComment(e.text) + 2)) !== null);
const expressionOf = (e: Example) =>
  e.text.includes("===") || resultComment(e.text) < 0
    ? e.text
    : e.text.slice(0, resultComment(e.text));
const runnable = all.filter((e) => written(e) && freeNames(e.file, expressionOf(e)).length === 0);
const illustrations = all.filter(
  (e) => written(e) && freeNames(e.file, expressionOf(e)).length > 0
);

describe("doc examples in src/ (the pure layers)", () => {
  it("finds the examples (a parser that finds none would pass everything)", () => {
    expect(all.length).toBeGreaterThan(150);
    expect(runnable.length).toBeGreaterThan(150);
  });

  it("calls illustrations only on placeholder inputs (no unknown function or typo)", () => {
    const unknown = illustrations.flatMap((e) =>
      freeNames(e.file, expressionOf(e))
        .filter((name) => !PLACEHOLDERS.has(name))
        .map((name) => `${relative(e)}: ${name}`)
    );
    expect(unknown).toEqual([]);
    // Most examples run; illustrations of calls on whole grids or packages stay few.
    expect(illustrations.length).toBeLessThan(runnable.length / 10);
  });

  it.each(runnable.filter((e) => e.text.includes("===")).map((e) => [relative(e), e] as const))(
    "%s holds",
    (_where, example) => {
      expect(evaluate(example.file, example.text)).toBe(true);
    }
  );

  it.each(runnable.filter((e) => !e.text.includes("===")).map((e) => [relative(e), e] as const))(
    "%s gives its written result",
    (_where, example) => {
      const at = resultComment(example.text);
      const expected = literal(example.text.slice(at + 2))!;
      expect(evaluate(example.file, example.text.slice(0, at))).toEqual(expected.value);
    }
  );
});

import fs from "node:fs";
import path from "node:path";

/** What the ledger writers in one source file record: actions and record types, as written. */
export interface WrittenActions {
  /** Literal actions, `system.created`. */
  actions: string[];
  /** Template actions as patterns, `approval.step_*`. */
  patterns: string[];
  /** Literal record types, `system`. */
  entityTypes: string[];
  /** Action expressions the scanner could not read: each must be made literal or taught to it. */
  unresolved: string[];
}

const ACTION_SHAPE = /^[a-z_]+\.[a-z_]+$/;
const STRING = /"([^"\\]*)"|'([^'\\]*)'|`([^`\\]*)`/g;

/** The quoted texts of an expression; a template's `${…}` parts become `*`. */
function literalsOf(expr: string): { literals: string[]; patterns: string[] } {
  const literals: string[] = [];
  const patterns: string[] = [];
  for (const m of expr.matchAll(STRING)) {
    const text = m[1] ?? m[2] ?? m[3] ?? "";
    if (m[3] !== undefined && text.includes("${")) patterns.push(text.replace(/\$\{[^}]*\}/g, "*"));
    else literals.push(text);
  }
  return { literals, patterns };
}

/** `const NAME = <expr>;` in the same file. */
function constantOf(source: string, name: string): string | undefined {
  return new RegExp(`const ${name}\\s*(?::[^=]+)?=\\s*([^;]+);`).exec(source)?.[1];
}

/**
 * Reads every `record({ …action…, entityType… })` of one source file. An action written as an
 * identifier is followed to `const NAME = …` in the same file or, when it is a parameter of the
 * enclosing function, to the literals passed at that function's calls in the file.
 */
export function scanWriters(file: string, source: string): WrittenActions {
  const out: WrittenActions = { actions: [], patterns: [], entityTypes: [], unresolved: [] };
  const add = (expr: string, where: string) => {
    // Only dotted names: a ternary's condition (`status === "cancelled"`) is not an action.
    const literals = literalsOf(expr).literals.filter((l) => ACTION_SHAPE.test(l));
    const patterns = literalsOf(expr).patterns;
    if (literals.length === 0 && patterns.length === 0) out.unresolved.push(`${where}: ${expr.trim()}`);
    out.actions.push(...literals);
    out.patterns.push(...patterns);
  };
  for (const m of source.matchAll(/\brecord\(\{((?:(?!\bentityType\b)[^])*?)\bentityType\s*:\s*([^,}]+)/g)) {
    const where = `${file}:${source.slice(0, m.index).split("\n").length}`;
    const entity = (m[2] ?? "").trim();
    out.entityTypes.push(...literalsOf(/^\w+$/.test(entity) ? (constantOf(source, entity) ?? "") : entity).literals);
    const action = /\baction\b(?:\s*:\s*([^]*?))?\s*,\s*$/.exec(m[1] ?? "");
    const expr = (action?.[1] ?? "action").trim();
    if (!/^[A-Za-z_$][\w$]*$/.test(expr)) {
      add(expr, where);
      continue;
    }
    const constant = constantOf(source, expr);
    const param = new RegExp(`function (\\w+)\\([^)]*\\b${expr}\\s*:`).exec(source)?.[1];
    if (constant !== undefined) add(constant, where);
    else if (param) add([...source.matchAll(new RegExp(`(?<!function )\\b${param}\\(([^;]*)\\);`, "g"))].map((c) => c[1]).join(" "), where);
    else out.unresolved.push(`${where}: ${expr}`);
  }
  return out;
}

/** Every non-test TypeScript file under `dir`. */
export function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

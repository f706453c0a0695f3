import type { Environment } from "@marcbachmann/cel-js";

/** Three-valued outcome of an expression: TRUE, FALSE, UNKNOWN (a fact it needs is unanswered) or ERROR. */
export const TRUE = 1;
export const FALSE = 0;
export const UNKNOWN = 2;
export const ERROR = 3;
export type Tri = typeof TRUE | typeof FALSE | typeof UNKNOWN | typeof ERROR;

/** Where an evaluation records which facts were missing and what failed. */
export interface Sink {
  missing: string[];
  error: string | null;
}

interface AstNode {
  op: string;
  args: unknown;
  start: number;
  end: number;
}

type Evaluator = (ctx: Record<string, unknown>, sink: Sink) => Tri;

/** Identifiers a cel-js AST reads (`{op: "id", args: name}`), in first-seen order. */
export function readsOf(ast: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(ast)) for (const a of ast) readsOf(a, out);
  else if (ast && typeof ast === "object") {
    const node = ast as { op?: unknown; args?: unknown };
    if (node.op === "id" && typeof node.args === "string") out.add(node.args);
    else readsOf(node.args, out);
  }
  return out;
}

/**
 * Compiles a boolean CEL expression into a Kleene evaluator: `&&`, `||` and `!` are evaluated here
 * with CEL's own absorption rules (`false && x` is false and `true || x` is true whatever x is),
 * and every other sub-expression is compiled by cel-js and called only when all the facts it
 * reads are answered. A missing fact therefore yields UNKNOWN without an exception, which keeps
 * bulk evaluation of partly answered profiles fast, and the result is the same as CEL's.
 */
export function compileKleene(env: Environment, source: string, ast: unknown, known: Set<string>): Evaluator {
  const build = (node: AstNode): Evaluator => {
    if (node.op === "&&" || node.op === "||") {
      const [l, r] = (node.args as AstNode[]).map(build) as [Evaluator, Evaluator];
      const absorbing = node.op === "&&" ? FALSE : TRUE;
      return (ctx, sink) => {
        const a = l(ctx, sink);
        if (a === absorbing) return absorbing;
        const b = r(ctx, sink);
        if (b === absorbing) return absorbing;
        if (a === ERROR || b === ERROR) return ERROR;
        if (a === UNKNOWN || b === UNKNOWN) return UNKNOWN;
        return a;
      };
    }
    if (node.op === "!_") {
      const inner = build(node.args as AstNode);
      return (ctx, sink) => {
        const v = inner(ctx, sink);
        return v === TRUE ? FALSE : v === FALSE ? TRUE : v;
      };
    }
    const reads = [...readsOf(node)].filter((name) => known.has(name));
    if (node.op === "id") {
      const name = node.args as string;
      return (ctx, sink) => {
        const v = ctx[name];
        if (v === undefined) return missing(sink, name);
        return v === true ? TRUE : v === false ? FALSE : fail(sink, `${name} is not true or false`);
      };
    }
    const native = nativeLeaf(node, known);
    if (native) return native;
    const leaf = env.parse(source.slice(node.start, node.end)) as (ctx: Record<string, unknown>) => unknown;
    return (ctx, sink) => {
      let unanswered = false;
      for (const name of reads) {
        if (ctx[name] === undefined) unanswered = missing(sink, name) === UNKNOWN;
      }
      if (unanswered) return UNKNOWN;
      try {
        const v = leaf(ctx);
        return v === true ? TRUE : v === false ? FALSE : fail(sink, `expected true or false, got ${typeof v}`);
      } catch (err) {
        return fail(sink, (err instanceof Error ? err.message : String(err)).split("\n")[0]!);
      }
    };
  };
  return build(ast as AstNode);
}

const COMPARE: Record<string, (a: string, b: string) => boolean> = {
  "==": (a, b) => a === b,
  "!=": (a, b) => a !== b,
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
};

/**
 * The shapes most library expressions are made of — `fact == "option"`, `"option" in list`,
 * `date < "2026-08-02"` — evaluated directly instead of through cel-js. Only string operands
 * qualify, where CEL's semantics are JavaScript's (ASCII option ids and ISO dates); kleene.test.ts
 * checks the results against cel-js for every shipped expression.
 */
function nativeLeaf(node: AstNode, known: Set<string>): Evaluator | null {
  const args = node.args as AstNode[];
  if (!Array.isArray(args) || args.length !== 2) return null;
  const [l, r] = args as [AstNode, AstNode];
  const isId = (n: AstNode) => n.op === "id" && known.has(n.args as string);
  const isStr = (n: AstNode) => n.op === "value" && typeof n.args === "string";
  if (node.op === "in" && isStr(l) && isId(r)) {
    const value = l.args as string;
    const name = r.args as string;
    return (ctx, sink) => {
      const list = ctx[name];
      if (list === undefined) return missing(sink, name);
      return Array.isArray(list) ? (list.includes(value) ? TRUE : FALSE) : fail(sink, `${name} is not a list`);
    };
  }
  const cmp = COMPARE[node.op];
  if (cmp && ((isId(l) && isStr(r)) || (isStr(l) && isId(r)))) {
    const name = (isId(l) ? l.args : r.args) as string;
    const literal = (isStr(l) ? l.args : r.args) as string;
    const idFirst = isId(l);
    return (ctx, sink) => {
      const v = ctx[name];
      if (v === undefined) return missing(sink, name);
      if (typeof v !== "string") return fail(sink, `${name} is not a string`);
      return (idFirst ? cmp(v, literal) : cmp(literal, v)) ? TRUE : FALSE;
    };
  }
  return null;
}

function missing(sink: Sink, name: string): Tri {
  sink.missing.push(name);
  return UNKNOWN;
}

function fail(sink: Sink, message: string): Tri {
  sink.error ??= message;
  return ERROR;
}

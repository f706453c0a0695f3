import type { Library } from "../library/library.model.ts";
import type { CompiledExpr, CompiledRules } from "./compile.ts";

/** The facts of one system: question id → boolean, option id, list of option ids, or date. */
export type Facts = Record<string, boolean | string | string[]>;

export type Outcome = "holds" | "does-not-hold" | "undetermined" | "error";

/** How one definition or rule came out, with the fact values it read: the "because" of a result. */
export interface Trace {
  id: string;
  kind: "definition" | "rule";
  outcome: Outcome;
  /** Values of the facts and definitions the expression reads (absent ones are missing). */
  read: Record<string, unknown>;
  /** Unanswered facts that left the expression undetermined. */
  missing?: string[];
  error?: string;
}

export type Timing = "current" | "upcoming" | "ended";

export interface Applicable {
  urn: string;
  timing: Timing;
  /** The earliest date one of its rules makes it apply (null: already in force with no date). */
  from: string | null;
  rules: string[];
}

export interface SchemeOutcome {
  scheme: string;
  /** The first current value in the scheme's precedence order (or its default); null when unknown. */
  primary: string | null;
  values: { value: string; timing: Timing; from: string | null; until: string | null; rules: string[] }[];
  /** Rules of the scheme that could not be decided, so `primary` may change once answered. */
  undetermined: string[];
}

export interface Evaluation {
  asOf: string;
  requirements: Applicable[];
  schemes: SchemeOutcome[];
  traces: Trace[];
  /** Rules or definitions that failed to evaluate: reported, never read as false. */
  errors: { id: string; message: string }[];
}

const UNKNOWN_VARIABLE = /^Unknown variable: ([A-Za-z0-9_]+)/;

function run(expr: CompiledExpr, ctx: Record<string, unknown>, missingOf: Map<string, string[]>): Omit<Trace, "id" | "kind"> {
  const read: Record<string, unknown> = {};
  for (const name of expr.reads) if (name in ctx) read[name] = ctx[name];
  try {
    const value = expr.evaluate(ctx);
    if (typeof value !== "boolean") return { outcome: "error", read, error: `expected true or false, got ${typeof value}` };
    return { outcome: value ? "holds" : "does-not-hold", read };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const unknown = UNKNOWN_VARIABLE.exec(message)?.[1];
    if (unknown) {
      // CEL short-circuits, so an expression only fails on a missing fact it really needed.
      const missing = missingOf.get(unknown) ?? [unknown];
      return { outcome: "undetermined", read, missing };
    }
    return { outcome: "error", read, error: message.split("\n")[0] };
  }
}

function timingOf(asOf: string, from: string | null, until: string | null): Timing {
  if (until && asOf >= until) return "ended";
  if (from && asOf < from) return "upcoming";
  return "current";
}

/**
 * Evaluates every definition and rule of the library for one system's facts, as of a date. Pure and
 * allocation-light, because the bulk benchmark runs it 100,000 times; `presentEvaluation` adds texts.
 */
export function evaluateFacts(library: Library, facts: Facts, asOf: string): Evaluation {
  const compiled: CompiledRules = library.compiled;
  const ctx: Record<string, unknown> = { ...facts, asOf };
  const missingOf = new Map<string, string[]>();
  const traces: Trace[] = [];
  const errors: Evaluation["errors"] = [];

  for (const { def, expr } of compiled.definitions) {
    const r = run(expr, ctx, missingOf);
    traces.push({ id: def.id, kind: "definition", ...r });
    if (r.outcome === "holds" || r.outcome === "does-not-hold") ctx[def.id] = r.outcome === "holds";
    else if (r.outcome === "undetermined") missingOf.set(def.id, r.missing!);
    else errors.push({ id: def.id, message: r.error! });
  }

  const byUrn = new Map<string, Applicable>();
  const schemeValues = new Map<string, Map<string, SchemeOutcome["values"][number]>>();
  const schemeUndetermined = new Map<string, string[]>();
  const undeterminedValues = new Map<string, Set<string>>();
  for (const { rule, expr, requirements } of compiled.rules) {
    const r = run(expr, ctx, missingOf);
    traces.push({ id: rule.id, kind: "rule", ...r });
    if (r.outcome === "error") errors.push({ id: rule.id, message: r.error! });
    const effect = rule.effect;
    if ((r.outcome === "undetermined" || r.outcome === "error") && effect.kind === "classify") {
      const list = schemeUndetermined.get(effect.scheme) ?? [];
      list.push(rule.id);
      schemeUndetermined.set(effect.scheme, list);
      const values = undeterminedValues.get(effect.scheme) ?? new Set<string>();
      values.add(effect.value);
      undeterminedValues.set(effect.scheme, values);
    }
    if (r.outcome !== "holds") continue;
    const until = rule.until ?? null;
    if (until && asOf >= until) continue;
    if (effect.kind === "applies") {
      for (const { urn, from: nodeFrom } of requirements) {
        const from = [rule.from ?? null, nodeFrom].reduce<string | null>((a, b) => (a && b ? (a > b ? a : b) : (a ?? b)), null);
        const existing = byUrn.get(urn);
        if (!existing) byUrn.set(urn, { urn, timing: timingOf(asOf, from, null), from, rules: [rule.id] });
        else {
          existing.rules.push(rule.id);
          if (from === null || (existing.from !== null && from < existing.from)) existing.from = from;
          existing.timing = timingOf(asOf, existing.from, null);
        }
      }
    } else {
      const values = schemeValues.get(effect.scheme) ?? new Map();
      const from = rule.from ?? null;
      const existing = values.get(effect.value);
      if (!existing) values.set(effect.value, { value: effect.value, timing: timingOf(asOf, from, until), from, until, rules: [rule.id] });
      else {
        existing.rules.push(rule.id);
        if (from === null || (existing.from !== null && from < existing.from)) existing.from = from;
        existing.timing = timingOf(asOf, existing.from, existing.until);
      }
      schemeValues.set(effect.scheme, values);
    }
  }

  const schemes: SchemeOutcome[] = [];
  for (const scheme of compiled.schemes.values()) {
    const found = schemeValues.get(scheme.id) ?? new Map<string, SchemeOutcome["values"][number]>();
    const ordered = scheme.values.map((v) => found.get(v.id)).filter((v): v is SchemeOutcome["values"][number] => v !== undefined);
    const undetermined = schemeUndetermined.get(scheme.id) ?? [];
    // The primary value is the first in precedence order that holds now, unless an undecided rule
    // could still put a value above it (then it is honestly unknown until the fact is answered).
    const open = undeterminedValues.get(scheme.id) ?? new Set<string>();
    let primary: string | null = null;
    if (scheme.exclusive) {
      for (const v of scheme.values) {
        if (open.has(v.id)) break;
        if (found.get(v.id)?.timing === "current") {
          primary = v.id;
          break;
        }
      }
      if (primary === null && open.size === 0) primary = scheme.default ?? null;
    }
    schemes.push({ scheme: scheme.id, primary, values: ordered, undetermined });
  }
  return { asOf, requirements: [...byUrn.values()], schemes, traces, errors };
}

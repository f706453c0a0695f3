import type { Library } from "../library/library.model.ts";
import type { CompiledExpr, CompiledRules } from "./compile.ts";
import { ERROR, FALSE, type Sink, TRUE } from "./kleene.ts";

/** The facts of one system: question id → boolean, option id, list of option ids, or date. */
export type Facts = Record<string, boolean | string | string[]>;

export type Outcome = "holds" | "does-not-hold" | "undetermined" | "error";

/** How one definition or rule came out, when it held, could not be decided or failed. */
export interface Trace {
  id: string;
  kind: "definition" | "rule";
  outcome: Outcome;
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
  /** Facts, `asOf` and the definitions' values: what each expression read (see `readValues`). */
  ctx: Record<string, unknown>;
  requirements: Applicable[];
  schemes: SchemeOutcome[];
  /** Definitions and rules that did not come out false; a false one explains nothing. */
  traces: Trace[];
  /** Rules or definitions that failed to evaluate: reported, never read as false. */
  errors: { id: string; message: string }[];
}

/** Runs one expression; `missingOf` turns an undetermined definition into the facts it lacked. */
function run(expr: CompiledExpr, ctx: Record<string, unknown>, missingOf: Map<string, string[]>): { outcome: Outcome; missing?: string[]; error?: string } {
  const sink: Sink = { missing: [], error: null };
  const v = expr.test(ctx, sink);
  if (v === TRUE) return { outcome: "holds" };
  if (v === FALSE) return { outcome: "does-not-hold" };
  if (v === ERROR) return { outcome: "error", error: sink.error ?? "the expression failed" };
  const missing = [...new Set(sink.missing.flatMap((name) => missingOf.get(name) ?? [name]))];
  return { outcome: "undetermined", missing };
}

/** The values an expression read, for explanations: facts and definitions, absent ones left out. */
export function readValues(expr: CompiledExpr, ctx: Record<string, unknown>): Record<string, unknown> {
  const read: Record<string, unknown> = {};
  for (const name of expr.reads) if (ctx[name] !== undefined) read[name] = ctx[name];
  return read;
}

/** One more rule behind a result: the earliest date any of its rules gives is when it starts. */
function addReason(result: { from: string | null; timing: Timing; rules: string[] }, ruleId: string, from: string | null, until: string | null, asOf: string): void {
  result.rules.push(ruleId);
  if (from === null || (result.from !== null && from < result.from)) result.from = from;
  result.timing = timingOf(asOf, result.from, until);
}

/** The later of two optional dates. */
function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
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
    if (r.outcome !== "does-not-hold") traces.push({ id: def.id, kind: "definition", ...r });
    if (r.outcome === "holds" || r.outcome === "does-not-hold") ctx[def.id] = r.outcome === "holds";
    else if (r.outcome === "undetermined") missingOf.set(def.id, r.missing!);
    else errors.push({ id: def.id, message: r.error! });
  }

  const byUrn = new Map<string, Applicable>();
  const schemeValues = new Map<string, Map<string, SchemeOutcome["values"][number]>>();
  // Per scheme: the rules that could not be decided, and the values they could have given.
  const open = new Map<string, { rules: string[]; values: Set<string> }>();
  for (const { rule, expr, requirements } of compiled.rules) {
    const r = run(expr, ctx, missingOf);
    if (r.outcome !== "does-not-hold") traces.push({ id: rule.id, kind: "rule", ...r });
    if (r.outcome === "error") errors.push({ id: rule.id, message: r.error! });
    const effect = rule.effect;
    if ((r.outcome === "undetermined" || r.outcome === "error") && effect.kind === "classify") {
      const entry = open.get(effect.scheme) ?? { rules: [], values: new Set<string>() };
      entry.rules.push(rule.id);
      // Only a rule that would give its value now can stand in the way of the primary value; one
      // that starts later (or has ended) leaves today's answer unchanged whatever the fact is.
      if (timingOf(asOf, rule.from ?? null, rule.until ?? null) === "current") entry.values.add(effect.value);
      open.set(effect.scheme, entry);
    }
    if (r.outcome !== "holds") continue;
    const until = rule.until ?? null;
    if (until && asOf >= until) continue;
    if (effect.kind === "applies") {
      for (const { urn, from: nodeFrom } of requirements) {
        const from = later(rule.from ?? null, nodeFrom);
        const existing = byUrn.get(urn);
        if (!existing) byUrn.set(urn, { urn, timing: timingOf(asOf, from, null), from, rules: [rule.id] });
        else addReason(existing, rule.id, from, null, asOf);
      }
    } else {
      const values = schemeValues.get(effect.scheme) ?? new Map();
      const from = rule.from ?? null;
      const existing = values.get(effect.value);
      if (!existing) values.set(effect.value, { value: effect.value, timing: timingOf(asOf, from, until), from, until, rules: [rule.id] });
      else addReason(existing, rule.id, from, existing.until, asOf);
      schemeValues.set(effect.scheme, values);
    }
  }

  const schemes: SchemeOutcome[] = [];
  for (const scheme of compiled.schemes.values()) {
    const found = schemeValues.get(scheme.id) ?? new Map<string, SchemeOutcome["values"][number]>();
    const ordered = scheme.values.map((v) => found.get(v.id)).filter((v): v is SchemeOutcome["values"][number] => v !== undefined);
    const undetermined = open.get(scheme.id)?.rules ?? [];
    // The primary value is the first in precedence order that holds now, unless an undecided rule
    // could still put a value above it (then it is honestly unknown until the fact is answered).
    // A value that already holds wins over an undecided rule for the same value: answering the
    // missing fact could only add another reason for it.
    const openValues = open.get(scheme.id)?.values ?? new Set<string>();
    let primary: string | null = null;
    if (scheme.exclusive) {
      for (const v of scheme.values) {
        if (found.get(v.id)?.timing === "current") {
          primary = v.id;
          break;
        }
        if (openValues.has(v.id)) break;
      }
      if (primary === null && openValues.size === 0) primary = scheme.default ?? null;
    }
    // In a tier scheme, values below the primary say nothing (every in-scope system is also
    // "minimal"); values above it are kept, as they are the ones that start applying later.
    const rank = primary === null ? -1 : scheme.values.findIndex((v) => v.id === primary);
    const shown = rank < 0 ? ordered : ordered.filter((v) => scheme.values.findIndex((x) => x.id === v.value) <= rank);
    schemes.push({ scheme: scheme.id, primary, values: shown, undetermined });
  }
  return { asOf, ctx, requirements: [...byUrn.values()], schemes, traces, errors };
}

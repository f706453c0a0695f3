import { Environment } from "@marcbachmann/cel-js";
import { compileKleene, readsOf, type Sink, type Tri } from "./kleene.ts";
import type { Library, LibraryProblem, LoadedFramework } from "../library/library.model.ts";
import { requirementsUnder } from "../library/library.model.ts";
import type { Definition, ProfileQuestion, Rule, RulesFile, Text } from "../library/library.schema.ts";

/** A CEL expression compiled once at library load and evaluated for every profile. */
export interface CompiledExpr {
  source: string;
  /** Three-valued evaluation: see kleene.ts. */
  test: (ctx: Record<string, unknown>, sink: Sink) => Tri;
  /** The facts and definitions the expression reads, shown as the "because" of a result. */
  reads: string[];
}

export interface CompiledDefinition {
  def: Definition;
  file: string;
  expr: CompiledExpr;
}

export interface CompiledRule {
  rule: Rule;
  file: string;
  expr: CompiledExpr;
  /**
   * For `applies`: the requirements the rule brings in, resolved once at load, each with the date
   * it applies from (its own, or the nearest ancestor's: EU AI Act dates sit on articles).
   */
  requirements: { urn: string; from: string | null }[];
}

export interface CompiledScheme {
  id: string;
  name: Text;
  values: { id: string; label: Text }[];
  default?: string;
  exclusive: boolean;
}

export interface CompiledRules {
  questions: Map<string, ProfileQuestion>;
  askIf: Map<string, CompiledExpr>;
  constraints: { id: string; fields: string[]; message: Text; expr: CompiledExpr }[];
  definitions: CompiledDefinition[];
  rules: CompiledRule[];
  /** The same definitions and rules by id, for explanations. */
  definitionsById: Map<string, CompiledDefinition>;
  rulesById: Map<string, CompiledRule>;
  schemes: Map<string, CompiledScheme>;
}

const CEL_TYPES: Record<ProfileQuestion["type"], string> = {
  boolean: "bool",
  enum: "string",
  multi: "list<string>",
  date: "string",
  text: "string",
};

/** A node's application date, or its nearest ancestor's. */
function inheritedFrom(fw: LoadedFramework, id: string): string | null {
  let node = fw.nodesById.get(id);
  while (node) {
    if (node.dates?.appliesFrom) return node.dates.appliesFrom;
    node = node.parent ? fw.nodesById.get(node.parent) : undefined;
  }
  return null;
}

function compileExpr(env: Environment, source: string, known: Set<string>): CompiledExpr | string {
  const checked = env.check(source) as { valid: boolean; type?: unknown; error?: Error };
  if (!checked.valid) return checked.error?.message.split("\n")[0] ?? "the expression does not type-check";
  if (String(checked.type) !== "bool") return `the expression must be true or false, not ${String(checked.type)}`;
  const parsed = env.parse(source) as { ast: unknown };
  // Macro variables (the `a` in `list.exists(a, …)`) are not facts: only declared names count.
  const reads = [...readsOf(parsed.ast)].filter((name) => known.has(name));
  return { source, test: compileKleene(env, source, parsed.ast, known), reads };
}

/**
 * Type-checks and compiles every expression in the library against the profile's facts. A rule that
 * names an unknown fact, compares a list with a string or is not boolean is a load-time problem, so a
 * typo never turns into a rule that silently never fires.
 */
export function compileRules(library: Library): { compiled: CompiledRules; problems: LibraryProblem[] } {
  const problems: LibraryProblem[] = [];
  const env = new Environment({ homogeneousAggregateLiterals: false }).registerVariable("asOf", "string");
  const known = new Set<string>(["asOf"]);
  const questions = new Map<string, ProfileQuestion>();
  for (const q of library.profile.questions) {
    if (questions.has(q.id)) problems.push({ file: "profile/questions.json", code: "duplicate", at: q.id, message: `question ${q.id} is defined twice` });
    if ((q.type === "enum" || q.type === "multi") && !q.options?.length) {
      problems.push({ file: "profile/questions.json", code: "schema", at: q.id, message: `question ${q.id} needs options` });
    }
    if (q.notAsked !== undefined) {
      const ok =
        (q.type === "boolean" && typeof q.notAsked === "boolean") ||
        (q.type === "enum" && typeof q.notAsked === "string" && !!q.options?.some((o) => o.value === q.notAsked)) ||
        (q.type === "multi" && Array.isArray(q.notAsked) && q.notAsked.every((v) => q.options?.some((o) => o.value === v)));
      if (!ok || !q.askIf) {
        problems.push({ file: "profile/questions.json", code: "schema", at: q.id, message: `notAsked of ${q.id} must be a valid ${q.type} answer, on a question with askIf` });
      }
    }
    questions.set(q.id, q);
    env.registerVariable(q.id, CEL_TYPES[q.type]);
    known.add(q.id);
  }
  const compile = (file: string, at: string, source: string): CompiledExpr | null => {
    const out = compileExpr(env, source, known);
    if (typeof out === "string") {
      problems.push({ file, code: "expression", at, message: `${out} (in: ${source})` });
      return null;
    }
    return out;
  };

  const askIf = new Map<string, CompiledExpr>();
  for (const q of library.profile.questions) {
    if (!q.askIf) continue;
    const expr = compile("profile/questions.json", `${q.id}.askIf`, q.askIf);
    if (expr) askIf.set(q.id, expr);
  }
  const constraints: CompiledRules["constraints"] = [];
  for (const c of library.profile.constraints) {
    for (const f of c.fields) {
      if (!questions.has(f)) problems.push({ file: "profile/questions.json", code: "dangling", at: c.id, message: `constraint ${c.id} names unknown field ${f}` });
    }
    const expr = compile("profile/questions.json", c.id, c.violatedWhen);
    if (expr) constraints.push({ id: c.id, fields: c.fields, message: c.message, expr });
  }

  const definitions: CompiledDefinition[] = [];
  const rules: CompiledRule[] = [];
  const schemes = new Map<string, CompiledScheme>();
  const ruleIds = new Set<string>();
  const files: { file: string; rf: RulesFile }[] = library.rules.map((rf) => ({ file: `rules/${rf.id}.json`, rf }));
  for (const { file, rf } of files) {
    for (const s of rf.schemes) {
      if (schemes.has(s.id)) problems.push({ file, code: "duplicate", at: s.id, message: `scheme ${s.id} is defined twice` });
      schemes.set(s.id, s);
    }
    for (const def of rf.definitions) {
      if (questions.has(def.id) || env.hasVariable(def.id)) {
        problems.push({ file, code: "duplicate", at: def.id, message: `definition ${def.id} clashes with a fact or another definition` });
        continue;
      }
      const expr = compile(file, def.id, def.expr);
      // Registered even when broken, so later expressions are checked against the right names.
      env.registerVariable(def.id, "bool");
      known.add(def.id);
      if (expr) definitions.push({ def, file, expr });
    }
  }
  for (const { file, rf } of files) {
    for (const rule of rf.rules) {
      if (ruleIds.has(rule.id)) problems.push({ file, code: "duplicate", at: rule.id, message: `rule ${rule.id} is defined twice` });
      ruleIds.add(rule.id);
      const expr = compile(file, rule.id, rule.when);
      const requirementUrns: string[] = [];
      const fromOf = new Map<string, string | null>();
      if (rule.effect.kind === "applies") {
        const fw = library.current.get(rule.effect.framework);
        if (!fw) problems.push({ file, code: "dangling", at: rule.id, message: `unknown framework ${rule.effect.framework}` });
        else {
          for (const id of rule.effect.nodes) {
            if (!fw.nodesById.has(id)) {
              problems.push({ file, code: "dangling", at: rule.id, message: `${rule.effect.framework} ${fw.file.version} has no node ${id}` });
              continue;
            }
            const ids = requirementsUnder(fw, id);
            if (!ids.length) problems.push({ file, code: "mismatch", at: rule.id, message: `node ${id} has no requirements under it` });
            for (const r of ids) requirementUrns.push(fw.nodesById.get(r)!.urn);
            for (const r of ids) fromOf.set(fw.nodesById.get(r)!.urn, inheritedFrom(fw, r));
          }
        }
      } else {
        const scheme = schemes.get(rule.effect.scheme);
        if (!scheme) problems.push({ file, code: "dangling", at: rule.id, message: `unknown scheme ${rule.effect.scheme}` });
        else if (!scheme.values.some((v) => v.id === (rule.effect as { value: string }).value)) {
          problems.push({ file, code: "dangling", at: rule.id, message: `scheme ${scheme.id} has no value ${rule.effect.value}` });
        }
      }
      if (rule.from && rule.until && rule.until <= rule.from) {
        problems.push({ file, code: "mismatch", at: rule.id, message: "until must be after from" });
      }
      if (expr) rules.push({ rule, file, expr, requirements: [...new Set(requirementUrns)].map((urn) => ({ urn, from: fromOf.get(urn) ?? null })) });
    }
  }
  const definitionsById = new Map(definitions.map((d) => [d.def.id, d]));
  const rulesById = new Map(rules.map((r) => [r.rule.id, r]));
  return { compiled: { questions, askIf, constraints, definitions, rules, definitionsById, rulesById, schemes }, problems };
}

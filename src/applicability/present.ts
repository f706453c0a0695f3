import type { Library } from "../library/library.model.ts";
import { presentRef, frameworkLabel } from "../library/library.present.ts";
import type { Text } from "../library/library.schema.ts";
import { type Evaluation, type Outcome, readValues, type Timing } from "./evaluate.ts";
import { expressionInWords, type Vocabulary } from "./expression.words.ts";
import type { CheckedProfile } from "./profile.ts";

/** A library node as results show it: enough to cite it and link to its page. */
export type NodeSummary = ReturnType<typeof presentRef>;

export interface RuleExplanation {
  id: string;
  kind: "definition" | "rule";
  title: Text;
  /** The condition in words, from the labels of the questions and definitions it reads. */
  words: Text;
  /** The condition as written in the library (CEL), for those who check it. */
  expression: string;
  outcome: Outcome;
  read: Record<string, unknown>;
  missing?: string[];
  error?: string;
  from?: string;
  until?: string;
  note?: Text;
  cites: NodeSummary[];
}

export interface ApplicabilityReport {
  asOf: string;
  libraryVersion: string;
  unanswered: string[];
  asked: string[];
  implied: string[];
  frameworks: {
    framework: string;
    version: string;
    name: Text;
    kind: string;
    jurisdiction: string;
    current: number;
    upcoming: number;
    /** Whether the instrument carries penalties, in whose words (stated wherever results are shown). */
    penalties?: { any: boolean; text: Text; origin: string };
  }[];
  classifications: {
    scheme: string;
    name: Text;
    exclusive: boolean;
    primary: { value: string; label: Text } | null;
    values: { value: string; label: Text; timing: Timing; from: string | null; until: string | null; rules: string[] }[];
    undetermined: string[];
  }[];
  requirements: (NodeSummary & { timing: Timing; from: string | null; rules: string[]; requirementKind: string })[];
  /** Every definition and rule that held, could not be decided or failed, with what it read. */
  explanations: RuleExplanation[];
  errors: Evaluation["errors"];
}

/** Turns an evaluation into the report the API, CLI and UI show: texts, citations and reasons. */
export function presentEvaluation(library: Library, evaluation: Evaluation, checked: CheckedProfile, libraryVersion: string): ApplicabilityReport {
  const { compiled } = library;
  const { definitionsById: defs, rulesById: rules } = compiled;

  const counts = new Map<string, { current: number; upcoming: number }>();
  const requirements = evaluation.requirements
    .filter((r) => r.timing !== "ended")
    .map((r) => {
      const s = presentRef(library, r.urn, evaluation.asOf);
      const c = counts.get(s.framework) ?? { current: 0, upcoming: 0 };
      c[r.timing === "current" ? "current" : "upcoming"]++;
      counts.set(s.framework, c);
      return { ...s, timing: r.timing, from: r.from, rules: r.rules, requirementKind: library.nodes.get(r.urn)!.node.type };
    });
  const frameworks = [...counts].map(([framework, c]) => {
    const fw = library.current.get(framework)!.file;
    return { framework, version: fw.version, name: frameworkLabel(fw), kind: fw.kind, jurisdiction: fw.jurisdiction, ...c, ...(fw.penalties ? { penalties: fw.penalties } : {}) };
  });

  const classifications = evaluation.schemes.map((s) => {
    const scheme = compiled.schemes.get(s.scheme)!;
    const label = (v: string) => scheme.values.find((x) => x.id === v)!.label;
    return {
      scheme: s.scheme,
      name: scheme.name,
      exclusive: scheme.exclusive,
      primary: s.primary ? { value: s.primary, label: label(s.primary) } : null,
      values: s.values.map((v) => ({ ...v, label: label(v.value) })),
      undetermined: s.undetermined,
    };
  });

  const questions = new Map(library.profile.questions.map((q) => [q.id, q]));
  const vocabulary: Vocabulary = {
    name: (id) => questions.get(id)?.label ?? defs.get(id)?.def.title,
    option: (fact, value) => questions.get(fact)?.options?.find((o) => o.value === value)?.label,
  };
  const explain = (id: string, kind: "definition" | "rule", outcome: Outcome, extra: { missing?: string[]; error?: string }): RuleExplanation => {
    const compiledExpr = kind === "definition" ? defs.get(id)!.expr : rules.get(id)!.expr;
    const source = kind === "definition" ? defs.get(id)!.def : rules.get(id)!.rule;
    return {
      id,
      kind,
      title: source.title,
      words: expressionInWords(compiledExpr.source, vocabulary),
      expression: compiledExpr.source,
      outcome,
      read: readValues(compiledExpr, evaluation.ctx),
      ...(extra.missing ? { missing: extra.missing } : {}),
      ...(extra.error ? { error: extra.error } : {}),
      ...("from" in source && source.from ? { from: source.from } : {}),
      ...("until" in source && source.until ? { until: source.until } : {}),
      ...(source.note ? { note: source.note } : {}),
      cites: source.cites.map((urn) => presentRef(library, urn, evaluation.asOf)),
    };
  };
  const explanations = evaluation.traces.map((t) => explain(t.id, t.kind, t.outcome, t));
  // A chain of reasons must be complete: definitions that came out false but were read by a shown
  // explanation (e.g. "deployer: no" under a provider rule) are explained too.
  const shown = new Set(explanations.map((e) => e.id));
  for (let i = 0; i < explanations.length; i++) {
    for (const name of Object.keys(explanations[i]!.read)) {
      if (!shown.has(name) && defs.has(name) && evaluation.ctx[name] === false) {
        shown.add(name);
        explanations.push(explain(name, "definition", "does-not-hold", {}));
      }
    }
  }
  return {
    asOf: evaluation.asOf,
    libraryVersion,
    unanswered: checked.unanswered,
    asked: checked.asked,
    implied: checked.implied,
    frameworks,
    classifications,
    requirements,
    explanations,
    errors: evaluation.errors,
  };
}

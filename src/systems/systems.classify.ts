import { evaluateFacts, type Evaluation } from "../applicability/evaluate.ts";
import { checkProfile } from "../applicability/profile.ts";
import type { Library } from "../library/library.model.ts";
import { AppError } from "../platform/errors.ts";
import type { Locale } from "../platform/i18n.ts";

/** The scheme whose primary value is a system's EU AI Act class on the inventory and dashboard. */
export const EU_RISK_SCHEME = "eu-ai-act-risk";

export interface Classification {
  /** The checked facts, with implied answers filled in. */
  facts: Record<string, unknown>;
  evaluation: Evaluation;
  /**
   * The class the EU AI Act gives the system: the highest tier that holds now or from a later
   * date (a system whose high-risk obligations start on 2027-12-02 is high-risk for planning,
   * not "minimal" until then); null while a fact it depends on is unanswered.
   */
  euClass: string | null;
  /** When `euClass` starts to apply, if later than the evaluation date. */
  euClassFrom: string | null;
  /** What applies on the evaluation date (the scheme's primary value). */
  euClassNow: string | null;
  /** Framework ids with a requirement that applies now or later, sorted. */
  frameworks: string[];
}

/**
 * Checks a system's profile and evaluates it as of `asOf`. A bad profile throws 422
 * `invalid_profile` naming each field, so a system is never stored with facts the engine rejects.
 * An empty profile is valid: the system is simply unclassified until someone answers.
 */
export function classifyProfile(library: Library, profile: Record<string, unknown>, asOf: string, locale: Locale): Classification {
  const checked = checkProfile(library, profile, locale);
  if (checked.issues.length) {
    throw new AppError(422, "invalid_profile", checked.issues.map((i) => ({ ...i, field: `profile.${i.field.replace(/^facts\./, "")}` })));
  }
  const evaluation = evaluateFacts(library, checked.facts, asOf);
  return { facts: checked.facts, evaluation, ...summarise(evaluation) };
}

/** The EU class and frameworks in scope of an evaluation. */
export function summarise(evaluation: Evaluation): Pick<Classification, "euClass" | "euClassFrom" | "euClassNow" | "frameworks"> {
  const risk = evaluation.schemes.find((s) => s.scheme === EU_RISK_SCHEME);
  const euClassNow = risk?.primary ?? null;
  // The scheme keeps, above today's class, the tiers that start later, in precedence order.
  const top = euClassNow === null ? undefined : risk!.values.find((v) => v.timing === "current" || v.timing === "upcoming");
  const euClass = top?.value ?? euClassNow;
  const euClassFrom = top && top.timing === "upcoming" ? top.from : null;
  const frameworks = new Set<string>();
  for (const r of evaluation.requirements) {
    if (r.timing === "ended") continue;
    frameworks.add(r.urn.split(":")[2]!);
  }
  return { euClass, euClassFrom, euClassNow, frameworks: [...frameworks].sort() };
}

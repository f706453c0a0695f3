import type { RiskInput, RiskTreatment, RiskView } from "../../api/risks.ts";

/**
 * The risk form's state and its translation to the API body. Inputs hold strings (a select's
 * value, an empty date); the API wants numbers and nulls. Pure, so the rules are unit-tested.
 */

export interface RiskDraft {
  titleJa: string;
  titleEn: string;
  description: string;
  /** "" for organisation-wide. */
  systemId: string;
  ownerId: string;
  inherentLikelihood: string;
  inherentImpact: string;
  /** Both "" until the risk has been assessed after treatment. */
  residualLikelihood: string;
  residualImpact: string;
  treatment: RiskTreatment | "";
  treatmentPlan: string;
  controlIds: string[];
  categories: string[];
  perspectives: string[];
  nextReviewOn: string;
}

/** The form's starting state: the risk's values, or an empty risk (optionally for one system). */
export function draftOf(risk: RiskView | undefined, systemId = ""): RiskDraft {
  const level = (n: number | undefined) => (n === undefined ? "" : String(n));
  return {
    titleJa: risk?.titleJa ?? "",
    titleEn: risk?.titleEn ?? "",
    description: risk?.description ?? "",
    systemId: risk ? (risk.system?.id ?? "") : systemId,
    ownerId: risk?.owner?.id ?? "",
    inherentLikelihood: level(risk?.inherent.likelihood),
    inherentImpact: level(risk?.inherent.impact),
    residualLikelihood: level(risk?.residual?.likelihood),
    residualImpact: level(risk?.residual?.impact),
    treatment: risk?.treatment ?? "",
    treatmentPlan: risk?.treatmentPlan ?? "",
    controlIds: risk?.controls.map((c) => c.id) ?? [],
    categories: risk?.categories ?? [],
    perspectives: risk?.perspectives.map((p) => p.urn) ?? [],
    nextReviewOn: risk?.nextReviewOn ?? "",
  };
}

const levelOrNull = (v: string) => (v === "" ? null : Number(v));

/**
 * The API body. An unchosen inherent level is sent as 0 so the server names the field in its
 * validation answer (the form shows the message beside the select) rather than guessing a level.
 */
export function inputOf(d: RiskDraft): RiskInput {
  return {
    titleJa: d.titleJa.trim(),
    titleEn: d.titleEn.trim(),
    description: d.description.trim(),
    systemId: d.systemId || null,
    ownerId: d.ownerId || null,
    inherentLikelihood: Number(d.inherentLikelihood || 0),
    inherentImpact: Number(d.inherentImpact || 0),
    residualLikelihood: levelOrNull(d.residualLikelihood),
    residualImpact: levelOrNull(d.residualImpact),
    treatment: d.treatment || null,
    treatmentPlan: d.treatmentPlan.trim(),
    controlIds: d.controlIds,
    categories: d.categories,
    perspectives: d.perspectives,
    nextReviewOn: d.nextReviewOn || null,
  };
}

/** Adds or removes one value of a multi-choice, keeping the order chosen. */
export function toggle(values: readonly string[], value: string, on: boolean): string[] {
  if (on) return values.includes(value) ? [...values] : [...values, value];
  return values.filter((v) => v !== value);
}

/**
 * Ticks or unticks an MIT category. The server files a sub-domain under its domain too (`7.1`
 * brings `7`), so ticking a sub-domain ticks its domain, and unticking a domain unticks its
 * sub-domains; otherwise the form would show a choice the server does not keep.
 */
export function toggleCategory(values: readonly string[], id: string, on: boolean): string[] {
  const sub = /^(\d+)\.\d+$/.exec(id);
  if (on) return sub ? toggle(toggle(values, sub[1]!, true), id, true) : toggle(values, id, true);
  if (/^\d+$/.test(id)) return values.filter((v) => v !== id && !v.startsWith(`${id}.`));
  return toggle(values, id, false);
}

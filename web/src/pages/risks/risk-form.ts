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

/**
 * The message for one form field among the server's field errors, including those of its
 * elements (`categories.2` shows at `categories`).
 */
export function errorFor(errors: Record<string, string>, field: string): string | undefined {
  if (errors[field]) return errors[field];
  const key = Object.keys(errors).find((k) => k.startsWith(`${field}.`));
  return key ? errors[key] : undefined;
}

/** Whether any field error belongs to one of `fields` (the rest go in a notice at the top). */
export function hasFieldErrorOutside(errors: Record<string, string>, fields: readonly string[]): boolean {
  return Object.keys(errors).some((k) => !fields.some((f) => k === f || k.startsWith(`${f}.`)));
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

/** Today as YYYY-MM-DD in the browser's time zone (what a date input shows). */
export function isoToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

/** A YYYY-MM-DD date `months` later; the 31st of a short month becomes its last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** A YYYY-MM-DD date `days` later (or earlier). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

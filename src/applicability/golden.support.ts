import { getLibrary } from "../library/library.runtime.ts";
import { assessProfile } from "./applicability.service.ts";
import type { ApplicabilityReport } from "./present.ts";

/** Runs a profile through the shipped library, the way the API does. */
export function assess(facts: Record<string, unknown>, asOf: string): ApplicabilityReport {
  return assessProfile(getLibrary(), facts, asOf, "en");
}

export function primaryOf(report: ApplicabilityReport, scheme: string): string | null {
  return report.classifications.find((c) => c.scheme === scheme)?.primary?.value ?? null;
}

export function valuesOf(report: ApplicabilityReport, scheme: string, timing?: "current" | "upcoming"): string[] {
  const c = report.classifications.find((x) => x.scheme === scheme);
  return (c?.values ?? []).filter((v) => !timing || v.timing === timing).map((v) => v.value);
}

/** Ids of the framework's applicable requirements, optionally only those applying now or later. */
export function requirementIds(report: ApplicabilityReport, framework: string, timing?: "current" | "upcoming"): string[] {
  return report.requirements.filter((r) => r.framework === framework && (!timing || r.timing === timing)).map((r) => r.id);
}

/** Requirement ids directly under (or equal to) an article-level id such as `art-26`. */
export function under(ids: string[], prefix: string): string[] {
  return ids.filter((id) => id === prefix || id.startsWith(`${prefix}.`));
}

import type { Locale } from "../../api/types.ts";

/** A system's name in `lang`, else in the other language (both are required, but imports may leave one blank). */
export function systemName(s: { nameJa: string; nameEn: string }, lang: Locale): string {
  return (lang === "ja" ? s.nameJa || s.nameEn : s.nameEn || s.nameJa) ?? "";
}

export type SystemTab = "overview" | "profile" | "requirements" | "assessments" | "related" | "card" | "history";
export const SYSTEM_TABS: readonly SystemTab[] = ["overview", "profile", "requirements", "assessments", "related", "card", "history"];

/** `/systems/<id>`, optionally on a tab and an assessment. */
export function systemPath(id: string, tab?: SystemTab, assessment?: string): string {
  const params = new URLSearchParams();
  if (tab && tab !== "overview") params.set("tab", tab);
  if (assessment) params.set("assessment", assessment);
  const q = params.toString();
  return `/systems/${encodeURIComponent(id)}${q ? `?${q}` : ""}`;
}

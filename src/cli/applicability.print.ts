import type { ApplicabilityReport } from "../applicability/present.ts";
import { out } from "./context.ts";

export type Lang = "ja" | "en";

/** A library text in the chosen language, falling back to the other one. */
export function pick(t: { ja?: string; en?: string } | undefined, lang: Lang): string {
  return t ? (t[lang] ?? t.en ?? t.ja ?? "") : "";
}

/** The terminal rendering of an applicability report: classifications, frameworks, then reasons. */
export function printReport(r: ApplicabilityReport, lang: Lang): void {
  out(`as of ${r.asOf} (library ${r.libraryVersion})`);
  for (const c of r.classifications) {
    if (!c.values.length && !c.undetermined.length && !c.primary) continue;
    const values = c.values.map((v) => `${pick(v.label, lang)}${v.timing === "upcoming" ? ` (from ${v.from})` : ""}`).join(", ");
    const primary = c.exclusive ? ` → ${c.primary ? pick(c.primary.label, lang) : "undetermined"}` : "";
    out(`${pick(c.name, lang)}${primary}${values ? `  [${values}]` : ""}${c.undetermined.length ? `  undetermined: ${c.undetermined.join(", ")}` : ""}`);
  }
  out("");
  for (const f of r.frameworks) out(`${pick(f.name, lang).padEnd(40)} ${String(f.current).padStart(4)} apply now  ${String(f.upcoming).padStart(4)} later`);
  const later = r.requirements.filter((q) => q.timing === "upcoming");
  if (later.length) {
    out("");
    const byDate = new Map<string, number>();
    for (const q of later) byDate.set(q.from!, (byDate.get(q.from!) ?? 0) + 1);
    for (const [date, n] of [...byDate].sort()) out(`from ${date}: ${n} more requirement(s)`);
  }
  out("");
  for (const e of r.explanations) {
    if (e.kind === "definition" && (e.outcome === "holds" || e.outcome === "does-not-hold")) continue;
    const facts = Object.entries(e.read).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(" ");
    const tail = e.outcome === "undetermined" ? `needs: ${e.missing?.join(", ")}` : e.outcome === "error" ? `ERROR: ${e.error}` : facts;
    out(`${e.outcome === "holds" ? "✓" : e.outcome === "undetermined" ? "?" : "!"} ${pick(e.title, lang)}  — ${tail}`);
  }
  if (r.unanswered.length) out(`\nunanswered: ${r.unanswered.join(", ")}`);
  for (const e of r.errors) out(`rule ${e.id} failed: ${e.message}`);
}

import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { Db } from "../db/connect.ts";
import type { Database } from "../db/schema.ts";
import { defaultLibraryDir } from "../library/library.load.ts";
import { nowIso } from "../platform/time.ts";
import { taxonomyIds } from "../risks/taxonomy.ts";
import { replaceSource } from "./reference.import.ts";
import { HARM_LEVELS, type HarmLevel } from "./vocabulary.ts";

/** The AIID snapshot shipped with Musubi (CC BY-SA 4.0; see its README). */
export function shippedAiidDir(): string {
  return join(defaultLibraryDir(), "reference", "aiid-2025-03");
}

/** The AI Incident Database as a source of reference cases. */
export const AIID_SOURCE = { id: "aiid", name: "AI Incident Database", licence: "CC BY-SA 4.0", url: "https://incidentdatabase.ai" } as const;

/** What an AIID snapshot import did. */
export interface AiidImport {
  incidents: number;
  mitClassified: number;
  csetClassified: number;
  /** Incident numbers AIID lists as duplicates of another; they are not imported. */
  duplicatesSkipped: number;
  ms: number;
}

type Row = Record<string, string>;
const readCsv = (file: string): Row[] => parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true, relax_quotes: true }) as Row[];
const jsonList = (cell: string | undefined): string[] => {
  try {
    const v = JSON.parse(cell || "[]");
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};

/**
 * MIT ids of one AIID "MIT" classification row. The leading numbers carry the domain and
 * sub-domain whatever the label's spelling (`1 Discrimination & Toxicity` and `1. Discrimination and
 * Toxicity` both mean `1`); causal values are matched by name.
 */
export function mitIds(row: Row, valid = taxonomyIds()): string[] {
  const out: string[] = [];
  const domain = /^\s*(\d+)\b/.exec(row["Risk Domain"] ?? "")?.[1];
  const sub = /^\s*(\d+\.\d+)\b/.exec(row["Risk Subdomain"] ?? "")?.[1];
  if (domain) out.push(domain);
  if (sub) out.push(sub);
  for (const dim of ["Entity", "Intent", "Timing"]) {
    const v = (row[dim] ?? "").trim().toLowerCase();
    if (v) out.push(`${dim.toLowerCase()}.${v.replace(/\s+/g, "-")}`);
  }
  return out.filter((id) => valid.has(id));
}

const CSET_LEVEL = new Map<string, HarmLevel>(Object.entries(HARM_LEVELS).map(([id, v]): [string, HarmLevel] => [v.cset, id as HarmLevel]));

/**
 * Imports an AI Incident Database snapshot folder (`incidents.csv`, and when present
 * `classifications_MIT.csv`, `classifications_CSETv1.csv`, `duplicates.csv`) as public reference
 * cases, replacing an earlier AIID import in one transaction. Shared by every organisation, so only
 * the operator (CLI) may run it. AIID is CC BY-SA 4.0; each case links back to its page.
 */
export async function importAiid(db: Db, dir: string): Promise<AiidImport> {
  const started = performance.now();
  const incidents = readCsv(join(dir, "incidents.csv"));
  const mit = existsSync(join(dir, "classifications_MIT.csv")) ? readCsv(join(dir, "classifications_MIT.csv")) : [];
  const cset = existsSync(join(dir, "classifications_CSETv1.csv")) ? readCsv(join(dir, "classifications_CSETv1.csv")) : [];
  const dups = existsSync(join(dir, "duplicates.csv")) ? new Set(readCsv(join(dir, "duplicates.csv")).map((r) => Number(r.duplicate_incident_number))) : new Set<number>();
  const valid = taxonomyIds();
  const mitBy = new Map<number, string[]>();
  for (const r of mit) if (r.Published !== "False") mitBy.set(Number(r["Incident ID"]), mitIds(r, valid));
  const levelBy = new Map<number, HarmLevel>();
  for (const r of cset) {
    const level = CSET_LEVEL.get((r["AI Harm Level"] ?? "").trim());
    if (r.Published !== "False" && level) levelBy.set(Number(r["Incident ID"]), level);
  }
  const now = nowIso();
  const rows: Database["reference_incidents"][] = [];
  let skipped = 0;
  for (const r of incidents) {
    const number = Number(r.incident_id);
    if (!Number.isInteger(number)) continue;
    if (dups.has(number)) {
      skipped++;
      continue;
    }
    const harmLevel = levelBy.get(number);
    rows.push({
      id: `aiid-${number}`,
      source: "aiid",
      number,
      date: /^\d{4}-\d{2}-\d{2}$/.test(r.date ?? "") ? r.date! : null,
      title: (r.title ?? "").trim(),
      description: (r.description ?? "").trim(),
      deployers: JSON.stringify(jsonList(r["Alleged deployer of AI system"])),
      developers: JSON.stringify(jsonList(r["Alleged developer of AI system"])),
      harmed: JSON.stringify(jsonList(r["Alleged harmed or nearly harmed parties"])),
      categories: JSON.stringify(mitBy.get(number) ?? []),
      classifications: JSON.stringify(harmLevel ? { csetv1: { harmLevel } } : {}),
      url: `https://incidentdatabase.ai/cite/${number}`,
      imported_at: now,
      external_id: String(number),
    });
  }
  await replaceSource(db, { ...AIID_SOURCE, cases: rows.length, imported_at: now }, rows);
  return {
    incidents: rows.length,
    mitClassified: rows.filter((r) => r.categories !== "[]").length,
    csetClassified: rows.filter((r) => r.classifications !== "{}").length,
    duplicatesSkipped: skipped,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * Imports the shipped AIID snapshot when the database has no AIID cases yet, so a fresh
 * installation can search public cases without the demo; an operator's own import (a newer
 * snapshot) is left as it is. Answers whether it imported.
 */
export async function ensureShippedReferenceCases(db: Db): Promise<boolean> {
  const present = await db.kysely.selectFrom("reference_incidents").select("id").where("source", "=", AIID_SOURCE.id).limit(1).executeTakeFirst();
  if (present || !existsSync(join(shippedAiidDir(), "incidents.csv"))) return false;
  await importAiid(db, shippedAiidDir());
  return true;
}

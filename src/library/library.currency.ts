import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Library, LibraryProblem, LoadedFramework } from "./library.model.ts";
import { type Amendment, CurrencyAcknowledgements } from "./library.schema.ts";

/** The acknowledgements file, beside the framework folders. */
export const ACK_FILE = "currency-acknowledged.json";

/** Today's date in Japan (YYYY-MM-DD): the library's dates are Japanese or EU calendar dates. */
export function todayInJapan(now = new Date()): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The date a version's stored text is in force from: the consolidation it holds (`textAsOf`), else
 * its last amendment, else its commencement, else its publication. Versions are ordered by this,
 * never by publication date alone (an amendment can be published long before it takes effect).
 */
export function textEffectiveDate(fw: LoadedFramework): string | null {
  const d = fw.file.dates;
  return d.textAsOf ?? d.lastAmendedOn ?? d.effectiveFrom ?? d.publishedOn ?? null;
}

/**
 * The version in force on `asOf`: the latest by text effective date among those already effective;
 * when none is yet effective, the earliest. Versions without dates sort first.
 */
export function versionInForce(versions: Iterable<LoadedFramework>, asOf: string): LoadedFramework {
  const all = [...versions].sort((a, b) => (textEffectiveDate(a) ?? "").localeCompare(textEffectiveDate(b) ?? ""));
  const effective = all.filter((v) => (textEffectiveDate(v) ?? "") <= asOf);
  return effective.at(-1) ?? all[0]!;
}

export interface AmendmentCase {
  framework: string;
  version: string;
  textAsOf: string | null;
  amendment: Amendment;
}

export interface CurrencyReport {
  asOf: string;
  /** In force on `asOf` but not in the stored text: the text is behind the law. */
  inForceNotInText: (AmendmentCase & { acknowledged: { acknowledgedOn: string; reason: { ja?: string; en?: string } } | null })[];
  /** Promulgated, coming into force after `asOf`. */
  upcoming: AmendmentCase[];
  /** Acknowledgements that no longer match a case (fixed, or naming an unknown amendment). */
  staleAcknowledgements: { framework: string; version: string; amendment: string; why: string }[];
}

/** Reads `currency-acknowledged.json` (absent: none); problems are reported, not thrown. */
export function readAcknowledgements(dir: string, problems: LibraryProblem[]): CurrencyAcknowledgements["acknowledged"] {
  const path = join(dir, ACK_FILE);
  if (!existsSync(path)) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    problems.push({ file: ACK_FILE, code: "json", message: (err as Error).message });
    return [];
  }
  const parsed = CurrencyAcknowledgements.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 20)) problems.push({ file: ACK_FILE, code: "schema", at: `/${issue.path.join("/")}`, message: issue.message });
    return [];
  }
  return parsed.data.acknowledged;
}

/**
 * Which known amendments each framework's current text is missing as of a date, and which are
 * coming. Only frameworks whose files list `amendments` take part; the others say nothing.
 */
export function libraryCurrency(library: Library, asOf: string, acks: CurrencyAcknowledgements["acknowledged"] = library.acknowledgements ?? []): CurrencyReport {
  const report: CurrencyReport = { asOf, inForceNotInText: [], upcoming: [], staleAcknowledgements: [] };
  const matched = new Set<number>();
  for (const fw of library.current.values()) {
    const { framework, version, dates, amendments } = fw.file;
    for (const amendment of amendments ?? []) {
      if (amendment.inText) continue;
      const base = { framework, version, textAsOf: dates.textAsOf ?? null, amendment };
      if (amendment.effectiveOn <= asOf) {
        const i = acks.findIndex((a) => a.framework === framework && a.version === version && a.amendment === amendment.id);
        if (i >= 0) matched.add(i);
        const ack = i >= 0 ? { acknowledgedOn: acks[i]!.acknowledgedOn, reason: acks[i]!.reason } : null;
        report.inForceNotInText.push({ ...base, acknowledged: ack });
      } else report.upcoming.push(base);
    }
  }
  acks.forEach((a, i) => {
    if (matched.has(i)) return;
    const fw = library.frameworks.get(a.framework)?.get(a.version);
    const known = fw?.file.amendments?.find((x) => x.id === a.amendment);
    const why = !fw
      ? "no such framework version"
      : library.current.get(a.framework) !== fw
        ? "not the current version"
        : !known
          ? "no such amendment in the framework file"
          : known.inText
            ? "the stored text now includes it"
            : `not in force until ${known.effectiveOn}`;
    report.staleAcknowledgements.push({ framework: a.framework, version: a.version, amendment: a.amendment, why });
  });
  const byDate = (x: AmendmentCase, y: AmendmentCase) => x.amendment.effectiveOn.localeCompare(y.amendment.effectiveOn) || x.framework.localeCompare(y.framework);
  report.inForceNotInText.sort(byDate);
  report.upcoming.sort(byDate);
  return report;
}

/** Cases CI must fail on: an amendment in force that the text lacks and nobody has acknowledged. */
export function unacknowledged(report: CurrencyReport): CurrencyReport["inForceNotInText"] {
  return report.inForceNotInText.filter((c) => c.acknowledged === null);
}

/** Node ids an amendment touches, with their ancestors and descendants (a change to Art. 20(2) changes Art. 20). */
function touchesNode(fw: LoadedFramework, amendment: Amendment, nodeId: string): boolean {
  const touched = amendment.touches?.nodes ?? [];
  if (!touched.length) return false;
  const chain = new Set<string>();
  for (let id: string | undefined = nodeId; id; id = fw.nodesById.get(id)?.parent) chain.add(id);
  return touched.some((t) => {
    if (chain.has(t)) return true; // the node itself or one of its ancestors
    for (let id: string | undefined = t; id; id = fw.nodesById.get(id)?.parent) if (id === nodeId) return true; // a descendant
    return false;
  });
}

/**
 * What a reader of one node must know about its text's currency on `asOf`: amendments in force that
 * the text lacks (they may touch any provision, so every node of the framework shows them), and
 * amendments to come that Musubi reads as touching this node. Null when there is nothing to say.
 */
export function nodeCurrency(fw: LoadedFramework, nodeId: string, asOf: string) {
  const amendments = fw.file.amendments ?? [];
  const brief = (a: Amendment) => ({
    id: a.id,
    lawNumber: a.lawNumber,
    title: a.title,
    effectiveOn: a.effectiveOn,
    ...(a.dateCertainty ? { dateCertainty: a.dateCertainty } : {}),
    ...(a.effectiveOnNote ? { effectiveOnNote: a.effectiveOnNote } : {}),
  });
  const missing = amendments.filter((a) => !a.inText && a.effectiveOn <= asOf).map(brief);
  const changes = amendments
    .filter((a) => !a.inText && a.effectiveOn > asOf && touchesNode(fw, a, nodeId))
    .map((a) => ({ ...brief(a), basis: a.touches!.basis, origin: a.touches!.origin }));
  if (!missing.length && !changes.length) return null;
  return { textAsOf: fw.file.dates.textAsOf ?? null, ...(missing.length ? { missing } : {}), ...(changes.length ? { changes } : {}) };
}

/**
 * Checks the crosswalks under `library/crosswalks/` against the sources they rest on:
 *
 *   npx tsx tools/library/check-crosswalks.ts
 *
 * Each file is parsed with `CrosswalkFile` (src/library/library.schema.ts). Every edge end is then
 * resolved against the raw sources in `../shared/data/sources/` (not the generated framework files,
 * which may not exist yet): NIST ids from the core index, ISO/IEC 42001 ids from the Annex A index,
 * EU AI Act articles / paragraphs / points from the articles JSON, the AI Guidelines' principles from
 * the stored extract, Hiroshima actions and HAIP sections from their known ranges. Where a generated
 * framework file does exist, the id must also be one of its nodes. Prints every problem and exits 1
 * if there is any.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { CrosswalkFile, type CrosswalkEdge } from "../../src/library/library.schema.ts";
import { REPO_ROOT, readSourceJson } from "./common.ts";

const CROSSWALK_DIR = join(REPO_ROOT, "library", "crosswalks");
const FRAMEWORK_DIR = join(REPO_ROOT, "library", "frameworks");
const SCHEMA_REF = "../schema/crosswalk.schema.json";

/** The ids a framework version has according to its source, plus ids that exist but carry no text. */
interface KnownFramework {
  ids: Set<string>;
  /** Ids that are real nodes but whose text is not in Musubi's sources: an edge cannot rest on them. */
  noText?: Set<string>;
  from: string;
}

function range(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
}

function jpGuidelines(): KnownFramework {
  const path = "sources/jp-ai-guidelines-business/etonmu-jp-guidelines-hiroshima-records.json";
  const data = readSourceJson<{ provisions: { id: string; paragraphs?: string[] }[] }>(path);
  const common = data.provisions.find((p) => p.id === "jp-ai-guidelines-1-2-common-principles");
  const ids = new Set<string>(["common-principles"]);
  for (const para of common?.paragraphs ?? []) {
    const m = /^(\d+)\)/.exec(para);
    if (m) ids.add(`principle-${m[1]}`);
  }
  return { ids, from: path };
}

function hiroshima(): KnownFramework {
  const path = "sources/jp-ai-guidelines-business/etonmu-jp-guidelines-hiroshima-records.json";
  const data = readSourceJson<{ provisions: { id: string }[] }>(path);
  const withText = new Set(
    data.provisions
      .map((p) => /^g7-hiroshima-code-action-(\d+)$/.exec(p.id)?.[1])
      .filter((n): n is string => n !== undefined)
      .map((n) => `action-${n}`),
  );
  // The Code of Conduct has 11 actions (shared/data/README.md); only those above have text here.
  const ids = new Set(range("action-", 11));
  const noText = new Set([...ids].filter((id) => !withText.has(id)));
  return { ids, noText, from: `${path} (actions 1–11 per shared/data/README.md)` };
}

function haip(): KnownFramework {
  // Seven sections, titled in shared/data/README.md.
  return { ids: new Set(range("section-", 7)), from: "shared/data/README.md (7 HAIP sections)" };
}

function nist(): KnownFramework {
  const path = "sources/nist-ai-rmf/nist-ai-rmf-1.0-core-index.json";
  const data = readSourceJson<{ items: { id: string }[] }>(path);
  // The index writes "GOVERN 1.1"; library ids are "GOVERN-1.1".
  return { ids: new Set(data.items.map((i) => i.id.trim().replace(/\s+/g, "-"))), from: path };
}

function iso42001(): KnownFramework {
  const path = "sources/iso42001/iso42001-annex-a-index.json";
  const data = readSourceJson<{ items: { id: string }[] }>(path);
  return { ids: new Set(data.items.map((i) => i.id)), from: path };
}

const ROMAN = /^(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv)$/;

/** Article `art-N`, paragraph `art-N.P` (from "P. …"), point `art-N.P.x` (from "(x) …" under P). */
function euAiAct(): KnownFramework {
  const path = "sources/eu-ai-act/eu-ai-act-articles.json";
  const data = readSourceJson<{ articleNumber: string; paragraphs: string[] }[]>(path);
  const ids = new Set<string>();
  for (const article of data) {
    const art = `art-${article.articleNumber}`;
    ids.add(art);
    let para: string | undefined;
    let lastLetter: string | undefined;
    for (const text of article.paragraphs) {
      const p = /^(\d+[a-z]?)\.\s/.exec(text);
      if (p) {
        para = `${art}.${p[1]}`;
        ids.add(para);
        lastLetter = undefined;
        continue;
      }
      const pt = /^\(([a-z]{1,4})\)\s/.exec(text);
      if (!pt || !para) continue;
      const token = pt[1]!;
      // Points run (a), (b), …; "(i)" right after "(h)" is point i, any other roman numeral after a
      // lettered point is a sub-point of it (Art. 13(3)(b)(i)).
      const nextLetter = lastLetter !== undefined && token.length === 1 && token.charCodeAt(0) === lastLetter.charCodeAt(0) + 1;
      if (lastLetter === undefined || nextLetter || !ROMAN.test(token)) {
        lastLetter = token;
        ids.add(`${para}.${token}`);
      } else {
        ids.add(`${para}.${lastLetter}.${token}`);
      }
    }
  }
  return { ids, from: path };
}

function jpAiPromotionAct(): KnownFramework {
  const path = "sources/jp-ai-promotion-act/jp-ai-promotion-act-2025-articles.json";
  const data = readSourceJson<{ articleNumber?: string }[]>(path);
  const ids = new Set(data.flatMap((a) => (a.articleNumber && /^\d+(-\d+)?$/.test(a.articleNumber) ? [`art-${a.articleNumber}`] : [])));
  return { ids, from: path };
}

const KNOWN: Record<string, () => KnownFramework> = {
  "jp-ai-guidelines:1.2": jpGuidelines,
  "hiroshima-code-of-conduct:2023-10-30": hiroshima,
  "oecd-haip:1": haip,
  "nist-ai-rmf:1.0": nist,
  "eu-ai-act:2026-07-27": euAiAct,
  "iso-42001:2023": iso42001,
  "jp-ai-promotion-act:2025": jpAiPromotionAct,
};

const knownCache = new Map<string, KnownFramework>();
function known(key: string): KnownFramework | undefined {
  if (!KNOWN[key]) return undefined;
  if (!knownCache.has(key)) knownCache.set(key, KNOWN[key]!());
  return knownCache.get(key);
}

/** Node ids of a generated framework file, or undefined when the file does not exist yet. */
const generatedCache = new Map<string, Set<string> | null>();
function generatedIds(framework: string, version: string): Set<string> | undefined {
  const key = `${framework}:${version}`;
  if (!generatedCache.has(key)) {
    const path = join(FRAMEWORK_DIR, framework, `${version}.json`);
    if (!existsSync(path)) generatedCache.set(key, null);
    else {
      try {
        const file = JSON.parse(readFileSync(path, "utf8")) as { nodes?: { id: string }[] };
        generatedCache.set(key, new Set((file.nodes ?? []).map((n) => n.id)));
      } catch {
        generatedCache.set(key, null);
      }
    }
  }
  return generatedCache.get(key) ?? undefined;
}

const URN = /^urn:musubi:([a-z0-9-]+):([A-Za-z0-9._-]+):([A-Za-z0-9._()-]+)$/;

function frameworkOf(urn: string): string | undefined {
  const m = URN.exec(urn);
  return m ? `${m[1]}:${m[2]}` : undefined;
}

function main(): void {
  const problems: string[] = [];
  const notes: string[] = [];
  const problem = (file: string, at: string, message: string) => problems.push(`${file}${at ? ` ${at}` : ""}: ${message}`);

  if (!existsSync(CROSSWALK_DIR)) {
    console.error(`no crosswalk folder at ${CROSSWALK_DIR}`);
    process.exit(1);
  }
  const files = readdirSync(CROSSWALK_DIR).filter((f) => f.endsWith(".json")).sort();
  if (files.length === 0) problems.push("library/crosswalks: no crosswalk files");

  const allEdges: CrosswalkEdge[] = [];
  const summary: string[] = [];
  for (const name of files) {
    const rel = `library/crosswalks/${name}`;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(CROSSWALK_DIR, name), "utf8"));
    } catch (err) {
      problem(rel, "", `not valid JSON: ${(err as Error).message}`);
      continue;
    }
    const parsed = CrosswalkFile.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problem(rel, `/${issue.path.join("/")}`, issue.message);
      continue;
    }
    const cw = parsed.data;
    if (cw.id !== basename(name, ".json")) problem(rel, "/id", `id ${cw.id} must match the file name`);
    if (cw.$schema !== SCHEMA_REF) problem(rel, "/$schema", `expected "${SCHEMA_REF}"`);
    for (const lang of ["ja", "en"] as const) {
      if (!cw.name[lang]) problem(rel, "/name", `missing ${lang}`);
      if (!cw.description[lang]) problem(rel, "/description", `missing ${lang}`);
    }

    const fromFrameworks = new Set<string>();
    const toFrameworks = new Set<string>();
    const pairs = new Set<string>();
    const mix: Record<string, number> = {};
    cw.edges.forEach((edge, i) => {
      const at = `/edges/${i}`;
      mix[edge.relationship] = (mix[edge.relationship] ?? 0) + 1;
      for (const [side, urn] of [["from", edge.from], ["to", edge.to]] as const) {
        const m = URN.exec(urn);
        if (!m) {
          problem(rel, at, `${side} ${urn} is not a Musubi URN`);
          continue;
        }
        const [, framework, version, id] = m as unknown as [string, string, string, string];
        const key = `${framework}:${version}`;
        (side === "from" ? fromFrameworks : toFrameworks).add(key);
        const k = known(key);
        if (!k) {
          problem(rel, at, `${side} ${urn}: unknown framework version ${key} (known: ${Object.keys(KNOWN).join(", ")})`);
          continue;
        }
        if (!k.ids.has(id)) problem(rel, at, `${side} ${urn}: id ${id} is not in ${k.from}`);
        else if (k.noText?.has(id)) problem(rel, at, `${side} ${urn}: ${id} has no text in Musubi's sources, so no rationale can rest on it`);
        const generated = generatedIds(framework, version);
        if (generated && !generated.has(id)) problem(rel, at, `${side} ${urn}: id ${id} is not a node of library/frameworks/${framework}/${version}.json`);
      }
      if (edge.from === edge.to) problem(rel, at, "an edge cannot map a node to itself");
      const pair = `${edge.from} ${edge.to}`;
      if (pairs.has(pair)) problem(rel, at, `edge ${edge.from} → ${edge.to} appears twice`);
      pairs.add(pair);
      if (!edge.rationale.en || !edge.rationale.ja) problem(rel, at, "rationale must be given in both ja and en");
      if (edge.provenance === "official" && !edge.source) problem(rel, at, "an official edge must name its source");
      if (edge.provenance === "editorial" && edge.source) problem(rel, at, "an editorial edge names no source document");
    });
    if (fromFrameworks.size > 1) problem(rel, "", `edges start in more than one framework: ${[...fromFrameworks].join(", ")}`);
    if (toFrameworks.size > 1) problem(rel, "", `edges end in more than one framework: ${[...toFrameworks].join(", ")}`);
    allEdges.push(...cw.edges);
    const mixText = Object.entries(mix).map(([r, n]) => `${r} ${n}`).join(", ");
    summary.push(`  ${cw.id}: ${cw.edges.length} edges (${mixText})`);
  }

  // Frameworks whose generated files are not there yet were checked against the sources only.
  for (const key of Object.keys(KNOWN)) {
    const [framework, version] = key.split(":") as [string, string];
    if (allEdges.some((e) => frameworkOf(e.from) === key || frameworkOf(e.to) === key) && !generatedIds(framework, version)) {
      notes.push(`library/frameworks/${framework}/${version}.json is not there yet: ${key} ids were checked against the source only`);
    }
  }

  // The library should let a reader follow one obligation across every hop.
  const chain = ["jp-ai-guidelines:1.2", "hiroshima-code-of-conduct:2023-10-30", "oecd-haip:1", "nist-ai-rmf:1.0", "eu-ai-act:2026-07-27", "iso-42001:2023"];
  const found = findChain(allEdges, chain);
  if (found) notes.push(`multi-hop chain: ${found.join(" → ")}`);
  else problems.push(`no chain of edges runs ${chain.join(" → ")}`);

  console.log(`crosswalks: ${files.length} files, ${allEdges.length} edges`);
  for (const line of summary) console.log(line);
  for (const note of notes) console.log(`note: ${note}`);
  if (problems.length) {
    console.error(`\n${problems.length} problem(s):`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log("ok");
}

/** A path following edges from→to through the frameworks in order, or undefined. */
function findChain(edges: CrosswalkEdge[], frameworks: string[]): string[] | undefined {
  const out = new Map<string, string[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const walk = (urn: string, depth: number): string[] | undefined => {
    if (depth === frameworks.length - 1) return [urn];
    for (const next of out.get(urn) ?? []) {
      if (frameworkOf(next) !== frameworks[depth + 1]) continue;
      const rest = walk(next, depth + 1);
      if (rest) return [urn, ...rest];
    }
    return undefined;
  };
  const starts = [...new Set(edges.map((e) => e.from))].filter((u) => frameworkOf(u) === frameworks[0]);
  for (const start of starts) {
    const path = walk(start, 0);
    if (path) return path.map((u) => u.replace(/^urn:musubi:/, ""));
  }
  return undefined;
}

// CHECK_CROSSWALKS_DUMP=<framework>:<version> lists the ids the checker accepts for that framework.
const dump = process.env.CHECK_CROSSWALKS_DUMP;
if (dump) console.log([...(known(dump)?.ids ?? [])].join("\n"));
else main();

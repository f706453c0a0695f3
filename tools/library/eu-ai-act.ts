/**
 * Generates `library/frameworks/eu-ai-act/2026-07-27.json`: Regulation (EU) 2024/1689 (AI Act) as
 * consolidated with Regulation (EU) 2026/1744, from the EtonMu/global-ai-data-regulation-map records
 * in `../shared/data/sources/eu-ai-act/` (119 articles, 14 annexes).
 *
 * Text is copied, never written: `eu-ai-act.parse.ts` splits each record's paragraph array into
 * nodes, and `test/library-generated.test.ts` proves that the node texts rebuild the source. What
 * this file adds is metadata, and each piece says where it comes from:
 *
 * - dates: each article's `appliesFrom` and `applicability.applicationSchedule` as the source states
 *   them; finer dates only where a schedule entry's scope names the provision (Art. 5(1)(ba), (bb),
 *   5(1a), 5(1b); Art. 6(5)) — the scope strings are checked, so a changed source fails loudly;
 * - `requirement`, `actors`, `tags`: the editorial table {@link DUTIES} below (which paragraphs carry
 *   an obligation and whose), checked against the parsed ids;
 * - actor roles: `definedAt` is found by looking up the Art. 3 point that defines the term, not by
 *   number.
 *
 * Run: `npx tsx tools/library/eu-ai-act.ts`.
 */
import { pathToFileURL } from "node:url";
import type { FrameworkFile, FrameworkNode } from "../../src/library/library.schema.ts";
import { readSourceJson, sourceFile, urnOf, writeFramework } from "./common.ts";
import { nodeText, parseAnnex, parseArticle, type ParsedNode, type SourceAnnex, type SourceArticle } from "./eu-ai-act.parse.ts";
import { musubiJaShortName } from "./names.ja.ts";

const FRAMEWORK = "eu-ai-act";
const VERSION = "2026-07-27";
const ARTICLES = "sources/eu-ai-act/eu-ai-act-articles.json";
const ANNEXES = "sources/eu-ai-act/eu-ai-act-annexes.json";
const UPSTREAM = "EtonMu/global-ai-data-regulation-map @ ba4de241";

const urn = (id: string) => urnOf(FRAMEWORK, VERSION, id);

type Actor = "provider" | "deployer" | "importer" | "distributor" | "authorised-representative" | "product-manufacturer" | "gpai-provider";

/**
 * Which nodes carry an obligation, and whose. An editorial reading of the text (paragraphs that
 * only empower the Commission, allow ("may"), define scope or make exceptions are left out); every
 * id must exist in the parsed text. Where a paragraph's points are the duties themselves
 * ("Providers … shall: (a) …"), the points are flagged, not the paragraph.
 */
const DUTIES: { ids: string[]; actors: Actor[]; tags: string[] }[] = [
  { ids: ["art-4.1"], actors: ["provider", "deployer"], tags: ["ai-literacy"] },
  { ids: ["a", "b", "ba", "bb", "c", "d", "e", "f", "g"].map((p) => `art-5.1.${p}`), actors: ["provider", "deployer"], tags: ["prohibited"] },
  // (h) prohibits only "the use of" real-time remote biometric identification.
  { ids: ["art-5.1.h"], actors: ["deployer"], tags: ["prohibited"] },
  { ids: ["art-6.4"], actors: ["provider"], tags: ["classification"] },
  { ids: ["art-8.1", "art-8.2"], actors: ["provider"], tags: ["high-risk-requirement"] },
  { ids: ["art-9.1", "art-9.2", "art-9.4", "art-9.5", "art-9.6", "art-9.8", "art-9.9"], actors: ["provider"], tags: ["high-risk-requirement"] },
  { ids: ["art-10.1", "art-10.2", "art-10.3", "art-10.4"], actors: ["provider"], tags: ["high-risk-requirement"] },
  { ids: ["art-11.1", "art-11.2"], actors: ["provider"], tags: ["high-risk-requirement"] },
  { ids: ["art-12.1", "art-12.2", "art-12.3"], actors: ["provider"], tags: ["high-risk-requirement"] },
  { ids: ["art-13.1", "art-13.2", "art-13.3"], actors: ["provider"], tags: ["high-risk-requirement"] },
  { ids: ["art-14.1", "art-14.2", "art-14.3", "art-14.4", "art-14.5"], actors: ["provider"], tags: ["high-risk-requirement"] },
  { ids: ["art-15.1", "art-15.3", "art-15.4", "art-15.5"], actors: ["provider"], tags: ["high-risk-requirement"] },
  { ids: "abcdefghijkl".split("").map((p) => `art-16.${p}`), actors: ["provider"], tags: ["provider-obligation"] },
  { ids: ["art-17.1", "art-17.2"], actors: ["provider"], tags: ["provider-obligation"] },
  { ids: ["art-18.1", "art-18.3"], actors: ["provider"], tags: ["provider-obligation"] },
  { ids: ["art-19.1", "art-19.2"], actors: ["provider"], tags: ["provider-obligation"] },
  { ids: ["art-20.1", "art-20.2"], actors: ["provider"], tags: ["provider-obligation"] },
  { ids: ["art-21.1", "art-21.2"], actors: ["provider"], tags: ["provider-obligation"] },
  { ids: ["art-22.1", "art-22.2"], actors: ["provider"], tags: ["provider-obligation"] },
  { ids: ["art-22.3", "art-22.4"], actors: ["authorised-representative"], tags: ["provider-obligation"] },
  { ids: ["art-23.1", "art-23.2", "art-23.3", "art-23.4", "art-23.5", "art-23.6", "art-23.7"], actors: ["importer"], tags: ["importer-obligation"] },
  { ids: ["art-24.1", "art-24.2", "art-24.3", "art-24.4", "art-24.5", "art-24.6"], actors: ["distributor"], tags: ["distributor-obligation"] },
  { ids: ["art-25.1"], actors: ["distributor", "importer", "deployer"], tags: ["value-chain"] },
  { ids: ["art-25.2", "art-25.4"], actors: ["provider"], tags: ["value-chain"] },
  { ids: ["art-25.3"], actors: ["product-manufacturer"], tags: ["value-chain"] },
  // 26(3) only says the duties are "without prejudice" to others.
  { ids: [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((k) => `art-26.${k}`), actors: ["deployer"], tags: ["deployer-obligation"] },
  { ids: ["art-27.1", "art-27.2", "art-27.3"], actors: ["deployer"], tags: ["fria"] },
  { ids: ["art-43.1", "art-43.1.sub-2", "art-43.2", "art-43.3", "art-43.4"], actors: ["provider"], tags: ["conformity-assessment"] },
  { ids: ["art-47.1", "art-47.2", "art-47.3", "art-47.4"], actors: ["provider"], tags: ["declaration-of-conformity"] },
  { ids: ["art-48.1", "art-48.2", "art-48.3", "art-48.4", "art-48.5"], actors: ["provider"], tags: ["ce-marking"] },
  { ids: ["art-49.1", "art-49.2"], actors: ["provider", "authorised-representative"], tags: ["registration"] },
  { ids: ["art-49.3"], actors: ["deployer"], tags: ["registration"] },
  { ids: ["art-49.4"], actors: ["provider", "authorised-representative", "deployer"], tags: ["registration"] },
  // 49(5) does not say who registers.
  { ids: ["art-49.5"], actors: [], tags: ["registration"] },
  { ids: ["art-50.1", "art-50.2"], actors: ["provider"], tags: ["transparency"] },
  { ids: ["art-50.3", "art-50.4"], actors: ["deployer"], tags: ["transparency"] },
  { ids: ["art-50.5"], actors: ["provider", "deployer"], tags: ["transparency"] },
  { ids: ["art-53.1.a", "art-53.1.b", "art-53.1.c", "art-53.1.d", "art-53.3"], actors: ["gpai-provider"], tags: ["gpai"] },
  { ids: ["art-54.1", "art-54.2"], actors: ["gpai-provider"], tags: ["gpai"] },
  { ids: ["art-54.3", "art-54.5"], actors: ["authorised-representative"], tags: ["gpai"] },
  { ids: ["art-55.1.a", "art-55.1.b", "art-55.1.c", "art-55.1.d"], actors: ["gpai-provider"], tags: ["gpai", "gpai-systemic"] },
  { ids: ["art-72.1", "art-72.2", "art-72.3"], actors: ["provider"], tags: ["post-market-monitoring"] },
  { ids: ["art-73.1", "art-73.2", "art-73.3", "art-73.4", "art-73.6"], actors: ["provider"], tags: ["serious-incident"] },
];

/** Tags for an article node and everything under it (Art. 5: see NODE_TAGS and DUTIES). */
const ARTICLE_TAGS: Record<string, string[]> = {
  "3": ["definition"],
  "6": ["classification"],
  ...Object.fromEntries(["8", "9", "10", "11", "12", "13", "14", "15"].map((n) => [n, ["high-risk-requirement"]])),
  ...Object.fromEntries(["16", "17", "18", "19", "20", "21", "22"].map((n) => [n, ["provider-obligation"]])),
  "23": ["importer-obligation"], "24": ["distributor-obligation"], "25": ["value-chain"], "26": ["deployer-obligation"], "27": ["fria"],
  "50": ["transparency"], "53": ["gpai"], "54": ["gpai"], "55": ["gpai", "gpai-systemic"],
};
/** Tags for single nodes. */
const NODE_TAGS: Record<string, string[]> = {
  "art-5": ["prohibited"],
  ...Object.fromEntries(["a", "b", "c", "d"].map((p) => [`art-6.3.${p}`, ["derogation"]])),
};

/** The Art. 3 term that defines each role; `null` where Art. 3 has no definition. */
const ROLES: { id: Actor; name: string; term: string | null; note?: string }[] = [
  { id: "provider", name: "Provider", term: "provider" },
  { id: "deployer", name: "Deployer", term: "deployer" },
  { id: "importer", name: "Importer", term: "importer" },
  { id: "distributor", name: "Distributor", term: "distributor" },
  { id: "authorised-representative", name: "Authorised representative", term: "authorised representative" },
  {
    id: "product-manufacturer", name: "Product manufacturer", term: null,
    note: "Article 3 does not define ‘product manufacturer’; it is named in Article 3, point (8) (‘operator’) and in Article 25(3).",
  },
  {
    id: "gpai-provider", name: "Provider of a general-purpose AI model", term: "provider",
    note: "A provider (Article 3, point (3), which covers whoever develops a general-purpose AI model) of a general-purpose AI model (Article 3, point (63)); its obligations are in Chapter V (Articles 53–55).",
  },
];

/** Node-level dates taken from an article's schedule entry whose scope names the nodes. */
const SCOPED_DATES: { article: string; scope: string; nodes: string[] }[] = [
  { article: "5", scope: "Article 5(1), first subparagraph, points (ba) and (bb), and Article 5(1a) and (1b)", nodes: ["art-5.1.ba", "art-5.1.bb", "art-5.1a", "art-5.1b"] },
  { article: "6", scope: "Article 6(5)", nodes: ["art-6.5"] },
  ...["Article 6(2)/Annex III", "Article 6(1)/Annex I"].map((basis) => ({
    article: "6",
    scope: `Article 6 and Chapter III Sections 1–3 as regards ${basis} high-risk systems, excluding Article 6(5)`,
    nodes: ["1", "1a", "1b", "1c", "2", "3", "4", "6", "7", "8"].map((k) => `art-6.${k}`),
  })),
];

const romanLower = (label: string) => label.replace(/^CHAPTER /, "").toLowerCase();

function scheduleOf(a: SourceArticle, e: SourceArticle["applicability"]["applicationSchedule"][number]) {
  return { appliesFrom: e.appliesFrom, scope: { en: e.scope }, basis: `${a.applicability.basis} (${e.source})` };
}

function articleDates(a: SourceArticle): NonNullable<FrameworkNode["dates"]> {
  return {
    appliesFrom: a.applicability.appliesFrom,
    schedule: a.applicability.applicationSchedule.map((e) => scheduleOf(a, e)),
    status: "in-force",
    note: { en: `The source's status on ${a.applicability.applicationStatusAsOf}: ${lawStatusWords(a.applicability.currentLawStatus)}. ${a.applicability.historyNote}` },
  };
}

/** The source's per-article law status in words. */
function lawStatusWords(status: string): string {
  const words: Record<string, string> = {
    "current-applicable": "applicable",
    "partially-applicable": "partly applicable",
    "in-force-not-yet-applicable": "in force, not yet applicable",
  };
  const w = words[status];
  if (!w) throw new Error(`unknown article status "${status}"; give it words in lawStatusWords`);
  return w;
}

function articleNotes(a: SourceArticle): { en: string }[] {
  if (a.introducedBy) {
    return [{ en: `Inserted by ${a.introducedBy} (${a.amendingSource}); the source gives ${a.amendmentEffectiveFrom} as the date the amendment took effect.` }];
  }
  if (a.amendingSource) {
    return [{
      en: `The source records an amendment of this article by the act at ${a.amendingSource}, effective ${a.amendmentEffectiveFrom}; the text is the consolidation as of ${a.consolidatedAsOf}. The wording before the amendment is not in Musubi's sources.`,
    }];
  }
  return [];
}

function toNode(p: ParsedNode, sourceId: string, url: string | undefined): FrameworkNode {
  const text = nodeText(p);
  const range = p.from < 0 ? "" : p.from === p.to ? `/paragraphs[${p.from}]` : `/paragraphs[${p.from}..${p.to}]`;
  const ref: FrameworkNode["ref"] = { label: { en: p.label } };
  const art = /^art-([0-9a-z]+)/.exec(p.id)?.[1];
  if (art) ref.article = art;
  if (p.paragraph) ref.paragraph = p.paragraph;
  if (p.point) ref.point = p.point;
  const annex = /^annex-([ivx]+)/.exec(p.id)?.[1];
  if (annex) ref.annex = annex.toUpperCase();
  ref.sourcePath = `${sourceId}${range}`;
  if (url) ref.url = url;
  return {
    id: p.id,
    urn: urn(p.id),
    ...(p.parent ? { parent: p.parent } : {}),
    type: p.type,
    ref,
    ...(p.title ? { title: { en: p.title } } : {}),
    ...(text ? { text: { en: text }, textOrigin: { en: "official" as const } } : {}),
    requirement: false,
  };
}

const KEY_ORDER = ["id", "urn", "parent", "type", "ref", "title", "text", "textOrigin", "textNote", "requirement", "actors", "tags", "dates", "refersTo", "notes"] as const;

/** The same node with its keys in one fixed order, so the file reads alike everywhere and diffs stay small. */
function ordered(n: FrameworkNode): FrameworkNode {
  const out: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (n[k] !== undefined) out[k] = n[k];
  if (Object.keys(n).length !== Object.keys(out).length) throw new Error(`${n.id}: a node key is missing from KEY_ORDER`);
  return out as FrameworkNode;
}

function addTags(n: FrameworkNode, tags: string[]) {
  if (!tags.length) return;
  n.tags = [...new Set([...(n.tags ?? []), ...tags])];
}

/** Builds the framework file from the source records; throws when the source no longer fits. */
export function build(): FrameworkFile {
  const articles = readSourceJson<SourceArticle[]>(ARTICLES);
  const annexes = readSourceJson<SourceAnnex[]>(ANNEXES);
  if (articles.length !== 119) throw new Error(`expected 119 articles, found ${articles.length}`);
  if (annexes.length !== 14) throw new Error(`expected 14 annexes, found ${annexes.length}`);

  const nodes: FrameworkNode[] = [];
  const seenGroups = new Set<string>();

  for (const a of articles) {
    if (a.fullText !== a.paragraphs.join("\n\n")) throw new Error(`Article ${a.articleNumber}: fullText is not its paragraphs joined`);
    const chapterId = `chapter-${romanLower(a.chapter.label)}`;
    if (!seenGroups.has(chapterId)) {
      seenGroups.add(chapterId);
      nodes.push({
        id: chapterId, urn: urn(chapterId), type: "chapter",
        ref: { label: { en: `Chapter ${a.chapter.label.replace(/^CHAPTER /, "")}` }, sourcePath: `chapter[id=${a.chapter.id}]` },
        title: { en: a.chapter.title }, requirement: false,
      });
    }
    let parent = chapterId;
    if (a.section) {
      const sectionId = `${chapterId}.section-${a.section.label.replace(/^SECTION /, "")}`;
      if (!seenGroups.has(sectionId)) {
        seenGroups.add(sectionId);
        nodes.push({
          id: sectionId, urn: urn(sectionId), parent: chapterId, type: "section",
          ref: { label: { en: `Chapter ${a.chapter.label.replace(/^CHAPTER /, "")}, Section ${a.section.label.replace(/^SECTION /, "")}` }, sourcePath: `section[id=${a.section.id}]` },
          title: { en: a.section.title }, requirement: false,
        });
      }
      parent = sectionId;
    }
    const parsed = parseArticle(a);
    const articleTags = ARTICLE_TAGS[a.articleNumber] ?? [];
    for (const p of parsed) {
      const isArticle = p.type === "article";
      const n = toNode(p, a.id, isArticle ? a.sourceFragment : undefined);
      if (isArticle) {
        n.parent = parent;
        n.dates = articleDates(a);
        const notes = articleNotes(a);
        if (notes.length) n.notes = notes;
      }
      addTags(n, articleTags);
      addTags(n, NODE_TAGS[p.id] ?? []);
      nodes.push(n);
    }
  }

  for (const x of annexes) {
    if (x.fullText !== x.paragraphs.join("\n\n")) throw new Error(`Annex ${x.annexNumber}: fullText is not its paragraphs joined`);
    for (const p of parseAnnex(x)) {
      const n = toNode(p, x.id, p.type === "annex" ? x.sourceFragment : undefined);
      if (p.type === "annex" && x.amendmentOperations?.length) {
        n.notes = [{
          en: `Amended by the act at ${x.amendingSource}, effective ${x.amendmentEffectiveFrom}: ${x.amendmentOperations.join("; ")} (as the source lists the changes). The text is the consolidation as of ${x.consolidatedAsOf}.`,
        }];
      }
      if (p.id === "annex-i" || p.id.startsWith("annex-i.")) addTags(n, ["annex-i"]);
      if (/^annex-iii\.\d+(\.[a-z])?$/.test(p.id)) addTags(n, ["annex-iii-area"]);
      nodes.push(n);
    }
  }

  const byId = new Map(nodes.map((n) => [n.id, n]));
  if (byId.size !== nodes.length) throw new Error("duplicate node ids");

  // Obligations.
  for (const duty of DUTIES) {
    for (const id of duty.ids) {
      const n = byId.get(id);
      if (!n) throw new Error(`DUTIES names ${id}, which the source does not have`);
      n.requirement = true;
      if (duty.actors.length) n.actors = [...new Set([...(n.actors ?? []), ...duty.actors])];
      addTags(n, duty.tags);
    }
  }

  // Dates finer than the article, where a schedule entry's scope names the provision.
  const articleByNumber = new Map(articles.map((a) => [a.articleNumber, a]));
  const descendants = (id: string) => nodes.filter((n) => n.id === id || n.id.startsWith(`${id}.`));
  const scoped = new Map<string, { appliesFrom: string; schedule: ReturnType<typeof scheduleOf>[]; scopes: string[] }>();
  for (const s of SCOPED_DATES) {
    const a = articleByNumber.get(s.article)!;
    const entry = a.applicability.applicationSchedule.find((e) => e.scope === s.scope);
    if (!entry) throw new Error(`Article ${s.article}: no schedule entry with scope "${s.scope}"`);
    for (const id of s.nodes) {
      if (!byId.has(id)) throw new Error(`SCOPED_DATES names ${id}, which the source does not have`);
      for (const d of descendants(id)) {
        const cur = scoped.get(d.id) ?? { appliesFrom: entry.appliesFrom, schedule: [], scopes: [] };
        if (entry.appliesFrom < cur.appliesFrom) cur.appliesFrom = entry.appliesFrom;
        cur.schedule.push(scheduleOf(a, entry));
        cur.scopes.push(entry.scope);
        scoped.set(d.id, cur);
      }
    }
  }
  for (const [id, s] of scoped) {
    const many = s.scopes.length > 1;
    const note = `From the article's schedule entr${many ? "ies" : "y"} whose scope names this provision: ${s.scopes.map((x) => `“${x}”`).join("; ")}.`;
    byId.get(id)!.dates = { appliesFrom: s.appliesFrom, schedule: s.schedule, status: "in-force", note: { en: many ? `${note} The application date shown is the earliest of them, as the source does for articles.` : note } };
  }

  // Actor roles: definedAt is the Art. 3 point whose text defines the term.
  const art3Points = nodes.filter((n) => n.parent === "art-3" && n.type === "point");
  const definitionOf = (term: string) => {
    const hit = art3Points.filter((n) => new RegExp(`^\\(\\d+[a-z]?\\) [‘“]${term}[’”] means`).test(n.text?.en ?? ""));
    if (hit.length !== 1) throw new Error(`Article 3: ${hit.length} definitions of ‘${term}’`);
    return hit[0]!;
  };
  // The gpai-provider note cites Art. 3, points (3) and (63): make sure they still say so.
  if (definitionOf("general-purpose AI model").id !== "art-3.63" || definitionOf("provider").id !== "art-3.3"
    || !definitionOf("provider").text!.en!.includes("develops an AI system or a general-purpose AI model")) {
    throw new Error("Article 3, points (3) and (63) no longer read as the gpai-provider role's note says; revisit ROLES");
  }
  const actorRoles = ROLES.map((r) => ({
    id: r.id, name: { en: r.name }, ...(r.term ? { definedAt: definitionOf(r.term).urn } : {}), ...(r.note ? { note: { en: r.note } } : {}),
  }));

  // Numbering gaps in the consolidated text, stated rather than explained.
  const gaps = articles.flatMap((a) => {
    const nums = parseArticle(a).filter((p) => p.type === "paragraph" && p.sub === undefined).map((p) => Number.parseInt(p.paragraph!, 10));
    const missing = [...Array(Math.max(0, ...nums)).keys()].map((k) => k + 1).filter((k) => !nums.includes(k));
    return missing.length ? [`Article ${a.articleNumber} has no paragraph ${missing.join(", ")}`] : [];
  });

  const art113 = articleByNumber.get("113")!;
  const entryIntoForce = art113.applicability.applicationSchedule.find((e) => e.scope === "Entry-into-force and application provision itself");
  const general = articles.flatMap((a) => a.applicability.applicationSchedule).find((e) => e.scope === "General application rule");
  if (!entryIntoForce || !general) throw new Error("Article 113 schedule entries not found");
  const title110 = articleByNumber.get("110")!.paragraphs[2]!;
  const officialTitle = /^(Regulation \(EU\) 2024\/1689 .*?\(Artificial Intelligence Act\))/.exec(title110)?.[1];
  if (!officialTitle || !title110.includes("(OJ L, 2024/1689, 12.7.2024,")) throw new Error("Article 110: the Regulation's title and OJ reference are not where expected");
  const amendedOn = [...new Set(articles.map((a) => a.amendmentEffectiveFrom).filter((d): d is string => !!d))];
  const statusAsOf = [...new Set(articles.map((a) => a.applicability.applicationStatusAsOf))];
  if (amendedOn.length !== 1 || amendedOn[0] !== VERSION || statusAsOf.length !== 1) throw new Error("amendment / status dates are not uniform");

  return {
    format: "musubi-framework/1",
    framework: FRAMEWORK,
    version: VERSION,
    name: { en: `${officialTitle}, as amended by Regulation (EU) 2026/1744 (consolidated as of ${VERSION})` },
    ...musubiJaShortName(FRAMEWORK, "Artificial Intelligence Act"),
    kind: "law",
    jurisdiction: "eu",
    issuer: [{ en: "European Parliament" }, { en: "Council of the European Union" }],
    legalEffect: {
      en: "EU regulation, in force (source: “The Regulation is in force.”). Application dates are provision- and, for Chapter III Sections 1–3, system-category-specific (Article 113 as amended by Regulation (EU) 2026/1744); see each article's dates.",
    },
    dates: {
      // Art. 110 cites the Regulation as "(OJ L, 2024/1689, 12.7.2024, …)".
      publishedOn: "2024-07-12",
      effectiveFrom: entryIntoForce.appliesFrom,
      generalApplicationFrom: general.appliesFrom,
      lastAmendedOn: amendedOn[0]!,
      statusAsOf: statusAsOf[0]!,
    },
    status: { en: `In force; consolidated with Regulation (EU) 2026/1744 as of ${VERSION}. Applicability per provision as of ${statusAsOf[0]} (source).` },
    source: {
      title: { en: "Regulation (EU) 2024/1689 and Regulation (EU) 2026/1744 (EUR-Lex), consolidated and structured by the upstream data project" },
      publisher: [{ en: "EUR-Lex" }],
      reference: { en: "Regulation (EU) 2024/1689, as amended by Regulation (EU) 2026/1744" },
      url: "https://eur-lex.europa.eu/eli/reg/2024/1689/oj/eng",
      files: [
        { ...sourceFile(ARTICLES, "119 articles with per-article application dates"), upstream: UPSTREAM },
        { ...sourceFile(ANNEXES, "14 annexes"), upstream: UPSTREAM },
      ],
    },
    licence: [
      {
        appliesTo: "en-text",
        name: "EU legal text: reuse under Commission Decision 2011/833/EU",
        url: "https://eur-lex.europa.eu",
        attribution: "© European Union, https://eur-lex.europa.eu",
      },
      {
        appliesTo: "metadata",
        name: "CC BY 4.0",
        url: "https://creativecommons.org/licenses/by/4.0/",
        attribution: `Article metadata (application dates, amendment records, structure) from ${UPSTREAM} (data/v2), CC BY 4.0`,
      },
    ],
    actorRoles,
    silence: [
      { en: "No Japanese text: the source has the English text only. Musubi stores no Japanese translation of the AI Act, and no Japanese titles." },
      {
        en: "Pre-amendment application dates: the sources give the application dates of Article 113 as amended by Regulation (EU) 2026/1744, not the dates in the original text of Regulation (EU) 2024/1689, which are not in Musubi's sources. No provision therefore shows an original application date.",
      },
      { en: "The source gives no application dates for the annexes." },
      { en: "The recitals are not in the source: only the 119 articles and 14 annexes are stored." },
      {
        en: `The consolidation as of ${VERSION} is source-derived (the upstream project labels it “source-derived-current-consolidation-as-of-${VERSION}”), combining the Official Journal texts of Regulation (EU) 2024/1689 and Regulation (EU) 2026/1744.`,
      },
      ...(gaps.length ? [{ en: `Numbering gaps in the consolidated text, which the source does not explain: ${gaps.join("; ")}.` }] : []),
    ],
    nodes: nodes.map(ordered),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  console.log(writeFramework(build()));
}

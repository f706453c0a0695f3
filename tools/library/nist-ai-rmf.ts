/**
 * Generates `library/frameworks/nist-ai-rmf/1.0.json`: the AI RMF 1.0 Core (NIST AI 100-1) —
 * 4 functions, 19 categories, 72 subcategories.
 *
 * Two sources, used for different things:
 * - `nist-ai-rmf-1.0-core-index.json` (derived from intuitem/ciso-assistant-community) gives the
 *   list, order and hierarchy. Its ids ("GOVERN 1.1") become node ids with the space replaced by a
 *   hyphen ("GOVERN-1.1"), because library ids cannot contain spaces; the label keeps the original.
 * - `us-nist-ai-rmf-1-0-corpus.json` (the full text of NIST AI 100-1, checked against the PDF by the
 *   upstream project) gives the text wherever it has the unit, because it is the closer copy of the
 *   publication: the index lost the hyphens of words broken across PDF lines ("contextspecific").
 *   Where the two differ the node says so in `notes`; `ref.sourcePath` names the file the text is from.
 *
 * The index's one-line function summaries ("A culture of risk management is cultivated and
 * present.") are not in the corpus, so function nodes carry the corpus's Section 5.x text and
 * mention the summary as a note.
 *
 * Run: `npx tsx tools/library/nist-ai-rmf.ts`.
 */
import { pathToFileURL } from "node:url";
import type { FrameworkFile, FrameworkNode } from "../../src/library/library.schema.ts";
import { readSourceJson, sourceFile, urnOf, writeFramework } from "./common.ts";
import { musubiJaShortName } from "./names.ja.ts";

const FRAMEWORK = "nist-ai-rmf";
const VERSION = "1.0";
const INDEX = "sources/nist-ai-rmf/nist-ai-rmf-1.0-core-index.json";
const CORPUS = "sources/nist-ai-rmf/us-nist-ai-rmf-1-0-corpus.json";
const MANIFEST = "sources/nist-ai-rmf/us-nist-ai-rmf-1-0-corpus-manifest.json";
const EXPECTED = { functions: 4, categories: 19, subcategories: 72 } as const;

interface IndexFile {
  source: string;
  functions: number;
  categories: number;
  subcategories: number;
  items: { id: string; depth: 1 | 2 | 3; text: string }[];
}

interface CorpusUnit {
  id: string;
  unitType: string;
  unitNumber: string | null;
  title: string;
  fullText: string;
  paragraphs: string[];
  sourcePages: string;
  officialOutcomeIdentifier?: string;
  function?: string;
}

interface Manifest {
  officialTitle: string;
  publicationNumber: string;
  doi: string;
  publishedOn: string;
  currentVersion: { version: string; statusAsOf: string; status: string; revisionAuditConclusion: string };
  rights: { attributionRecommendation: string; sourceUrl: string };
}

const TYPES = { 1: "function", 2: "category", 3: "subcategory" } as const;
const FUNCTION_SECTIONS: Record<string, string> = { GOVERN: "5.1", MAP: "5.2", MEASURE: "5.3", MANAGE: "5.4" };
/** NIST-authored words in the Executive Summary that name the Framework's addressees. */
const AI_ACTORS_PHRASE = "organizations and individuals – referred to here as AI actors";

const idOf = (sourceId: string) => sourceId.replace(/ /g, "-");

/** Builds the framework file; throws when the counts are not 4/19/72 in either source. */
export function build(): FrameworkFile {
  const index = readSourceJson<IndexFile>(INDEX);
  const corpus = readSourceJson<CorpusUnit[]>(CORPUS);
  const manifest = readSourceJson<Manifest>(MANIFEST);

  const count = (depth: number) => index.items.filter((i) => i.depth === depth).length;
  const counts = { functions: count(1), categories: count(2), subcategories: count(3) };
  for (const key of Object.keys(EXPECTED) as (keyof typeof EXPECTED)[]) {
    if (counts[key] !== EXPECTED[key] || index[key] !== EXPECTED[key]) {
      throw new Error(`NIST AI RMF core index: expected ${EXPECTED[key]} ${key}, found ${counts[key]} (declared ${index[key]})`);
    }
  }
  const corpusCounts = {
    functions: corpus.filter((u) => u.unitType === "function").length,
    categories: corpus.filter((u) => u.unitType === "core-category").length,
    subcategories: corpus.filter((u) => u.unitType === "core-subcategory").length,
  };
  for (const key of Object.keys(EXPECTED) as (keyof typeof EXPECTED)[]) {
    if (corpusCounts[key] !== EXPECTED[key]) throw new Error(`NIST AI RMF corpus: expected ${EXPECTED[key]} ${key}, found ${corpusCounts[key]}`);
  }

  const byOutcome = new Map(corpus.filter((u) => u.officialOutcomeIdentifier).map((u) => [u.officialOutcomeIdentifier!, u]));
  const bySection = new Map(corpus.filter((u) => u.unitType === "function").map((u) => [u.unitNumber!, u]));
  const executiveSummary = corpus.find((u) => u.id === "us-nist-ai-rmf-1-0-executive-summary");
  if (!executiveSummary?.fullText.includes(AI_ACTORS_PHRASE)) throw new Error("the Executive Summary no longer names AI actors as expected");

  const nodes: FrameworkNode[] = [];
  let currentFunction = "";
  let currentCategory = "";
  for (const item of index.items) {
    const id = idOf(item.id);
    if (!/^[A-Z]+(-\d+(\.\d+)?)?$/.test(id)) throw new Error(`unexpected NIST id ${item.id}`);
    const type = TYPES[item.depth];
    let parent: string | undefined;
    if (item.depth === 1) currentFunction = id;
    else if (item.depth === 2) {
      parent = currentFunction;
      currentCategory = id;
    } else parent = currentCategory;
    if (parent && !id.startsWith(`${parent}${item.depth === 2 ? "-" : "."}`)) throw new Error(`${item.id} is not under ${parent}`);

    const unit = item.depth === 1 ? bySection.get(FUNCTION_SECTIONS[item.id] ?? "") : byOutcome.get(item.id);
    if (!unit) throw new Error(`${item.id}: not found in the corpus`);
    if (item.depth === 1 && unit.title.toUpperCase() !== item.id) throw new Error(`${item.id}: corpus section ${unit.unitNumber} is "${unit.title}"`);

    const notes: { en: string }[] = [];
    if (item.depth === 1) {
      notes.push({
        en: `Text: NIST AI 100-1 Section ${unit.unitNumber} (stored text). The upstream core index's one-line summary, “${item.text}”, is not in the stored text of NIST AI 100-1.`,
      });
    } else if (unit.fullText !== item.text) {
      notes.push({ en: `Text: the stored text of NIST AI 100-1. The upstream core index reads differently here: “${item.text}”` });
    }
    nodes.push({
      id,
      urn: urnOf(FRAMEWORK, VERSION, id),
      ...(parent ? { parent } : {}),
      type,
      ref: {
        label: { en: item.id },
        sourcePath: `${CORPUS.split("/").pop()}#${unit.id}`,
        page: unit.sourcePages,
      },
      ...(item.depth === 1 ? { title: { en: unit.title } } : {}),
      text: { en: unit.fullText },
      textOrigin: { en: "official" },
      requirement: item.depth === 3,
      ...(notes.length ? { notes } : {}),
    });
  }

  return {
    format: "musubi-framework/1",
    framework: FRAMEWORK,
    version: VERSION,
    name: { en: manifest.officialTitle },
    ...musubiJaShortName(FRAMEWORK, `${manifest.publicationNumber} (AI RMF ${VERSION})`),
    kind: "voluntary-framework",
    jurisdiction: "us",
    issuer: [{ en: "National Institute of Standards and Technology (NIST), U.S. Department of Commerce" }],
    legalEffect: { en: "Voluntary, non-binding risk management framework (the source classes it as “voluntary-non-binding-risk-management-framework”)." },
    dates: { publishedOn: manifest.publishedOn, effectiveFrom: null, statusAsOf: manifest.currentVersion.statusAsOf },
    status: { en: `Current published version; revision in progress. ${manifest.currentVersion.revisionAuditConclusion}` },
    source: {
      title: { en: `${manifest.publicationNumber}, ${manifest.officialTitle}` },
      publisher: [{ en: "National Institute of Standards and Technology (NIST)" }],
      reference: { ja: manifest.publicationNumber, en: `${manifest.publicationNumber}, ${manifest.doi.replace("https://doi.org/", "doi:")}` },
      url: manifest.doi,
      files: [
        { ...sourceFile(INDEX, "ids, order and hierarchy of the Core"), upstream: index.source },
        { ...sourceFile(CORPUS, "text of functions, categories and subcategories"), upstream: "EtonMu/global-ai-data-regulation-map data/v2 @ 9265421c" },
        { ...sourceFile(MANIFEST, "publication and status metadata"), upstream: "EtonMu/global-ai-data-regulation-map data/v2 @ 9265421c" },
      ],
    },
    licence: [
      {
        appliesTo: "all",
        name: "US Government work (17 U.S.C. §105)",
        url: manifest.rights.sourceUrl,
        attribution: `${manifest.publicationNumber}, ${manifest.officialTitle}, National Institute of Standards and Technology, ${manifest.doi}. Republished courtesy of the National Institute of Standards and Technology.`,
      },
    ],
    actorRoles: [
      {
        id: "ai-actor",
        name: { en: "AI actor" },
        note: {
          en: `NIST AI 100-1, Executive Summary: the Framework is designed to equip “${AI_ACTORS_PHRASE}”, and adopts the OECD's definition of AI actors (see its Appendix A). The Executive Summary is not an entry of the library, so no definition is linked for the role; the OECD wording is third-party material and is not reproduced.`,
        },
      },
    ],
    silence: [
      { en: "No Japanese text: NIST AI 100-1 is in English only in Musubi's sources; no Japanese translation or titles are stored." },
      {
        en: "The Core does not assign AI actors to individual categories or subcategories, so no entry names an actor. The AI RMF Playbook (which suggests actions and actors per subcategory) is not in Musubi's sources.",
      },
      { en: "In the source, categories and subcategories have no titles apart from their ids (e.g. GOVERN 1.1); they are shown without a title." },
    ],
    nodes,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  console.log(writeFramework(build()));
}

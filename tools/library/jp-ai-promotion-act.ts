/**
 * Generates `library/frameworks/jp-ai-promotion-act/2025.json` — 人工知能関連技術の研究開発及び活用の推進に
 * 関する法律 (Act No. 53 of 2025) — from `../shared/data/sources/jp-ai-promotion-act/`.
 *
 * All 28 articles and the current supplementary provisions, as article → paragraph (項) → item (号)
 * nodes under chapter nodes. Japanese text comes from the e-Gov XML (official), English from the
 * upstream JSON's Japanese Law Translation reference (no legal effect), chapter titles in English from
 * the JLT XML. The only judgement in this file is `ANNOTATIONS` (who a provision addresses, which are
 * duties); everything else is copied, and quotations in notes are checked against the text.
 *
 * Run: `npx tsx tools/library/jp-ai-promotion-act.ts`. `build()` is exported for the determinism test.
 */
import { pathToFileURL } from "node:url";
import type { FrameworkFile, FrameworkNode, ObligationKind } from "../../src/library/library.schema.ts";
import { readSource, readSourceJson, sha256OfSource, sourceFile, urnOf, writeFramework } from "./common.ts";
import { type ArticleRecord, articleNodes, EGOV_PUBLISHERS, headingNode, kid, kids, lawNumberOf, mainArticles, parseXml, quote, supplArticles, textOf } from "./egov.ts";

const FW = "jp-ai-promotion-act";
const VERSION = "2025";
const DIR = "sources/jp-ai-promotion-act";
const F = {
  articles: `${DIR}/jp-ai-promotion-act-2025-articles.json`,
  manifest: `${DIR}/jp-ai-promotion-act-2025-corpus-manifest.json`,
  xml: `${DIR}/jp-ai-promotion-act-507AC0000000053-current-2026-07-20.xml`,
  revisions: `${DIR}/jp-ai-promotion-act-507AC0000000053-revisions-2026-07-20.json`,
  enXml: `${DIR}/jp-ai-promotion-act-government-en-reference.xml`,
};
const UPSTREAM = "EtonMu/global-ai-data-regulation-map@9265421c";

interface Manifest {
  officialTitle: string;
  englishReferenceTitle: string;
  currentVersion: { asOf: string; revisionId: string; promulgatedOn: string; partlyEffectiveFrom: string; fullyEffectiveFrom: string; status: string; promulgatedFutureRevisionCount: number };
  corpus: { path: string; mainArticleCount: number; currentSupplementaryArticleCount: number };
  translation: { source: string; translatedOn: string; publishedOnDatabase: string; versionDifference: string; legalEffect: string };
  rights: Record<"primaryJapaneseText" | "referenceTranslation", { license: string; licenseUrl: string; attribution: string }>;
  sourceSnapshots: { path: string; sourceUrl: string; sha256: string }[];
}
interface Revisions { law_info: { law_num: string }; revisions: { law_revision_id: string; abbrev: string }[] }
type Block = ArticleRecord & { source: string };

const ACT = ["state", "local-government", "research-institution", "business-operator", "citizen"] as const;
type Actor = (typeof ACT)[number];
interface Annotation { requirement?: boolean; actors?: Actor[]; tags?: string[]; notes?: FrameworkNode["notes"] }

/**
 * Musubi's reading of who each provision addresses. Actors are set only where the text names the
 * subject (国, 地方公共団体, 国民, 研究開発機関, 活用事業者). Arts 6–7 are the only duties the Act puts on
 * research institutions and businesses, and they are best-effort (努める) and cooperation (協力) duties
 * with no penalty. Arts 16 and 25 bind the State: they are not requirements of a business, but
 * "what the State may do that concerns you" (rules/japan.json shows them under that scheme).
 * Everything not listed here is `requirement: false`.
 */
const ANNOTATIONS: Record<string, Annotation> = {
  "art-4": { actors: ["state"] }, "art-4.1": { actors: ["state"] }, "art-4.2": { actors: ["state"] },
  "art-5": { actors: ["local-government"] }, "art-5.1": { actors: ["local-government"] },
  "art-6": { requirement: true, actors: ["research-institution"], tags: ["business-duty", "best-effort"] },
  "art-6.1": { requirement: true, actors: ["research-institution"], tags: ["business-duty", "best-effort"] },
  "art-6.2": { actors: ["state", "local-government"] },
  "art-6.3": { requirement: true, actors: ["research-institution"], tags: ["business-duty", "best-effort"] },
  "art-7": { requirement: true, actors: ["business-operator"], tags: ["business-duty", "best-effort"] },
  "art-7.1": { requirement: true, actors: ["business-operator"], tags: ["business-duty", "best-effort"] },
  "art-8": { actors: ["citizen"] }, "art-8.1": { actors: ["citizen"] },
  ...Object.fromEntries(["9", "10", "11", "12", "13", "14", "15", "17"].flatMap((n): [string, Annotation][] => [[`art-${n}`, { actors: ["state"] }], [`art-${n}.1`, { actors: ["state"] }]])),
  "art-16": { actors: ["state", "research-institution", "business-operator"], tags: ["state-power"] },
  "art-16.1": { actors: ["state", "research-institution", "business-operator"], tags: ["state-power"] },
  "art-25": { tags: ["state-power"] },
  "art-25.1": { actors: ["local-government"], tags: ["state-power"] },
  "art-25.2": { tags: ["state-power"] },
  "art-2": { tags: ["definition"] }, "art-2.1": { tags: ["definition"] },
};

/**
 * The obligation each provision states, by its words: `[kinds, Japanese words, English words]`,
 * quoted from the paragraph (checked by `quote()`). An article carries the union of its paragraphs'.
 * Musubi's classification of the wording; the words are the Act's and the government translation's.
 */
const OBLIGATIONS: Record<string, [ObligationKind[], string[], string[]]> = {
  "art-4.1": [["state-measure"], ["国は", "責務を有する"], ["national government is responsible for"]],
  "art-4.2": [["state-measure"], ["国は", "進めるものとする"], ["national government is to promote"]],
  "art-5.1": [["local-government-measure"], ["地方公共団体は", "責務を有する"], ["local governments is responsible for"]],
  "art-6.1": [["best-effort", "cooperation"], ["積極的に努める", "協力するよう努めるものとする"], ["are to endeavor positively", "endeavor to cooperate with the measures"]],
  "art-6.2": [["state-measure", "local-government-measure"], ["国及び地方公共団体は", "努める", "配慮しなければならない"], ["the national government and a local government must endeavor"]],
  "art-6.3": [["best-effort"], ["学際的又は総合的な研究開発に努めるものとする"], ["is to endeavor to conduct interdisciplinary or comprehensive research and development"]],
  "art-7.1": [["best-effort", "cooperation"], ["新産業の創出に努める", "協力しなければならない"], ["is to endeavor to enhance", "must cooperate with the measures"]],
  "art-8.1": [["best-effort", "cooperation"], ["協力するよう努めるものとする"], ["are to endeavor to deepen", "to cooperate with the measures"]],
  ...Object.fromEntries(["9", "10", "11", "12", "13", "14", "15", "17"].map((n): [string, [ObligationKind[], string[], string[]]] => [`art-${n}.1`, [["state-measure"], ["国は", "ものとする"], ["national government is to"]]])),
  "art-16.1": [["state-measure"], ["国は", "指導、助言、情報の提供その他の必要な措置を講ずるものとする"], ["national government is to", "is to give guidance, advice"]],
  "art-18.1": [["state-measure"], ["政府は", "人工知能基本計画", "を定めるものとする"], ["government is to establish a basic plan"]],
  "art-25.1": [["state-measure"], ["本部は", "必要な協力を求めることができる"], ["the headquarters", "they may request"]],
  "art-25.2": [["state-measure"], ["本部は", "必要な協力を依頼することができる"], ["the headquarters", "they may ask for necessary cooperation"]],
  "suppl-art-2.1": [["state-measure"], ["政府は", "所要の措置を講ずるものとする"], ["government is to review"]],
};

/** Words whose presence would mean a penal provision; the Act's text must contain none of them. */
const PENAL_TERMS = ["罰則", "罰金", "拘禁刑", "懲役", "禁錮", "過料", "科料"];

/** The upstream data's status of the current text, in words. */
function statusWords(status: string): string {
  const words: Record<string, string> = { "current-fully-in-force": "fully in force" };
  const w = words[status];
  if (!w) throw new Error(`${F.manifest}: unknown status "${status}"; give it words in statusWords`);
  return w;
}

/** The quotations behind the Art. 16 / Art. 25 notes; `quote()` proves each is in the text. */
function stateNotes(byId: Map<string, FrameworkNode>): Record<string, FrameworkNode["notes"]> {
  const t = (id: string) => byId.get(id)!.text!;
  const q16ja = [
    quote(t("art-16.1").ja, "不正な目的又は不適切な方法による人工知能関連技術の研究開発又は活用に伴って国民の権利利益の侵害が生じた事案の分析及びそれに基づく対策の検討", "art-16"),
    quote(t("art-16.1").ja, "その結果に基づいて、研究開発機関、活用事業者その他の者に対する指導、助言、情報の提供その他の必要な措置を講ずるものとする。", "art-16"),
  ];
  const q16en = [
    quote(t("art-16.1").en, "analyze cases where the citizens' rights and interests are infringed due to research and development, or utilization of artificial intelligence-related technology by wrongful purposes or inappropriate methods", "art-16"),
    quote(t("art-16.1").en, "is to give guidance, advice to a research and development institute, a utilization business operator and other people, and provide information for them, or take other necessary measures.", "art-16"),
  ];
  const q25ja = [quote(t("art-25.1").ja, "資料の提出、意見の表明、説明その他必要な協力を求めることができる。", "art-25"), quote(t("art-25.2").ja, "前項に規定する者以外の者に対しても、必要な協力を依頼することができる。", "art-25")];
  const q25en = [
    quote(t("art-25.1").en, "to submit materials, express opinions, give explanations and provide other necessary cooperation.", "art-25"),
    quote(t("art-25.2").en, "they may ask for necessary cooperation from a person other than those prescribed in the preceding paragraph.", "art-25"),
  ];
  const jaQ = (qs: string[]) => `条文からの引用：${qs.map((s) => `「${s}」`).join("……")}`;
  const enQ = (qs: string[]) => `Quoted from the government reference translation: ${qs.map((s) => `"${s}"`).join(" … ")}`;
  return {
    "art-16": [
      { ja: jaQ(q16ja), en: enQ(q16en) },
      {
        ja: "（Musubi による要約。条文の文言ではない）本条の主語は国である。国は、不正な目的又は不適切な方法による研究開発・活用に伴って国民の権利利益の侵害が生じた事案の分析等の調査研究を行い、その結果に基づいて、研究開発機関・活用事業者その他の者に指導、助言、情報の提供その他の措置を講ずる。事業者にはこの経路で及ぶ。本条自体は事業者の義務を定める文言を含まない。",
        en: "(Paraphrase by Musubi, not the statute's words) The subject of this Article is the national government. It analyses cases in which citizens' rights and interests were infringed through research and development or utilisation of AI-related technology for wrongful purposes or by inappropriate methods, and on the results gives guidance, advice and information to research and development institutes, utilization business operators and others, or takes other necessary measures. That is how the Article reaches businesses; its text states no obligation of the businesses themselves.",
      },
    ],
    "art-25": [
      { ja: jaQ(q25ja), en: enQ(q25en) },
      {
        ja: "（Musubi による要約。条文の文言ではない）第一項は、人工知能戦略本部が、関係行政機関、地方公共団体、独立行政法人及び地方独立行政法人の長並びに特殊法人の代表者に、資料の提出、意見の表明、説明その他の協力を求めることができるとする。第二項は、特に必要があると認めるときは、それ以外の者にも協力を依頼できるとする。第二項は対象者を限定していないため、研究開発機関や活用事業者も含まれうる（Musubi の読み方）。",
        en: "(Paraphrase by Musubi, not the statute's words) Paragraph 1 lets the Artificial Intelligence Strategic Headquarters request materials, opinions, explanations and other cooperation from the heads of relevant administrative bodies, local governments, incorporated administrative agencies and local incorporated administrative agencies, and from representatives of special corporations. Paragraph 2 lets it ask any other person for necessary cooperation where it finds this particularly necessary. Paragraph 2 does not name or limit those persons, so it can reach research and development institutes and utilization business operators (Musubi's reading).",
      },
    ],
  };
}

export function build(): FrameworkFile {
  const manifest = readSourceJson<Manifest>(F.manifest);
  const records = readSourceJson<Block[]>(F.articles);
  const revisions = readSourceJson<Revisions>(F.revisions);
  for (const snap of manifest.sourceSnapshots) {
    const local = Object.values(F).find((f) => f.endsWith(snap.path.split("/").at(-1)!));
    if (local && sha256OfSource(local) !== snap.sha256) throw new Error(`${local}: SHA-256 differs from the manifest's`);
  }
  const law = parseXml(readSource(F.xml));
  const arts = mainArticles(law);
  const suppl = supplArticles(law);
  if (arts.length !== manifest.corpus.mainArticleCount) throw new Error(`expected ${manifest.corpus.mainArticleCount} articles, XML has ${arts.length}`);
  if (suppl.length !== manifest.corpus.currentSupplementaryArticleCount) throw new Error(`supplementary articles: XML has ${suppl.length}`);

  // English chapter titles: "Chapter I General Provisions" → "General Provisions".
  const enLaw = parseXml(readSource(F.enXml));
  const enMain = kid(kid(enLaw, "LawBody")!, "MainProvision")!;
  const lawNumEn = textOf(kid(enLaw, "LawNum")!); // "Act No. 53 of June 4, 2025"
  const authorityNotes = new Set(records.map((r) => r.translations.en.authorityNote));
  if (authorityNotes.size !== 1) throw new Error("expected one English authority note for the whole Act");
  const chapterEn = new Map(kids(enMain, "Chapter").map((c) => [c.attrs.Num!, textOf(kid(c, "ChapterTitle")!).replace(/^Chapter [IVXLC]+ /, "")]));

  const nodes: FrameworkNode[] = [];
  const seen = new Set<string>();
  for (const a of arts) {
    const record = records.find((r) => r.unitType === "article" && r.articleNumber === a.num);
    if (!record) throw new Error(`article ${a.num} missing from the articles JSON`);
    const sourcePath = `MainProvision/Article[@Num='${a.num}']`;
    if (record.sourceXmlPath !== sourcePath) throw new Error(`article ${a.num}: JSON sourceXmlPath ${record.sourceXmlPath}`);
    for (const h of a.headings) {
      if (seen.has(h.id)) continue;
      seen.add(h.id);
      const appliesFrom = [...new Set(arts.filter((x) => x.headings.some((y) => y.id === h.id)).map((x) => records.find((r) => r.articleNumber === x.num)!.appliesFrom))];
      const node = headingNode(FW, VERSION, h, undefined, chapterEn.get(h.num));
      nodes.push(appliesFrom.length === 1 && appliesFrom[0] ? { ...node, dates: { appliesFrom: appliesFrom[0] } } : node);
    }
    nodes.push(
      ...articleNodes(FW, VERSION, a.headings.at(-1)?.id, {
        egov: a, record, prefix: "art", sourcePath,
        en: record.translations.en.paragraphs, jaFlat: record.paragraphs,
        ...(a.caption ? { titleEn: record.translations.en.title } : {}),
        ...(record.appliesFrom ? { dates: { appliesFrom: record.appliesFrom } } : {}),
      }),
    );
  }
  // Supplementary provisions: the JSON block holds one "（caption）\n\n第一条　…" entry per article.
  const block = records.find((r) => r.unitType === "supplementary-provision-block")!;
  suppl.forEach((a, i) => {
    const [capJa, bodyJa] = block.paragraphs[i]!.split("\n\n");
    const [capEn, bodyEn] = block.translations.en.paragraphs[i]!.split("\n\n");
    if (capJa !== a.caption || a.paragraphs.length !== 1 || !bodyJa || !bodyEn) throw new Error(`supplementary article ${a.num}: unexpected JSON shape`);
    nodes.push(
      ...articleNodes(FW, VERSION, undefined, {
        egov: a, record: block, prefix: "suppl-art", sourcePath: `${block.sourceXmlPath}/Article[@Num='${a.num}']`,
        en: [bodyEn], jaFlat: [bodyJa], titleEn: capEn!.replace(/^\((.*)\)$/, "$1"),
        ...(block.appliesFrom ? { dates: { appliesFrom: block.appliesFrom } } : {}),
      }),
    );
  });

  const byId = new Map(nodes.map((n) => [n.id, n]));
  const notes = stateNotes(byId);
  for (const n of nodes) {
    const a = ANNOTATIONS[n.id];
    if (!a) continue;
    if (a.requirement) n.requirement = true;
    if (a.actors) n.actors = [...a.actors];
    if (a.tags) n.tags = [...a.tags];
  }
  for (const [id, ns] of Object.entries(notes)) byId.get(id)!.notes = ns;
  for (const id of Object.keys(ANNOTATIONS)) if (!byId.has(id)) throw new Error(`annotation for unknown node ${id}`);
  for (const [id, [kinds, jaWords, enWords]] of Object.entries(OBLIGATIONS)) {
    const n = byId.get(id);
    if (!n?.text?.ja || !n.text.en) throw new Error(`obligation for unknown or untranslated node ${id}`);
    n.obligation = {
      kinds,
      wording: { ja: jaWords.map((w) => `「${quote(n.text!.ja, w, id)}」`).join("……"), en: enWords.map((w) => `"${quote(n.text!.en, w, id)}"`).join(" … ") },
    };
  }
  // An article (or supplementary article) shows the obligations of its paragraphs.
  for (const n of nodes) {
    if (n.type !== "article" && n.type !== "supplementary-provision") continue;
    const parts = nodes.filter((c) => c.parent === n.id && c.obligation);
    if (!parts.length) continue;
    const kinds = [...new Set(parts.flatMap((c) => c.obligation!.kinds))];
    n.obligation = { kinds, wording: { ja: parts.map((c) => c.obligation!.wording.ja).join("／"), en: parts.map((c) => c.obligation!.wording.en).join(" / ") } };
  }
  // A provision that binds only the State or local governments is never a business's requirement.
  for (const n of nodes) {
    const k = n.obligation?.kinds ?? [];
    if (n.requirement && k.length && k.every((x) => x === "state-measure" || x === "local-government-measure")) throw new Error(`${n.id} binds only the State but is marked a requirement`);
    if (n.requirement && !k.some((x) => x === "best-effort" || x === "cooperation")) throw new Error(`${n.id} is a requirement without its best-effort/cooperation label`);
  }
  const xmlText = readSource(F.xml);
  const penal = PENAL_TERMS.filter((t) => xmlText.includes(t));
  if (penal.length) throw new Error(`the Act's text contains ${penal.join(", ")}: the "no penalties" statement would be wrong`);

  const m = manifest;
  const current = revisions.revisions.find((r) => r.law_revision_id === m.currentVersion.revisionId)!;
  const en = (id: string) => byId.get(id)!.text!.en!;
  const ja = (id: string) => byId.get(id)!.text!.ja!;
  const role = (id: Actor, nameJa: string, nameEn: string, where: string, definedAt?: string) => ({
    id,
    name: { ja: quote(ja(where), nameJa, id), en: quote(en(where).toLowerCase(), nameEn, id) },
    ...(definedAt ? { definedAt: urnOf(FW, VERSION, definedAt) } : {}),
  });
  const upstreamOf = (f: string) => {
    const snap = m.sourceSnapshots.find((s) => s.path.endsWith(f.split("/").at(-1)!));
    if (snap) return `${UPSTREAM} ${snap.path}; originally ${snap.sourceUrl}`;
    return f === F.articles ? `${UPSTREAM} ${m.corpus.path}` : `${UPSTREAM} data/v2/`;
  };
  const file = (f: string, note: string) => ({ ...sourceFile(f, note), upstream: upstreamOf(f) });

  return {
    format: "musubi-framework/1",
    framework: FW,
    version: VERSION,
    name: { ja: m.officialTitle, en: m.englishReferenceTitle },
    // One name for the Act throughout Musubi (questions, results, reports): 「AI推進法」, Musubi's
    // wording; e-Gov's own abbreviation (current.abbrev, 「ＡＩ法」) is kept in the source note.
    shortName: { ja: "AI推進法" },
    shortNameOrigin: { ja: "musubi-editorial" },
    kind: "law",
    jurisdiction: "jp",
    issuer: [{ ja: "国会", en: "National Diet of Japan" }],
    legalEffect: {
      ja: `法律（${revisions.law_info.law_num}）。法的効力を有するのは日本語の本文のみ。英語は政府の参考訳であり法的効力はない。`,
      en: `Act (${lawNumEn}). Only the Japanese text has legal effect. ${m.translation.legalEffect}`,
    },
    dates: {
      publishedOn: m.currentVersion.promulgatedOn,
      effectiveFrom: m.currentVersion.partlyEffectiveFrom,
      generalApplicationFrom: m.currentVersion.fullyEffectiveFrom,
      lastAmendedOn: null,
      statusAsOf: m.currentVersion.asOf,
    },
    penalties: {
      any: false,
      text: {
        ja: `（Musubiの読み方）この法律には罰則がない。第六条・第七条の事業者等の責務は努力義務（「努める」）と協力であり、違反に対する制裁の定めはない。e-Gov の本文（全${arts.length}条及び附則）に「${PENAL_TERMS.join("」「")}」の語がないことを生成時に機械的に確認している。他の法律（個人情報保護法、著作権法等）の罰則は別に適用されうる。`,
        en: `(Musubi's reading) This Act has no penalties. The duties of research institutions and businesses in Articles 6 and 7 are to endeavour (努める) and to cooperate (協力), with no sanction attached. When the library is generated, Musubi checks mechanically that the e-Gov text (all ${arts.length} articles and the supplementary provisions) contains none of the words 「${PENAL_TERMS.join("」「")}」. Penalties under other laws (the APPI, the Copyright Act, etc.) can still apply.`,
      },
      origin: "musubi-editorial",
    },
    status: {
      ja: `施行中：${m.currentVersion.partlyEffectiveFrom} に一部施行、${m.currentVersion.fullyEffectiveFrom} に全部施行（第三章・第四章は後者から）。公布済みの未施行改正は ${m.currentVersion.promulgatedFutureRevisionCount} 件（${m.currentVersion.asOf} 時点）。英語は日本法令外国語訳データベースの参考訳（翻訳日 ${m.translation.translatedOn}）で法的効力はない。`,
      en: `In force: partly from ${m.currentVersion.partlyEffectiveFrom}, fully from ${m.currentVersion.fullyEffectiveFrom} (Chapters III and IV from the latter); ${m.currentVersion.promulgatedFutureRevisionCount} promulgated future revisions as of ${m.currentVersion.asOf} (the source's status: ${statusWords(m.currentVersion.status)}). English: ${records[0]!.translations.en.authorityNote} Translated ${m.translation.translatedOn}, published on the database ${m.translation.publishedOnDatabase}.`,
    },
    source: {
      title: { ja: "e-Gov法令検索（現行法令、2026-07-20時点）及び日本法令外国語訳データベース", en: "e-Gov Law Search (current consolidation as of 2026-07-20) and the Japanese Law Translation Database" },
      publisher: EGOV_PUBLISHERS,
      reference: { ja: lawNumberOf(law), en: lawNumEn },
      url: block.source,
      files: [
        file(F.xml, "e-Gov's law data: Japanese text and structure of every provision"),
        file(F.articles, "the upstream article data: English reference text, English titles, per-article application dates, locations in the e-Gov text; its Japanese text is cross-checked against e-Gov's law data"),
        file(F.manifest, "the upstream data's manifest: dates, counts, rights, snapshot hashes"),
        file(F.revisions, `e-Gov revision history: law number, abbreviation (「${current.abbrev}」; Musubi's short name is 「AI推進法」)`),
        file(F.enXml, "the Japanese Law Translation Database's data: English chapter titles and law number"),
      ],
    },
    licence: [
      { appliesTo: "ja-text", name: m.rights.primaryJapaneseText.license, url: m.rights.primaryJapaneseText.licenseUrl, attribution: m.rights.primaryJapaneseText.attribution },
      { appliesTo: "en-text", name: m.rights.referenceTranslation.license, url: m.rights.referenceTranslation.licenseUrl, attribution: `${m.rights.referenceTranslation.attribution} Reference translation; no legal effect.` },
      { appliesTo: "metadata", name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/", attribution: `Article metadata (English alignment, per-article dates, source paths) from EtonMu/global-ai-data-regulation-map (data/v2, commit 9265421c), CC BY 4.0.` },
    ],
    actorRoles: [
      role("state", "国", "national government", "art-4.1"),
      role("local-government", "地方公共団体", "local government", "art-5.1"),
      role("research-institution", "研究開発機関", "research and development institute", "art-6.1", "art-6.1"),
      role("business-operator", "活用事業者", "utilization business operator", "art-7.1", "art-7.1"),
      role("citizen", "国民", "citizens", "art-8.1"),
    ],
    silence: [
      {
        ja: "第十三条に基づく指針（「人工知能関連技術の研究開発及び活用の適正性確保に関する指針」、2025-12-19 決定）の内容はソースにない。決定日は参照データの説明（Musubi のデータ注記）による記載で、機械可読のソースではない。",
        en: "The guideline under Article 13 (「人工知能関連技術の研究開発及び活用の適正性確保に関する指針」, decided 2025-12-19) is not in the sources: its contents are not included. The date is stated in the reference data's description (Musubi's data notes), not in a machine-readable source.",
      },
      {
        ja: "第十八条の人工知能基本計画（2025-12-23 閣議決定）の内容はソースにない。決定日は参照データの説明（Musubi のデータ注記）による。",
        en: "The Artificial Intelligence Basic Plan under Article 18 (decided by the Cabinet 2025-12-23) is not in the sources: its contents are not included. The date is stated in the reference data's description (Musubi's data notes).",
      },
      {
        ja: "附則第一条ただし書の政令及び第二十八条の政令の本文はソースにない。第三章・第四章の適用日 2025-09-01 は、ソースの条ごとの適用日と e-Gov の改正履歴による。",
        en: "The Cabinet Orders referred to in Supplementary Provisions Article 1 (commencement of Chapters III and IV) and in Article 28 are not in the sources. The date 2025-09-01 for Chapters III and IV is the source's per-article application date and the e-Gov revision history.",
      },
      {
        ja: "e-Gov の法令データでは附則は抄録とされ、第一条・第二条のみを含む。附則第一条が言及する附則第三条・第四条は現行の e-Gov テキストになく、Musubi のライブラリにも含まない。",
        en: `In e-Gov's law data the supplementary provisions are marked as an extract, holding Articles 1 and 2 only; Supplementary Articles 3 and 4, referred to in Supplementary Article 1, are not in the current e-Gov text and not in the library. Source note on the English: ${m.translation.versionDifference}`,
      },
      {
        ja: "第十八条には見出しがない（e-Gov の法令データにこの条の見出しがない）。",
        en: "Article 18 has no caption in the source (e-Gov's law data has no caption for this article); it is shown without a title.",
      },
    ],
    nodes,
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = writeFramework(build());
  console.log(`wrote ${out}`);
}

/**
 * Generates `library/frameworks/jp-appi/2026-07-17.json` — 個人情報の保護に関する法律 (APPI, Act No. 57
 * of 2003) as consolidated up to the revision effective 2026-07-17 — from `../shared/data/sources/jp-appi/`.
 *
 * Not all 185 articles: only those bearing on AI systems (definitions, purpose, acquisition, security,
 * breach reports, third-party and cross-border provision, records, personally referable, pseudonymised
 * and anonymised information). Each is checked against its caption in both the XML and the JSON, so a
 * renumbering upstream stops the build. Japanese text from the e-Gov XML (official), English from the
 * upstream JSON's Japanese Law Translation reference (Act No. 37 of 2021 text, verified upstream as
 * current-equivalent per article; no legal effect).
 *
 * Which articles, tags and duties is Musubi's choice (`INCLUDE`, `TAGS`); actors are mechanical: a
 * duty node addresses each defined business role its own text names.
 *
 * Run: `npx tsx tools/library/jp-appi.ts`. `build()` is exported for the determinism test.
 */
import { pathToFileURL } from "node:url";
import type { FrameworkFile, FrameworkNode } from "../../src/library/library.schema.ts";
import { readSource, readSourceJson, sha256OfSource, sourceFile, urnOf, writeFramework } from "./common.ts";
import { type ArticleRecord, articleNodes, EGOV_PUBLISHERS, headingNode, kanjiNumber, lawNumberOf, mainArticles, parseXml, quote } from "./egov.ts";

const FW = "jp-appi";
const DIR = "sources/jp-appi";
const F = {
  articles: `${DIR}/jp-appi-current-articles.json`,
  manifest: `${DIR}/jp-appi-current-corpus-manifest.json`,
  xml: `${DIR}/jp-appi-415AC0000000057-current-2026-07-20.xml`,
  revisions: `${DIR}/jp-appi-415AC0000000057-revisions-2026-07-20.json`,
  /** The upstream instrument record: the Act's original commencement date (2005-04-01). */
  instruments: "sources/jp-ai-guidelines-business/etonmu-jp-guidelines-hiroshima-records.json",
};
/** The statistical-use change the seed article describes (shared/seeds/002…). */
const SEED_STATISTICS = "../seeds/002_bc554183a2c2aaff.txt";

/**
 * Which provisions a promulgated amendment is expected to change: Musubi's reading, never the
 * source's (the amending text is not in the sources). Keyed by the amending law number; every stage
 * of that law carries the reading, since the sources do not say which stage holds which change.
 */
const TOUCHES: Record<string, { nodes: string[]; basis: { ja: string; en: string }; source: string }> = {
  "令和八年法律第五十六号": {
    nodes: ["art-20.2", "art-27"],
    basis: {
      ja: "（Musubiの読み方）構想記事（Habuka, 2025-10-09）は、統計情報の作成にのみ用いることが担保される場合に、本人の同意なく個人データの第三者提供（第27条）及び要配慮個人情報の取得（第20条第2項）を可能とする改正が検討されていると述べる。この法律がその改正であるとMusubiは読むが、改正文はソースになく、どの施行段階でどの条が改正されるかも分からない。",
      en: "(Musubi's reading) The seed article (Habuka, 2025-10-09) describes an amendment under consideration that would allow third-party provision of personal data (Art. 27) and acquisition of special care-required personal information (Art. 20(2)) without consent where the data is guaranteed to be used only to create statistical information. Musubi reads this Act as that amendment; its text is not in the sources, and which stage changes which provision is not known.",
    },
    source: SEED_STATISTICS,
  },
};
const UPSTREAM = "EtonMu/global-ai-data-regulation-map@9c953b2f";
const EN_STATUS = "government-reference-translation-current-text-equivalent-verified-no-legal-effect";

/** The included articles with the caption each must have (the source decides; a mismatch throws). */
const INCLUDE: Record<string, string> = {
  "2": "定義", "16": "定義", "17": "利用目的の特定", "18": "利用目的による制限", "19": "不適正な利用の禁止",
  "20": "適正な取得", "21": "取得に際しての利用目的の通知等", "23": "安全管理措置", "26": "漏えい等の報告等",
  "27": "第三者提供の制限", "28": "外国にある第三者への提供の制限", "29": "第三者提供に係る記録の作成等",
  "30": "第三者提供を受ける際の確認等", "31": "個人関連情報の第三者提供の制限等", "41": "仮名加工情報の作成等",
  "42": "仮名加工情報の第三者提供の制限等", "43": "匿名加工情報の作成等", "44": "匿名加工情報の提供",
  "45": "識別行為の禁止", "46": "安全管理措置等",
};
/** Definitions articles: `requirement: false`. Every other included article is a duty. */
const DEFINITIONS = new Set(["2", "16"]);

/** Tags per node id; a node also carries its article's tags. Musubi's classification. */
const TAGS: Record<string, string[]> = {
  "art-2": ["definition"], "art-16": ["definition"],
  "art-2.5": ["pseudonymised"], "art-2.6": ["anonymised"], "art-2.7": ["personally-referable"],
  "art-16.5": ["pseudonymised"], "art-16.6": ["anonymised"], "art-16.7": ["personally-referable"],
  "art-17": ["purpose"], "art-18": ["purpose"], "art-19": ["improper-use"], "art-20": ["acquisition"],
  "art-21": ["purpose", "acquisition"], "art-23": ["security"], "art-26": ["breach-report"],
  "art-27": ["third-party-provision"], "art-28": ["third-party-provision", "cross-border"],
  "art-29": ["third-party-provision", "records"], "art-30": ["third-party-provision", "records"],
  "art-31": ["personally-referable", "third-party-provision"],
  "art-41": ["pseudonymised"], "art-42": ["pseudonymised", "third-party-provision"],
  "art-43": ["anonymised"], "art-44": ["anonymised", "third-party-provision"], "art-45": ["anonymised"], "art-46": ["anonymised", "security"],
};
/** Tags given mechanically to any node whose Japanese text contains the term. */
const TERM_TAGS: [string, string][] = [["要配慮個人情報", "sensitive-data"], ["外国にある第三者", "cross-border"]];

/** Business roles defined in Art. 16 (id, defining paragraph, JA term, EN term of the government translation). */
const ROLES: [string, string, string, string][] = [
  ["pi-handling-business-operator", "art-16.2", "個人情報取扱事業者", "business handling personal information"],
  ["pseudonymised-info-handling-business-operator", "art-16.5", "仮名加工情報取扱事業者", "business handling pseudonymized personal information"],
  ["anonymised-info-handling-business-operator", "art-16.6", "匿名加工情報取扱事業者", "business handling anonymized personal information"],
  ["personally-referable-info-handling-business-operator", "art-16.7", "個人関連情報取扱事業者", "business handling information related to personal information"],
  ["academic-research-institution", "art-16.8", "学術研究機関等", "academic research institution or the equivalent"],
];

interface FutureRevision {
  revisionId: string; amendingLawNumber: string; amendingLawTitle: string; promulgatedOn: string | null; eGovEnforcementDate: string;
  enforcementComment: string | null; dateCertainty: "fixed-date" | "linked-to-another-act" | "statutory-deadline-not-fixed-by-cabinet-order"; includedInCurrentCorpus: boolean;
}
interface Manifest {
  currentVersion: { asOf: string; revisionId: string; effectiveRevisionDate: string; amendingLawNumber: string };
  promulgatedFutureRevisions: FutureRevision[];
  corpus: { path: string };
  translation: { governmentReference: { lastVersion: string; versionAsOf: string; translatedOn: string; publishedOnDatabase: string } };
  rights: Record<"primaryJapaneseText" | "referenceTranslation", { license: string; licenseUrl: string; attribution: string }>;
  sourceSnapshots: { path: string; sourceUrl: string; sha256: string }[];
}
interface Revision {
  law_revision_id: string; abbrev: string; law_title: string; amendment_promulgate_date: string; amendment_enforcement_date: string;
  amendment_scheduled_enforcement_date: string | null; amendment_enforcement_comment: string | null;
  amendment_law_num: string; amendment_law_title: string; current_revision_status: string;
}
interface Revisions { law_info: { law_num: string; promulgation_date: string }; revisions: Revision[] }
type Record_ = ArticleRecord & { source: string };

/** An e-Gov revision status in words (the history marks each revision UnEnforced, CurrentEnforced or PreviousEnforced). */
function revisionStatusWords(status: string): { ja: string; en: string } {
  const words: Record<string, { ja: string; en: string }> = {
    PreviousEnforced: { ja: "施行済みの過去の版", en: "an earlier version, already enforced" },
    CurrentEnforced: { ja: "現行の版", en: "the current version" },
    UnEnforced: { ja: "未施行", en: "not yet enforced" },
  };
  const w = words[status];
  if (!w) throw new Error(`unknown e-Gov revision status ${status}; give it words in revisionStatusWords`);
  return w;
}

/** "Act No. 37 of 2021" → 令和三年法律第三十七号, as Japanese law numbers are written. */
export function lawNumberJa(en: string): string {
  const m = /^Act No\. (\d+) of (\d{4})$/.exec(en);
  if (!m) throw new Error(`not a law number: ${en}`);
  const [no, year] = [Number(m[1]), Number(m[2])];
  // 2019 is 平成三十一年 until 30 April and 令和元年 after: the number alone cannot tell which.
  if (year < 1989 || year === 2019) throw new Error(`${en}: the era cannot be told from the year alone`);
  const [era, y] = year > 2019 ? ["令和", year - 2018] : ["平成", year - 1988];
  return `${era}${y === 1 ? "元" : kanjiNumber(y)}年法律第${kanjiNumber(no)}号`;
}

/** One line per revision the text does not include, with the dates exactly as e-Gov states them. */
function revisionLine(r: Revision): { ja: string; en: string } {
  const sched = r.amendment_scheduled_enforcement_date ? `、予定施行日 ${r.amendment_scheduled_enforcement_date}` : "";
  const comment = r.amendment_enforcement_comment ? `（${r.amendment_enforcement_comment}）` : "";
  const schedEn = r.amendment_scheduled_enforcement_date ? `, scheduled enforcement date ${r.amendment_scheduled_enforcement_date}` : "";
  const commentEn = r.amendment_enforcement_comment ? ` (e-Gov comment: 「${r.amendment_enforcement_comment}」)` : "";
  return {
    ja: `${r.amendment_law_num}「${r.amendment_law_title}」：公布 ${r.amendment_promulgate_date}、施行日 ${r.amendment_enforcement_date}${sched}${comment}（改正 ID ${r.law_revision_id}）`,
    en: `${r.amendment_law_num} 「${r.amendment_law_title}」: promulgated ${r.amendment_promulgate_date}, enforcement date ${r.amendment_enforcement_date}${schedEn}${commentEn} (revision ${r.law_revision_id})`,
  };
}

export function build(): FrameworkFile {
  const m = readSourceJson<Manifest>(F.manifest);
  const records = readSourceJson<Record_[]>(F.articles);
  const revs = readSourceJson<Revisions>(F.revisions);
  const VERSION = m.currentVersion.effectiveRevisionDate;
  for (const snap of m.sourceSnapshots) {
    const local = Object.values(F).find((f) => f.endsWith(snap.path.split("/").at(-1)!));
    if (local && sha256OfSource(local) !== snap.sha256) throw new Error(`${local}: SHA-256 differs from the manifest's`);
  }
  const law = parseXml(readSource(F.xml));
  const all = mainArticles(law);
  const arts = all.filter((a) => a.num in INCLUDE);
  if (arts.length !== Object.keys(INCLUDE).length) throw new Error("an included article is missing from the XML");

  const nodes: FrameworkNode[] = [];
  const seen = new Set<string>();
  for (const a of arts) {
    const record = records.find((r) => r.unitType === "article" && r.articleNumber === a.num);
    const caption = `（${INCLUDE[a.num]}）`;
    if (!record || a.caption !== caption || record.originalTitle !== `${a.title}${caption}`) {
      throw new Error(`article ${a.num}: expected caption ${caption}, XML has ${a.caption}, JSON has ${record?.originalTitle}`);
    }
    if (record.translations.en.status !== EN_STATUS) throw new Error(`article ${a.num}: English is ${record.translations.en.status}`);
    const sourcePath = `MainProvision/Article[@Num='${a.num}']`;
    if (record.sourceXmlPath !== sourcePath) throw new Error(`article ${a.num}: JSON sourceXmlPath ${record.sourceXmlPath}`);
    a.headings.forEach((h, i) => {
      if (!seen.has(h.id)) nodes.push(headingNode(FW, VERSION, h, a.headings[i - 1]?.id));
      seen.add(h.id);
    });
    nodes.push(
      ...articleNodes(FW, VERSION, a.headings.at(-1)?.id, {
        egov: a, record, prefix: "art", sourcePath, en: record.translations.en.paragraphs, jaFlat: record.paragraphs,
        titleEn: record.translations.en.title,
      }),
    );
  }

  const byId = new Map(nodes.map((n) => [n.id, n]));
  // "art-2.5.1" → ["art-2", "art-2.5", "art-2.5.1"]: a node carries the tags of its article and paragraph.
  const chain = (id: string) => id.split(".").map((_, i, parts) => parts.slice(0, i + 1).join("."));
  for (const n of nodes) {
    const tags = new Set(chain(n.id).flatMap((id) => TAGS[id] ?? []));
    if (n.type === "chapter" || n.type === "section") tags.clear();
    for (const [term, tag] of TERM_TAGS) {
      const hit = n.type === "article" ? nodes.some((c) => c.id.startsWith(`${n.id}.`) && c.text?.ja?.includes(term)) : n.text?.ja?.includes(term);
      if (hit) tags.add(tag);
    }
    if (tags.size) n.tags = [...tags];
    const num = n.ref.article;
    // Duties: articles and paragraphs of the non-definition articles. Items (号) enumerate cases or
    // matters inside their paragraph's duty and are assessed with it, so they stay false.
    if (num && !DEFINITIONS.has(num) && (n.type === "article" || n.type === "paragraph")) {
      n.requirement = true;
      const own = n.type === "paragraph" ? [n] : nodes.filter((c) => c.parent === n.id);
      const actors = ROLES.filter(([, , ja]) => own.some((c) => c.text?.ja?.includes(ja))).map(([id]) => id);
      if (actors.length) n.actors = actors;
    }
  }
  for (const id of Object.keys(TAGS)) if (!byId.has(id)) throw new Error(`tags for unknown node ${id}`);

  const current = revs.revisions.find((r) => r.law_revision_id === m.currentVersion.revisionId)!;
  const pending = revs.revisions.filter((r) => r.current_revision_status === "UnEnforced").sort((a, b) => a.law_revision_id.localeCompare(b.law_revision_id));
  const law56 = pending.filter((r) => r.amendment_law_num === "令和八年法律第五十六号");
  const law56Now = revs.revisions.filter((r) => r.amendment_law_num === "令和八年法律第五十六号" && r.current_revision_status !== "UnEnforced");
  if (law56.length === 0) throw new Error("令和8年法律第56号 not found among the unenforced revisions");
  const enName = quote(records.find((r) => r.id === "jp-appi-art-104")?.translations.en.paragraphs.join(" "), "Act on the Protection of Personal Information (Act No. 57 of 2003)", "name");
  const authorityNotes = new Set(arts.map((a) => records.find((r) => r.articleNumber === a.num)!.translations.en.authorityNote));
  if (authorityNotes.size !== 1) throw new Error("expected one English authority note for the included articles");
  const gov = m.translation.governmentReference;
  const upstreamOf = (f: string) => {
    const snap = m.sourceSnapshots.find((s) => s.path.endsWith(f.split("/").at(-1)!));
    if (snap) return `${UPSTREAM} ${snap.path}; originally ${snap.sourceUrl}`;
    return f === F.articles ? `${UPSTREAM} ${m.corpus.path}` : `${UPSTREAM} data/v2/`;
  };
  const file = (f: string, note: string) => ({ ...sourceFile(f, note), upstream: upstreamOf(f) });
  const l56 = law56.map(revisionLine);
  const instrument = readSourceJson<{ instruments: { id: string; dates: { effectiveFrom: string | null; publishedOn: string | null } }[] }>(F.instruments).instruments.find((i) => i.id === "jp-appi");
  if (!instrument?.dates.effectiveFrom || instrument.dates.publishedOn !== revs.law_info.promulgation_date) throw new Error("jp-appi: the instrument record's dates do not match the e-Gov law info");
  const commencement = instrument.dates.effectiveFrom;
  // Every revision the text lacks, from the manifest (which states `includedInCurrentCorpus`), checked
  // against the e-Gov revision history so the two sources cannot drift apart.
  const amendments = m.promulgatedFutureRevisions.map((f) => {
    const r = revs.revisions.find((x) => x.law_revision_id === f.revisionId);
    if (!r || r.amendment_enforcement_date !== f.eGovEnforcementDate || r.amendment_law_num !== f.amendingLawNumber) throw new Error(`${f.revisionId}: manifest and revision history disagree`);
    const touches = TOUCHES[f.amendingLawNumber];
    if (touches) for (const id of touches.nodes) if (!byId.has(id)) throw new Error(`TOUCHES names unknown node ${id}`);
    return {
      id: f.revisionId,
      lawNumber: { ja: f.amendingLawNumber },
      title: { ja: f.amendingLawTitle },
      promulgatedOn: f.promulgatedOn,
      effectiveOn: f.eGovEnforcementDate,
      ...(f.enforcementComment ? { effectiveOnNote: { ja: f.enforcementComment, en: `e-Gov's note on the date: 「${f.enforcementComment}」` } } : {}),
      dateCertainty: f.dateCertainty,
      inText: f.includedInCurrentCorpus,
      ...(touches ? { touches: { nodes: touches.nodes, basis: touches.basis, origin: "musubi-editorial" as const, source: touches.source } } : {}),
    };
  });
  if (amendments.length !== pending.length) throw new Error("the manifest's future revisions and the unenforced revisions differ in number");

  return {
    format: "musubi-framework/1",
    framework: FW,
    version: VERSION,
    name: { ja: current.law_title, en: enName.replace(/ \(Act No\. .*\)$/, "") },
    shortName: { ja: current.abbrev },
    kind: "law",
    jurisdiction: "jp",
    issuer: [{ ja: "国会", en: "National Diet of Japan" }],
    legalEffect: {
      ja: `法律（${revs.law_info.law_num}）。法的効力を有するのは日本語の本文のみ。英語は政府の参考訳であり法的効力はない。`,
      en: `Act (${enName.replace(/^.*\((Act No\. .*)\)$/, "$1")}). Only the Japanese text has legal effect; the English is a government reference translation with no legal effect.`,
    },
    dates: {
      publishedOn: revs.law_info.promulgation_date,
      effectiveFrom: commencement,
      lastAmendedOn: m.currentVersion.effectiveRevisionDate,
      textAsOf: m.currentVersion.effectiveRevisionDate,
      statusAsOf: m.currentVersion.asOf,
    },
    status: {
      ja: `${m.currentVersion.effectiveRevisionDate} 施行の改正（${m.currentVersion.amendingLawNumber}、改正 ID ${m.currentVersion.revisionId}）までを反映した現行テキスト（${m.currentVersion.asOf} 時点）。法律の施行は ${commencement}。${law56[0]!.amendment_law_num}（${law56[0]!.amendment_law_title}）は公布済みだが、以下の施行段階の改正文はこのテキストに含まれない：${l56.map((l) => l.ja).join("；")}。このテキストに含まれない改正と、ある日の時点で各改正が施行済みかどうかは、Musubi がこの法律について記録する改正の一覧と、ライブラリの現在性確認（管理者のコマンド）で確認できる。英語は政府の参考訳（${lawNumberJa(gov.lastVersion)}までの改正を反映、翻訳日 ${gov.translatedOn}）。`,
      en: `Current text as amended up to the revision effective ${m.currentVersion.effectiveRevisionDate} (${m.currentVersion.amendingLawNumber}, revision ${m.currentVersion.revisionId}), as of ${m.currentVersion.asOf}. The Act came into force on ${commencement}. The amendment ${law56[0]!.amendment_law_num} (${law56[0]!.amendment_law_title}) is promulgated but the text of the following stages is not in this text: ${l56.map((l) => l.en).join("; ")}. The revisions this text lacks, and whether each is in force on a given date, are in the list of amendments Musubi records for this law and in the library's currency check (an administrator's command). English: ${[...authorityNotes][0]}`,
    },
    source: {
      title: { ja: "e-Gov法令検索（現行法令、2026-07-20時点）及び日本法令外国語訳データベース", en: "e-Gov Law Search (current consolidation as of 2026-07-20) and the Japanese Law Translation Database" },
      publisher: EGOV_PUBLISHERS,
      reference: { ja: lawNumberOf(law), en: enName.replace(/^.*\((Act No\. .*)\)$/, "$1") },
      url: records[0]!.source,
      files: [
        file(F.xml, "e-Gov's law data: Japanese text and structure of every provision"),
        file(F.articles, "the upstream article data: English reference text and titles, locations in the e-Gov text; its Japanese text is cross-checked against e-Gov's law data"),
        file(F.manifest, "the upstream data's manifest: current revision, translation provenance, rights, snapshot hashes"),
        file(F.revisions, "e-Gov revision history: the revisions after this text, with their enforcement dates"),
        { ...sourceFile(F.instruments, "the upstream record of the Act: its original commencement date only"), upstream: `${UPSTREAM} data/v2/instruments.json (filtered)` },
      ],
    },
    licence: [
      { appliesTo: "ja-text", name: m.rights.primaryJapaneseText.license, url: m.rights.primaryJapaneseText.licenseUrl, attribution: m.rights.primaryJapaneseText.attribution },
      { appliesTo: "en-text", name: m.rights.referenceTranslation.license, url: m.rights.referenceTranslation.licenseUrl, attribution: `${m.rights.referenceTranslation.attribution} Reference translation (${gov.lastVersion}); no legal effect.` },
      { appliesTo: "metadata", name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/", attribution: "Article metadata (English alignment and current-equivalence checks, source paths) from EtonMu/global-ai-data-regulation-map (data/v2, commit 9c953b2f), CC BY 4.0." },
    ],
    actorRoles: ROLES.map(([id, at, ja, en]) => ({
      id,
      name: { ja: quote(byId.get(at)!.text!.ja, `「${ja}」`, id).slice(1, -1), en: quote(byId.get(at)!.text!.en!.toLowerCase(), `"${en}"`, id).slice(1, -1) },
      definedAt: urnOf(FW, VERSION, at),
    })),
    silence: [
      {
        ja: `Musubi のライブラリは全 ${all.length} 条のうち AI に関係する ${arts.length} 条（第${arts.map((a) => a.num).join("・")}条）のみを含む（選定は Musubi による）。他の条、附則及び別表はソースにあるがライブラリにはない。`,
        en: `The library holds ${arts.length} of the ${all.length} articles, those bearing on AI (Articles ${arts.map((a) => a.num).join(", ")}; the selection is Musubi's). The other articles, the supplementary provisions and the appended tables are in the source but not in the library.`,
      },
      {
        ja: `このテキスト（${m.currentVersion.effectiveRevisionDate} 施行の改正まで）に含まれない改正（e-Gov 改正履歴のとおり。改正文はソースにない。施行日を過ぎたものは、このテキストが現行法より古いことを意味する）：${pending.map((r) => revisionLine(r).ja).join("；")}。`,
        en: `Revisions not in this text (amended up to ${m.currentVersion.effectiveRevisionDate}), as the e-Gov revision history states them; their text is not in the sources. Once one's enforcement date has passed, this text is older than the law in force: ${pending.map((r) => revisionLine(r).en).join("; ")}.`,
      },
      {
        ja: `改正履歴には、${law56[0]!.amendment_law_num}の ${law56Now.map((r) => `${r.amendment_enforcement_date} 施行段階（改正 ID ${r.law_revision_id}、e-Gov 上の状態は${revisionStatusWords(r.current_revision_status).ja}）`).join("、")}もある。本テキストの改正（${m.currentVersion.revisionId}）と同じ施行日だが、その段階で何が改正されたかはソースにない。`,
        en: `The revision history also lists ${law56Now.map((r) => `a stage of ${r.amendment_law_num} enforced on ${r.amendment_enforcement_date} (revision ${r.law_revision_id}; e-Gov's status: ${revisionStatusWords(r.current_revision_status).en})`).join(", ")}, the same date as this text's revision ${m.currentVersion.revisionId}; the sources do not say what that stage changed.`,
      },
      {
        ja: "本文が委任する政令及び個人情報保護委員会規則（例：第二条第三項の「政令で定める記述等」、第二十六条の報告対象事態）はソースにない。",
        en: "The Cabinet Orders and Personal Information Protection Commission Rules the text delegates to (e.g. the descriptors 「政令で定める記述等」 in Article 2(3), the reportable situations in Article 26) are not in the sources.",
      },
      {
        ja: `ソースには条ごとの適用日がない。法律の施行日 ${commencement} は上流データにあるこの法律の記録による。本テキストは ${m.currentVersion.effectiveRevisionDate} 施行の改正までを反映した版である。`,
        en: `The sources give no per-article application dates. The Act's commencement, ${commencement}, is from the upstream record of the Act; this text is the consolidation as amended up to ${m.currentVersion.effectiveRevisionDate}.`,
      },
      {
        ja: `英語は${lawNumberJa(gov.lastVersion)}までの改正を反映した政府参考訳（${gov.versionAsOf} 時点、データベース公開 ${gov.publishedOnDatabase}）であり、上流プロジェクトが条ごとに現行日本語本文との一致を確認したもの。新たな政府訳ではない。章・節の英語見出しはソースにない。`,
        en: `The English is the government reference translation as amended through ${gov.lastVersion} (as of ${gov.versionAsOf}, published ${gov.publishedOnDatabase}); the upstream project verified, article by article, that the Japanese text it translates equals the current text. It is not a new government translation. The sources give no English chapter or section titles.`,
      },
    ],
    amendments,
    nodes,
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = writeFramework(build());
  console.log(`wrote ${out}`);
}

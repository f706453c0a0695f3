import type { Words } from "../incidents/report.labels.ts";
import type { PdfBlock, PdfDocument } from "../platform/pdf/pdf.model.ts";
import { renderPdf } from "../platform/pdf/pdf.render.ts";
import { formatInstant } from "../platform/time.ts";
import { ACTOR_KIND_WORDS } from "./system-card.labels.ts";
import type { SystemCard } from "./system-card.schema.ts";

type Lang = "ja" | "en";
type Point = SystemCard["annexIV"]["points"][number];
type Mapping = Point["points"][number]["mapping"];

const NONE = "—";
const TITLE: Words = { ja: "AIシステムカード", en: "AI system card" };

/**
 * The system card as a PDF document in one language: the HTML page's sections, labels and Musubi
 * notes (`system-card.html.ts`), each in `lang` alone rather than both one above the other. A
 * library text that lacks `lang` is shown in the language the library has it in, as on the page.
 */
export function systemCardPdfDocument(c: SystemCard, lang: Lang): PdfDocument {
  const tz = c.organisation.timeZone;
  const w = (x: Words) => x[lang];
  const lib = (t: { ja: string | null; en: string | null }, fallback = "") => (lang === "ja" ? (t.ja ?? t.en) : (t.en ?? t.ja)) ?? fallback;
  const at = (iso: string | null) => (iso ? formatInstant(iso, tz, lang) : NONE);
  const day = (date: string) => formatInstant(`${date}T00:00:00Z`, "UTC", lang, "date");
  const days = (date: string | null) => (date ? day(date) : NONE);
  const person = (p: { name: string; email: string } | null) => (p ? `${p.name} <${p.email}>` : NONE);
  const join = (xs: Words[]) => xs.map(w).join(lang === "ja" ? "、" : ", ");
  /** "a・b" / "a · b": details of one entry, the empty ones left out. */
  const details = (ja: (string | null)[], en: (string | null)[]) => (lang === "ja" ? ja : en).filter(Boolean).join(lang === "ja" ? "・" : " · ");
  const row = (ja: string, en: string, value: string) => ({ key: lang === "ja" ? ja : en, value });
  const h = (level: 1 | 2 | 3, ja: string, en: string): PdfBlock => ({ kind: "heading", level, text: lang === "ja" ? ja : en });
  const list = (items: { title?: string; text?: string }[]): PdfBlock => ({ kind: "list", items, empty: w({ ja: "なし", en: "None" }) });
  const s = c.system;
  const blocks: PdfBlock[] = [];

  blocks.push(h(1, "概要", "The system"), {
    kind: "keyValue",
    rows: [
      row("コード", "Code", s.code),
      row("名称", "Name", w(s.name)),
      row("利用目的", "Purpose", s.purpose || NONE),
      row("ライフサイクル", "Lifecycle", w(s.lifecycle.label)),
      row("所管部署", "Department", s.department ? w(s.department.name) : NONE),
      row("事業責任者", "Business owner", person(s.businessOwner)),
      row("技術責任者", "Technical owner", person(s.technicalOwner)),
      row("提供・利用国", "Deployment countries", s.countries.length ? join(s.countries.map((x) => x.name)) : NONE),
      row("タグ", "Tags", s.tags.length ? s.tags.join(lang === "ja" ? "、" : ", ") : NONE),
      row("業種・分野", "Sector", s.sector ? w(s.sector) : NONE),
      row("影響を受ける人", "People affected", s.affectedPersons?.length ? join(s.affectedPersons) : NONE),
      row("前回レビュー日", "Last reviewed", days(s.lastReviewedOn)),
      row("次回レビュー日", "Next review", days(s.nextReviewOn)),
      row("登録日時", "Registered", at(s.createdAt)),
      row("最終更新日時", "Last changed", at(s.updatedAt)),
    ],
  });

  const eu = c.classification.euAiAct;
  const euClass = eu.class && eu.label
    ? `${lib(eu.label)}${eu.appliesFrom ? (lang === "ja" ? `（${day(eu.appliesFrom)}から適用）` : ` (applies from ${day(eu.appliesFrom)})`) : ""}`
    : w({ ja: "未分類（必要な回答が未入力）", en: "Unclassified (answers it needs are missing)" });
  const roles = eu.roles === null
    ? w({ ja: "現在のライブラリではプロファイルを評価できません", en: "The profile cannot be evaluated under the current library" })
    : eu.roles.length ? eu.roles.map((r) => `${lib(r.label)}${r.appliesFrom ? (lang === "ja" ? `（${day(r.appliesFrom)}から）` : ` (from ${day(r.appliesFrom)})`) : ""}`).join("\n") : NONE;
  const jp = c.classification.jpAiGuidelinesRoles;
  blocks.push(
    h(1, "分類", "Classification"),
    { kind: "keyValue", rows: [row("EU AI法の区分", "EU AI Act class", euClass), row("EU AI法上の役割", "Roles under the EU AI Act", roles), row("分類の基準日", "Classified as of", days(c.classification.classifiedOn)), row("AI事業者ガイドライン上の役割", "Roles under the AI Guidelines for Business", jp.length ? join(jp) : NONE)] },
    { kind: "note", text: w({ ja: "区分と役割は、Musubiがプロファイルの回答にライブラリの規則を当てはめた結果です。法的な判断ではありません。", en: "Class and roles are Musubi's result of applying the library's rules to the profile's answers; they are not a legal determination." }) },
  );

  blocks.push(h(1, "枠組みと対応状況", "Frameworks and posture"), list(c.frameworks.map((f) => {
    const title = lib(f.name, f.framework);
    if (!f.posture) return { title, text: details([`バージョン ${f.version}`, f.inScope ? "適用対象" : null, "未評価"], [`version ${f.version}`, f.inScope ? "in scope" : null, "not assessed yet"]) };
    const counted = f.posture.counts.filter((x) => x.count > 0);
    const signed = f.signedOffAt ? { ja: `承認 ${formatInstant(f.signedOffAt, tz, "ja")}`, en: `signed off ${formatInstant(f.signedOffAt, tz, "en")}` } : { ja: "未承認", en: "not signed off" };
    return { title, text: details([`バージョン ${f.version}`, f.inScope ? "適用対象" : null, `適用項目 ${f.posture.total}件`, ...counted.map((x) => `${x.status.label.ja} ${x.count}`), signed.ja], [`version ${f.version}`, f.inScope ? "in scope" : null, `${f.posture.total} applicable rows`, ...counted.map((x) => `${x.status.label.en} ${x.count}`), signed.en]) };
  })));
  for (const f of c.frameworks) {
    if (!f.posture || f.posture.total === 0) continue;
    blocks.push({ kind: "barChart", orientation: "horizontal", title: `${lib(f.name, f.framework)} — ${w({ ja: "状態別の適用項目数", en: "applicable rows by status" })}`, bars: f.posture.counts.map((x) => ({ label: w(x.status.label), value: x.count })), valueAxisLabel: w({ ja: "項目数", en: "Rows" }), categoryAxisLabel: w({ ja: "状態", en: "Status" }) });
  }

  blocks.push(
    h(1, "モデル・データ・構成要素", "Models, data and components"),
    h(2, "モデル", "Models"),
    list(c.models.map((m) => ({ title: m.name, text: details([m.provider, m.version && `バージョン ${m.version}`, m.hosting?.label.ja ?? null, m.licence], [m.provider, m.version && `version ${m.version}`, m.hosting?.label.en ?? null, m.licence]) }))),
    h(2, "データセット", "Datasets"),
    list(c.datasets.map((d) => ({ title: d.name, text: details([d.source, d.licence, d.personalData ? "個人情報を含む" : null, d.sensitiveData ? "要配慮個人情報を含む" : null], [d.source, d.licence, d.personalData ? "holds personal data" : null, d.sensitiveData ? "holds special-care data" : null]) }))),
    h(2, "サードパーティ製コンポーネント", "Third-party components"),
    list(c.components.map((x) => ({ title: `${x.name}${x.version ? ` ${x.version}` : ""}`, text: details([x.supplier, x.licence], [x.supplier, x.licence]) }))),
    h(2, "ベンダー", "Vendors"),
    list([
      ...c.vendors.linked.map((v) => ({ title: `${v.name} (${v.code})`, text: details([v.status.label.ja, `評価 ${v.rating.label.ja}`], [v.status.label.en, `rating ${v.rating.label.en}`]) })),
      ...c.vendors.named.map((n) => ({ title: n, text: w({ ja: "ベンダー台帳に未登録", en: "not in the vendor register" }) })),
    ]),
  );

  const rating = (r: SystemCard["risks"][number]["inherent"]) => `${r.likelihood}×${r.impact}${r.band ? ` ${r.band[lang]}` : ""}`;
  blocks.push(h(1, "リスクと対応", "Risks and their treatment"), list(c.risks.map((k) => {
    const treatment = k.treatment?.label ?? { ja: "未決定", en: "Not decided" };
    const controls = k.controls.map((x) => (lang === "ja" ? `${x.code} ${x.title.ja}（${x.status.label.ja}）` : `${x.code} ${x.title.en} (${x.status.label.en})`));
    const line = details([`固有 ${rating(k.inherent)}`, k.residual ? `残留 ${rating(k.residual)}` : null, treatment.ja, k.status.label.ja], [`inherent ${rating(k.inherent)}`, k.residual ? `residual ${rating(k.residual)}` : null, treatment.en, k.status.label.en]);
    return { title: `${k.code} ${w(k.title)}`, text: controls.length ? `${line}\n${lang === "ja" ? `管理策：${controls.join("、")}` : `Controls: ${controls.join("; ")}`}` : line };
  })));

  blocks.push(h(1, "評価", "Evaluation"));
  if (c.evaluations.perspectives.length) blocks.push(list(c.evaluations.perspectives.map((p) => ({ text: lib(p.name, p.urn) }))));
  blocks.push({ kind: "note", text: w(c.evaluations.results.note) });

  const when = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? day(v) : formatInstant(v, tz, lang));
  blocks.push(h(1, "インシデント", "Incidents"), list(c.incidents.map((i) => ({ title: `${i.code} ${i.title}`, text: details([i.severity.label.ja, i.status.label.ja, i.occurredAt ? `発生 ${when(i.occurredAt)}` : null, `検知 ${when(i.detectedAt)}`, i.closedAt ? `クローズ ${when(i.closedAt)}` : null], [i.severity.label.en, i.status.label.en, i.occurredAt ? `occurred ${when(i.occurredAt)}` : null, `detected ${when(i.detectedAt)}`, i.closedAt ? `closed ${when(i.closedAt)}` : null]) }))));

  const facts = c.humanOversight.facts.map((f) => ({ key: lib(f.label, f.question), value: f.answer ? w(f.answer) : w({ ja: "未回答", en: "Not answered" }) }));
  blocks.push(h(1, "人による監視", "Human oversight"), ...(facts.length ? [{ kind: "keyValue", rows: facts } as PdfBlock] : []), { kind: "note", text: w(c.humanOversight.measures.note) });

  const hist = c.history;
  blocks.push(
    h(1, "変更履歴", "Change history"),
    { kind: "paragraph", style: "small", text: `${w({ ja: `監査台帳の記録 全${hist.total}件のうち新しい${hist.entries.length}件。台帳の先頭 #${hist.ledgerHead.seq}`, en: `The latest ${hist.entries.length} of ${hist.total} ledger entries. Ledger head #${hist.ledgerHead.seq}; verify with GET /api/audit/verify or \`musubi audit verify\`.` })}\n${hist.ledgerHead.hash}` },
  );
  if (hist.entries.length) {
    blocks.push({
      kind: "table",
      columns: [{ header: w({ ja: "記録", en: "Entry" }), width: 0.3 }, { header: w({ ja: "内容", en: "Change" }) }, { header: w({ ja: "実行者", en: "By" }), width: 0.3 }],
      rows: hist.entries.map((e) => {
        const kind = e.by.kind === "user" ? null : ACTOR_KIND_WORDS[e.by.kind];
        return [`#${e.seq} ${formatInstant(e.at, tz, lang)}`, w(e.label), `${e.by.name}${kind ? (lang === "ja" ? `（${kind.ja}）` : ` (${kind.en})`) : ""}`];
      }),
    });
  }

  blocks.push(...annexIV(c, lang, lib));
  blocks.push({ kind: "paragraph", style: "small", text: c.licences.join(" · ") });

  const subtitle = `${s.code} ${w(s.name)}`;
  return {
    title: w(TITLE),
    subtitle,
    meta: [
      lang === "ja" ? `${c.organisation.name.ja} · 作成 ${formatInstant(c.generatedAt, tz, "ja")} · ${c.format}` : `${c.organisation.name.en} · Generated ${formatInstant(c.generatedAt, tz, "en")} · ${c.format}`,
      w({ ja: `日時は組織のタイムゾーン（${tz}）で表示しています。`, en: `Times are shown in the organisation's time zone, ${tz}.` }),
    ],
    footer: `${w(TITLE)} — ${subtitle}`,
    blocks,
  };
}

/** EU AI Act Annex IV: the library's text of each point (English: it has no Japanese), with Musubi's mapping. */
function annexIV(c: SystemCard, lang: Lang, lib: (t: { ja: string | null; en: string | null }, fallback?: string) => string): PdfBlock[] {
  const w = (x: Words) => x[lang];
  const a = c.annexIV;
  const mapping = (m: Mapping): PdfBlock => {
    if (!m.covered) return { kind: "paragraph", text: w({ ja: "Musubiのデータでは扱っていません", en: "Not covered by Musubi's data" }) };
    const fields = m.fields.map((f) => (lang === "ja" ? `${f.label.ja}${f.recorded ? "" : "（このシステムは未記録）"}` : `${f.label.en}${f.recorded ? "" : " (not recorded for this system)"}`));
    return { kind: "note", text: lang === "ja" ? `関係するカードの項目（Musubiの解釈）：${fields.join("、")}` : `Card fields that bear on it (Musubi's interpretation): ${fields.join(", ")}` };
  };
  const node = (n: { ref: { ja: string | null; en: string | null }; text: { ja: string | null; en: string | null } }, level: 2 | 3): PdfBlock[] => [{ kind: "heading", level, text: lib(n.ref) }, { kind: "quote", text: lib(n.text) }];
  const out: PdfBlock[] = [
    { kind: "heading", level: 1, text: w({ ja: "EU AI法 附属書Ⅳとの対応", en: "EU AI Act Annex IV" }) },
    { kind: "paragraph", text: `${a.annex.ref.en ?? a.annex.ref.ja ?? ""} — ${a.annex.title ? lib(a.annex.title) : ""} (${a.source.name.en ?? ""} ${a.source.version})` },
    { kind: "quote", text: a.annex.text.en ?? a.annex.text.ja ?? "" },
    { kind: "note", text: w(a.note) },
  ];
  for (const p of a.points) {
    out.push(...node(p, 2));
    if (p.mapping) out.push(mapping(p.mapping));
    for (const s of p.points) out.push(...node(s, 3), mapping(s.mapping));
  }
  out.push({ kind: "paragraph", style: "small", text: a.source.licence.join(" · ") });
  return out;
}

/** The card as a PDF in `lang`: the Buffer to send or write. */
export function renderSystemCardPdf(c: SystemCard, lang: Lang): Promise<Buffer> {
  const doc = systemCardPdfDocument(c, lang);
  return renderPdf(doc, { lang, title: `${doc.title} — ${doc.subtitle}`, author: c.organisation.name[lang], subject: c.format });
}

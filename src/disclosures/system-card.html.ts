import { formatInstant } from "../platform/time.ts";
import type { Words } from "../incidents/report.labels.ts";
import { ACTOR_KIND_WORDS } from "./system-card.labels.ts";
import type { SystemCard } from "./system-card.schema.ts";
import { documentCsp, escapeHtml } from "../platform/html-document.ts";

const CARD_CSS = `
body{font-family:"Noto Sans CJK JP","Noto Sans JP","Hiragino Sans","Yu Gothic",sans-serif;line-height:1.55;margin:2rem auto;max-width:60rem;color:#111;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.1rem;border-bottom:1px solid #999;margin-top:1.6rem;padding-bottom:.2rem}h3{font-size:1rem;margin:1rem 0 .3rem}
.en{display:block;color:#555;font-size:.9em}h1 .en,h2 .en,h3 .en{display:block;font-weight:normal}
table{border-collapse:collapse;width:100%;margin:.4rem 0}th,td{border:1px solid #bbb;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{width:28%;background:#f4f4f4}blockquote{margin:.4rem 0;padding:.4rem .8rem;background:#fafafa;border-left:3px solid #bbb;white-space:pre-wrap}.none{color:#888}
.meta{font-size:.85rem;color:#444}pre{white-space:pre-wrap;font-family:inherit;margin:0}
.musubi{border-left:3px solid #c60;padding:.2rem .6rem;background:#fff8f0}.uncovered{color:#a40}.point{margin-left:1.2rem}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}}
`;

/**
 * The card's own Content-Security-Policy, as the incident report's: nothing may run, and its one
 * inline style sheet is allowed by hash, since the app's `style-src 'self'` would leave the
 * printed card unstyled.
 */
export const CARD_CSP = documentCsp(CARD_CSS);

const esc = escapeHtml;

const none = '<span class="none">—</span>';
/** Japanese first, English beneath. */
const words = (w: Words) => `${esc(w.ja)}<span class="en">${esc(w.en)}</span>`;
const h2 = (ja: string, en: string) => `<h2>${esc(ja)}<span class="en">${esc(en)}</span></h2>`;
const row = (ja: string, en: string, value: string) => `<tr><th>${esc(ja)}<span class="en">${esc(en)}</span></th><td>${value}</td></tr>`;
const list = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul>` : `<p>${words({ ja: "なし", en: "None" })}</p>`);
/** A library text that may lack a language: the other language stands in, marked by its own `lang`. */
const libraryWords = (t: { ja: string | null; en: string | null }, fallback = "") => words({ ja: t.ja ?? t.en ?? fallback, en: t.en ?? t.ja ?? fallback });
const at = (iso: string | null, tz: string) => (iso ? words({ ja: formatInstant(iso, tz, "ja"), en: formatInstant(iso, tz, "en") }) : none);
/** A calendar date (YYYY-MM-DD, already the organisation's day): formatted, never shifted by a zone. */
const day = (date: string, lang: "ja" | "en") => formatInstant(`${date}T00:00:00Z`, "UTC", lang, "date");
const days = (date: string | null) => (date ? words({ ja: day(date, "ja"), en: day(date, "en") }) : none);
const person = (p: { name: string; email: string } | null) => (p ? `${esc(p.name)} &lt;${esc(p.email)}&gt;` : none);
const yes = (b: boolean) => words(b ? { ja: "はい", en: "Yes" } : { ja: "いいえ", en: "No" });
/** "a・b" / "a · b": details of one entry, the empty ones left out. */
const details = (ja: (string | null)[], en: (string | null)[]) => `<div>${words({ ja: ja.filter(Boolean).join("・"), en: en.filter(Boolean).join(" · ") })}</div>`;

function overview(c: SystemCard): string {
  const s = c.system;
  return `<table>${row("コード", "Code", esc(s.code))}${row("名称", "Name", `${esc(s.name.ja)}<span class="en">${esc(s.name.en)}</span>`)}${row("利用目的", "Purpose", s.purpose ? `<pre>${esc(s.purpose)}</pre>` : none)}${row("ライフサイクル", "Lifecycle", words(s.lifecycle.label))}${row("所管部署", "Department", s.department ? words(s.department.name) : none)}${row("事業責任者", "Business owner", person(s.businessOwner))}${row("技術責任者", "Technical owner", person(s.technicalOwner))}${row("提供・利用国", "Deployment countries", s.countries.length ? words({ ja: s.countries.map((x) => x.name.ja).join("、"), en: s.countries.map((x) => x.name.en).join(", ") }) : none)}${row("タグ", "Tags", s.tags.length ? esc(s.tags.join("、")) : none)}${row("業種・分野", "Sector", s.sector ? words(s.sector) : none)}${row("影響を受ける人", "People affected", s.affectedPersons?.length ? words({ ja: s.affectedPersons.map((p) => p.ja).join("、"), en: s.affectedPersons.map((p) => p.en).join(", ") }) : none)}${row("前回レビュー日", "Last reviewed", days(s.lastReviewedOn))}${row("次回レビュー日", "Next review", days(s.nextReviewOn))}${row("登録日時", "Registered", at(s.createdAt, c.organisation.timeZone))}${row("最終更新日時", "Last changed", at(s.updatedAt, c.organisation.timeZone))}</table>`;
}

function classification(c: SystemCard): string {
  const eu = c.classification.euAiAct;
  const euClass = eu.class && eu.label
    ? `${libraryWords(eu.label)}${eu.appliesFrom ? words({ ja: `${day(eu.appliesFrom, "ja")}から適用`, en: `applies from ${day(eu.appliesFrom, "en")}` }) : ""}`
    : words({ ja: "未分類（必要な回答が未入力）", en: "Unclassified (answers it needs are missing)" });
  const roles = eu.roles === null
    ? words({ ja: "現在のライブラリではプロファイルを評価できません", en: "The profile cannot be evaluated under the current library" })
    : eu.roles.length ? eu.roles.map((r) => `${libraryWords(r.label)}${r.appliesFrom ? words({ ja: `${day(r.appliesFrom, "ja")}から`, en: `from ${day(r.appliesFrom, "en")}` }) : ""}`).join("") : none;
  const jp = c.classification.jpAiGuidelinesRoles;
  return `<table>${row("EU AI法の区分", "EU AI Act class", euClass)}${row("EU AI法上の役割", "Roles under the EU AI Act", roles)}${row("分類の基準日", "Classified as of", days(c.classification.classifiedOn))}${row("AI事業者ガイドライン上の役割", "Roles under the AI Guidelines for Business", jp.length ? words({ ja: jp.map((r) => r.ja).join("、"), en: jp.map((r) => r.en).join(", ") }) : none)}</table>
<p class="meta">${words({ ja: "区分と役割は、Musubiがプロファイルの回答にライブラリの規則を当てはめた結果です。法的な判断ではありません。", en: "Class and roles are Musubi's result of applying the library's rules to the profile's answers; they are not a legal determination." })}</p>`;
}

function frameworks(c: SystemCard): string {
  return list(c.frameworks.map((f) => {
    const name = libraryWords(f.name, f.framework);
    if (!f.posture) return `<strong>${name}</strong>${details([`バージョン ${f.version}`, f.inScope ? "適用対象" : null, "未評価"], [`version ${f.version}`, f.inScope ? "in scope" : null, "not assessed yet"])}`;
    const counted = f.posture.counts.filter((x) => x.count > 0);
    const signed = f.signedOffAt ? { ja: `承認 ${formatInstant(f.signedOffAt, c.organisation.timeZone, "ja")}`, en: `signed off ${formatInstant(f.signedOffAt, c.organisation.timeZone, "en")}` } : { ja: "未承認", en: "not signed off" };
    return `<strong>${name}</strong>${details([`バージョン ${f.version}`, f.inScope ? "適用対象" : null, `適用項目 ${f.posture.total}件`, ...counted.map((x) => `${x.status.label.ja} ${x.count}`), signed.ja], [`version ${f.version}`, f.inScope ? "in scope" : null, `${f.posture.total} applicable rows`, ...counted.map((x) => `${x.status.label.en} ${x.count}`), signed.en])}`;
  }));
}

function supplyChain(c: SystemCard): string {
  const models = list(c.models.map((m) => `<strong>${esc(m.name)}</strong>${details([m.provider, m.version && `バージョン ${m.version}`, m.hosting?.label.ja ?? null, m.licence], [m.provider, m.version && `version ${m.version}`, m.hosting?.label.en ?? null, m.licence])}`));
  const datasets = list(c.datasets.map((d) => `<strong>${esc(d.name)}</strong>${details([d.source, d.licence, d.personalData ? "個人情報を含む" : null, d.sensitiveData ? "要配慮個人情報を含む" : null], [d.source, d.licence, d.personalData ? "holds personal data" : null, d.sensitiveData ? "holds special-care data" : null])}`));
  const components = list(c.components.map((x) => `<strong>${esc(x.name)}${x.version ? ` ${esc(x.version)}` : ""}</strong>${details([x.supplier, x.licence], [x.supplier, x.licence])}`));
  const vendors = list([
    ...c.vendors.linked.map((v) => `<strong>${esc(v.name)}</strong> (${esc(v.code)})${details([v.status.label.ja, `評価 ${v.rating.label.ja}`], [v.status.label.en, `rating ${v.rating.label.en}`])}`),
    ...c.vendors.named.map((n) => `<strong>${esc(n)}</strong><div>${words({ ja: "ベンダー台帳に未登録", en: "not in the vendor register" })}</div>`),
  ]);
  return `<h3>モデル<span class="en">Models</span></h3>${models}<h3>データセット<span class="en">Datasets</span></h3>${datasets}<h3>サードパーティ製コンポーネント<span class="en">Third-party components</span></h3>${components}<h3>ベンダー<span class="en">Vendors</span></h3>${vendors}`;
}

function risks(c: SystemCard): string {
  const rating = (r: SystemCard["risks"][number]["inherent"], lang: "ja" | "en") => `${r.likelihood}×${r.impact}${r.band ? ` ${r.band[lang]}` : ""}`;
  return list(c.risks.map((k) => {
    const treatment = k.treatment?.label ?? { ja: "未決定", en: "Not decided" };
    const controls = k.controls.map((x) => ({ ja: `${x.code} ${x.title.ja}（${x.status.label.ja}）`, en: `${x.code} ${x.title.en} (${x.status.label.en})` }));
    return `<strong>${esc(k.code)}</strong> ${esc(k.title.ja)}<span class="en">${esc(k.title.en)}</span>${details([`固有 ${rating(k.inherent, "ja")}`, k.residual ? `残留 ${rating(k.residual, "ja")}` : null, treatment.ja, k.status.label.ja], [`inherent ${rating(k.inherent, "en")}`, k.residual ? `residual ${rating(k.residual, "en")}` : null, treatment.en, k.status.label.en])}${controls.length ? `<div>${words({ ja: `管理策：${controls.map((x) => x.ja).join("、")}`, en: `Controls: ${controls.map((x) => x.en).join("; ")}` })}</div>` : ""}`;
  }));
}

/** An incident's time: an instant in the zone, or a day as given when only the day is known. */
const when = (v: string, tz: string, lang: "ja" | "en") => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? day(v, lang) : formatInstant(v, tz, lang));

function incidents(c: SystemCard): string {
  const tz = c.organisation.timeZone;
  return list(c.incidents.map((i) => `<strong>${esc(i.code)}</strong> ${esc(i.title)}${details([i.severity.label.ja, i.status.label.ja, i.occurredAt ? `発生 ${when(i.occurredAt, tz, "ja")}` : null, `検知 ${when(i.detectedAt, tz, "ja")}`, i.closedAt ? `クローズ ${when(i.closedAt, tz, "ja")}` : null], [i.severity.label.en, i.status.label.en, i.occurredAt ? `occurred ${when(i.occurredAt, tz, "en")}` : null, `detected ${when(i.detectedAt, tz, "en")}`, i.closedAt ? `closed ${when(i.closedAt, tz, "en")}` : null])}`));
}

function oversight(c: SystemCard): string {
  const facts = c.humanOversight.facts.map((f) => row(f.label.ja ?? f.label.en ?? f.question, f.label.en ?? f.label.ja ?? f.question, f.answer ? words(f.answer) : words({ ja: "未回答", en: "Not answered" })));
  return `${facts.length ? `<table>${facts.join("")}</table>` : ""}<p class="musubi">${words(c.humanOversight.measures.note)}</p>`;
}

function history(c: SystemCard): string {
  const tz = c.organisation.timeZone;
  const h = c.history;
  const rows = h.entries.map((e) => {
    const kind = e.by.kind === "user" ? null : ACTOR_KIND_WORDS[e.by.kind];
    return `<tr><th>#${esc(e.seq)} ${esc(formatInstant(e.at, tz, "ja"))}<span class="en">${esc(formatInstant(e.at, tz, "en"))}</span></th><td>${words(e.label)}<span class="meta">${esc(e.by.name)}${kind ? `（${esc(kind.ja)} / ${esc(kind.en)}）` : ""}</span></td></tr>`;
  });
  return `<p class="meta">${words({ ja: `監査台帳の記録 全${h.total}件のうち新しい${h.entries.length}件。台帳の先頭 #${h.ledgerHead.seq}`, en: `The latest ${h.entries.length} of ${h.total} ledger entries. Ledger head #${h.ledgerHead.seq}; verify with GET /api/audit/verify or \`musubi audit verify\`.` })}<code>${esc(h.ledgerHead.hash)}</code></p>${rows.length ? `<table>${rows.join("")}</table>` : ""}`;
}

function mapping(m: SystemCard["annexIV"]["points"][number]["points"][number]["mapping"]): string {
  if (!m.covered) return `<p class="uncovered">${words({ ja: "Musubiのデータでは扱っていません", en: "Not covered by Musubi's data" })}</p>`;
  const fields = m.fields.map((f) => ({ ja: `${f.label.ja}${f.recorded ? "" : "（このシステムは未記録）"}`, en: `${f.label.en}${f.recorded ? "" : " (not recorded for this system)"}` }));
  return `<p class="musubi">${words({ ja: `関係するカードの項目（Musubiの解釈）：${fields.map((f) => f.ja).join("、")}`, en: `Card fields that bear on it (Musubi's interpretation): ${fields.map((f) => f.en).join(", ")}` })}</p>`;
}

/** An Annex IV node's own words, in the language the library has them in (English: the library has no Japanese text of the Act). */
function annexText(n: { ref: { ja: string | null; en: string | null }; text: { ja: string | null; en: string | null } }, tag: "h3" | "p"): string {
  const ref = n.ref.ja ?? n.ref.en ?? "";
  const lang = n.text.ja ? "ja" : "en";
  return `<${tag} lang="${n.ref.ja ? "ja" : "en"}">${esc(ref)}</${tag}><blockquote lang="${lang}">${esc(n.text.ja ?? n.text.en ?? "")}</blockquote>`;
}

function annexIV(c: SystemCard): string {
  const a = c.annexIV;
  const title = a.annex.title ? a.annex.title.ja ?? a.annex.title.en ?? "" : "";
  return `<p lang="en"><strong>${esc(a.annex.ref.en ?? a.annex.ref.ja ?? "")} — ${esc(title)}</strong> (${esc(a.source.name.en ?? "")} ${esc(a.source.version)})</p>
<blockquote lang="en">${esc(a.annex.text.en ?? a.annex.text.ja ?? "")}</blockquote>
<p class="musubi">${words(a.note)}</p>
${a.points.map((p) => `<section>${annexText(p, "h3")}${p.mapping ? mapping(p.mapping) : ""}${p.points.map((s) => `<div class="point">${annexText(s, "p")}${mapping(s.mapping)}</div>`).join("")}</section>`).join("\n")}
<p class="meta">${a.source.licence.map(esc).join(" · ")}</p>`;
}

/**
 * The card as one bilingual HTML page, Japanese first and English beneath, laid out to print on
 * A4. Every value comes from the JSON card, escaped; stored values are shown in words, instants
 * in the organisation's time zone (named), and what is Musubi's own interpretation says so.
 */
export function renderSystemCardHtml(c: SystemCard): string {
  const tz = c.organisation.timeZone;
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>${esc(c.system.code)} ${esc(c.system.name.ja)} — AIシステムカード / AI system card</title>
<style>${CARD_CSS}</style></head><body>
<h1>AIシステムカード<span class="en">AI system card</span></h1>
<p class="meta">${esc(c.organisation.name.ja)} · 作成 ${esc(formatInstant(c.generatedAt, tz, "ja"))} · ${esc(c.format)}<span class="en">${esc(c.organisation.name.en)} · Generated ${esc(formatInstant(c.generatedAt, tz, "en"))}</span></p>
<p class="meta">日時は組織のタイムゾーン（${esc(tz)}）で表示しています。<span class="en">Times are shown in the organisation's time zone, ${esc(tz)}.</span></p>
${h2("概要", "The system")}${overview(c)}
${h2("分類", "Classification")}${classification(c)}
${h2("枠組みと対応状況", "Frameworks and posture")}${frameworks(c)}
${h2("モデル・データ・構成要素", "Models, data and components")}${supplyChain(c)}
${h2("リスクと対応", "Risks and their treatment")}${risks(c)}
${h2("評価", "Evaluation")}${c.evaluations.perspectives.length ? list(c.evaluations.perspectives.map((p) => libraryWords(p.name, p.urn))) : ""}<p class="musubi">${words(c.evaluations.results.note)}</p>
${h2("インシデント", "Incidents")}${incidents(c)}
${h2("人による監視", "Human oversight")}${oversight(c)}
${h2("変更履歴", "Change history")}${history(c)}
${h2("EU AI法 附属書Ⅳとの対応", "EU AI Act Annex IV")}${annexIV(c)}
<p class="meta">${c.licences.map(esc).join(" · ")}</p>
</body></html>`;
}

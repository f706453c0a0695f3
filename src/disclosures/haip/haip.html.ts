import { documentCsp, escapeHtml as esc } from "../../platform/html-document.ts";
import { formatInstant } from "../../platform/time.ts";
import type { HaipReportDocument } from "./haip.document.ts";
import { DOCUMENT_WORDS } from "./haip.words.ts";

type Lang = "ja" | "en";
type W = { ja: string; en: string };

const CSS = `
body{font-family:"Noto Sans CJK JP","Noto Sans JP","Hiragino Sans","Yu Gothic",sans-serif;line-height:1.6;margin:2rem auto;max-width:52rem;color:#111;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .3rem}h2{font-size:1.15rem;border-bottom:2px solid #444;margin-top:2rem;padding-bottom:.2rem}h3{font-size:1rem;margin:1.2rem 0 .3rem}
.meta{font-size:.9rem;color:#333}.answer{white-space:pre-wrap;margin:.3rem 0 .6rem;padding:.5rem .8rem;background:#f7f7f7;border-left:3px solid #666}
.musubi{font-size:.85rem;color:#7a3b00;border-left:3px solid #c60;padding:.1rem .5rem;background:#fff8f0}.basis{font-size:.85rem;color:#333}
.empty{color:#555;font-style:italic}.other{margin-top:.3rem;font-size:.9rem;color:#333}nav a{margin-right:1rem}
@media print{body{margin:0;max-width:none}h2,h3{break-after:avoid}.answer{break-inside:avoid}}
`;

/** The report page's Content-Security-Policy: nothing runs, its one style sheet is allowed by hash. */
export const HAIP_CSP = documentCsp(CSS);

const T = DOCUMENT_WORDS;

/**
 * The report as a page people read, print and publish — in one language, with the other
 * language's answer beneath where it differs, every Musubi-worded question and Musubi-translated
 * title marked, and each drafted answer's basis named (record kinds and business codes only).
 */
export function renderHaipHtml(doc: HaipReportDocument, lang: Lang, opts: { nav?: string } = {}): string {
  const t = (w: W) => esc(w[lang]);
  const other: Lang = lang === "ja" ? "en" : "ja";
  const tz = doc.organisation.timeZone;
  const sections = doc.sections
    .map((s) => {
      const marked = lang === "ja" && s.titleOrigin.ja === "musubi" ? ` <span class="meta">${t(T.musubiTitle)}</span>` : "";
      const qs = s.questions
        .map((q) => {
          const answer = q.answer[lang].trim() ? `<div class="answer">${esc(q.answer[lang])}</div>` : `<p class="empty">${t(T.noAnswer)}</p>`;
          const second = q.answer[other].trim() && q.answer[other].trim() !== q.answer[lang].trim() ? `<details class="other"><summary>${t(T.otherLanguage)}</summary><div class="answer" lang="${other}">${esc(q.answer[other])}</div></details>` : "";
          const basis = q.basis.draftedFromData
            ? `<p class="basis">${t(q.basis.editedByPeople ? T.drafted : T.draftedOnly)}${esc(q.basis.sources.map((src) => `${src.label[lang]}${src.records.length ? (lang === "ja" ? `（${src.records.map((r) => r.code ?? r.title.ja).join("、")}）` : ` (${src.records.map((r) => r.code ?? r.title.en).join(", ")})`) : ""}`).join(lang === "ja" ? "、" : "; "))}</p>`
            : "";
          const wording = q.wording === "musubi" ? `<p class="musubi">${t(T.musubiWording)}</p>` : "";
          return `<section aria-labelledby="q-${esc(q.id)}"><h3 id="q-${esc(q.id)}">${esc(q.id)} ${t(q.text)}</h3>${wording}${answer}${second}${basis}</section>`;
        })
        .join("\n");
      return `<h2>${t(s.title)}${marked}</h2>${s.writtenByPeople ? `<p class="meta">${t(T.people)}</p>` : ""}\n${qs}`;
    })
    .join("\n");
  const approval = doc.approval?.decidedAt ? `<p class="meta">${t(T.approved)}: ${esc(formatInstant(doc.approval.decidedAt, tz, lang))}</p>` : "";
  const published = doc.publication ? `<p class="meta">${t(T.published)}: ${esc(formatInstant(doc.publication.publishedAt, tz, lang))}${lang === "ja" ? `（第${doc.publication.number}版）` : ` (version ${doc.publication.number})`}</p>` : `<p class="musubi">${t(T.draft)}</p>`;
  const notes = doc.questionnaire.notes.map((n) => `<li>${esc(n[lang])}</li>`).join("");
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t(T.title)} ${doc.year} — ${esc(doc.organisation.name[lang])}</title><style>${CSS}</style></head>
<body>${opts.nav ?? ""}<main>
<h1>${esc(doc.organisation.name[lang])} ${t(T.title)}</h1>
<p class="meta">${t(T.year)}: ${doc.year}　${t(T.period)}: ${esc(doc.period.start)} – ${esc(doc.period.end)}</p>
<p class="meta">${t(T.roles)}: ${esc(doc.roles.map((r) => r.label[lang]).join(lang === "ja" ? "、" : ", "))}${lang === "ja" ? `（${esc(doc.path.label.ja)}）` : ` (${esc(doc.path.label.en)})`}</p>
<p class="meta">${t(T.questionnaire)}: ${esc(doc.questionnaire.name[lang])}</p>
${notes ? `<ul class="meta">${notes}</ul>` : ""}
${approval}${published}
${sections}
<p class="meta">${t(T.generated)}: ${esc(formatInstant(doc.generatedAt, tz, lang))}</p>
</main></body></html>`;
}

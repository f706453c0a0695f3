import type { Context, Hono } from "hono";
import type { AppDeps } from "../platform/http/route.ts";
import { negotiateLocale } from "../platform/i18n.ts";
import { documentCsp, escapeHtml as esc } from "../platform/html-document.ts";
import { pdfResponse } from "../platform/pdf/pdf.http.ts";
import { formatInstant } from "../platform/time.ts";
import { timeZoneOfSettings } from "../orgs/orgs.store.ts";
import { HaipReportDocument } from "./haip/haip.document.ts";
import { HAIP_CSP, renderHaipHtml } from "./haip/haip.html.ts";
import { renderHaipPdf } from "./haip/haip.pdf.ts";
import { CARD_CSP, renderSystemCardHtml } from "./system-card.html.ts";
import { renderSystemCardPdf } from "./system-card.pdf.ts";
import { SystemCard } from "./system-card.schema.ts";

type Lang = "ja" | "en";

const CSS = `body{font-family:"Noto Sans CJK JP","Noto Sans JP","Hiragino Sans","Yu Gothic",sans-serif;line-height:1.6;margin:2rem auto;max-width:48rem;color:#111;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:1.6rem}li{margin:.4rem 0}a{color:#0b57a4}.meta{color:#333;font-size:.9rem}nav a{margin-right:1rem}`;
const INDEX_CSP = documentCsp(CSS);

const W = {
  trust: { ja: "AIの透明性に関する公開情報", en: "AI transparency" },
  reports: { ja: "HAIP 透明性報告書", en: "HAIP transparency reports" },
  cards: { ja: "AIシステムカード", en: "AI system cards" },
  none: { ja: "公開中の文書はありません。", en: "Nothing is published." },
  published: { ja: "公開", en: "Published" },
  other: { ja: "English", en: "日本語" },
  notFound: { ja: "ページが見つかりません。", en: "Page not found." },
  formats: { ja: "ダウンロード", en: "Download" },
  note: { ja: "この文書は、組織が承認して公開した時点の内容を固定したものです。", en: "This document is frozen as the organisation approved and published it." },
} as const;

/** Every public page: the security test walks this list, so a page added here is tested there. */
export const PUBLIC_PAGES = { index: "/public/:org", haip: "/public/:org/haip/:year", card: "/public/:org/systems/:code" } as const;

/** The slugs an address may name: what organisation slugs are made of, nothing else reaches a query. */
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
const YEAR = /^\d{4}$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

/**
 * The public trust page (`/public/<org>/…`), signed out: an index of what the organisation has
 * published, each HAIP report and system card as its frozen snapshot (HTML in the reader's
 * language, JSON, PDF). Only live publications are read — never a draft, a withdrawn version or
 * any other table — and every miss, of whatever kind, is the same 404, so the page does not tell
 * which organisations or systems exist.
 */
export function mountPublicPages(app: Hono, deps: AppDeps): void {
  const db = deps.db.kysely;
  const langOf = (c: Context): Lang => {
    const q = c.req.query("lang");
    return q === "ja" || q === "en" ? q : negotiateLocale(c.req.header("accept-language")) === "ja" ? "ja" : "en";
  };
  const notFound = (c: Context) => {
    const lang = langOf(c);
    return page(lang, W.notFound[lang], `<h1>${esc(W.notFound[lang])}</h1>`, 404);
  };
  const live = async (slug: string, kind?: string, subject?: string) => {
    let q = db
      .selectFrom("publications as p")
      .innerJoin("organizations as o", "o.id", "p.org_id")
      .select(["p.kind", "p.subject", "p.number", "p.title_ja", "p.title_en", "p.document", "p.published_at", "o.name_ja", "o.name_en", "o.settings"])
      .where("o.slug", "=", slug)
      .where("p.withdrawn_at", "is", null);
    if (kind) q = q.where("p.kind", "=", kind);
    if (subject) q = q.where("p.subject", "=", subject);
    return q.orderBy("p.kind").orderBy("p.subject", "desc").execute();
  };

  app.get(PUBLIC_PAGES.index, async (c) => {
    const slug = c.req.param("org");
    if (!SLUG.test(slug)) return notFound(c);
    const rows = await live(slug);
    if (rows.length === 0) return notFound(c);
    const lang = langOf(c);
    const org = lang === "ja" ? rows[0]!.name_ja : rows[0]!.name_en;
    const tz = timeZoneOfSettings(rows[0]!.settings);
    const item = (r: (typeof rows)[number]) => {
      const base = r.kind === "haip-report" ? `/public/${slug}/haip/${r.subject}` : `/public/${slug}/systems/${encodeURIComponent(r.subject)}`;
      return `<li><a href="${esc(base)}?lang=${lang}">${esc(lang === "ja" ? r.title_ja : r.title_en)}</a> <span class="meta">${esc(W.published[lang])}: ${esc(formatInstant(r.published_at, tz, lang, "date"))}</span></li>`;
    };
    const reports = rows.filter((r) => r.kind === "haip-report");
    const cards = rows.filter((r) => r.kind === "system-card");
    const body = `<nav><a href="?lang=${lang === "ja" ? "en" : "ja"}" lang="${lang === "ja" ? "en" : "ja"}">${esc(W.other[lang])}</a></nav>
<h1>${esc(org)} — ${esc(W.trust[lang])}</h1>
<h2>${esc(W.reports[lang])}</h2>${reports.length ? `<ul>${reports.map(item).join("")}</ul>` : `<p>${esc(W.none[lang])}</p>`}
<h2>${esc(W.cards[lang])}</h2>${cards.length ? `<ul>${cards.map(item).join("")}</ul>` : `<p>${esc(W.none[lang])}</p>`}
<p class="meta">${esc(W.note[lang])}</p>`;
    return page(lang, `${org} — ${W.trust[lang]}`, body, 200);
  });

  app.get(PUBLIC_PAGES.haip, async (c) => {
    const { org: slug, year } = c.req.param();
    if (!SLUG.test(slug) || !YEAR.test(year)) return notFound(c);
    const [row] = await live(slug, "haip-report", year);
    if (!row) return notFound(c);
    const doc = HaipReportDocument.parse(JSON.parse(row.document));
    const lang = langOf(c);
    const format = c.req.query("format");
    if (format === "json") return jsonDownload(row.document, `haip-report-${year}-v${row.number}.json`);
    if (format === "pdf") return pdfResponse(await renderHaipPdf(doc, lang), `haip-report-${year}-v${row.number}-${lang}.pdf`);
    const nav = navFor(slug, lang, `/public/${slug}/haip/${year}`);
    return new Response(renderHaipHtml(doc, lang, { nav }), { headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": HAIP_CSP, "cache-control": "no-cache" } });
  });

  app.get(PUBLIC_PAGES.card, async (c) => {
    const { org: slug, code } = c.req.param();
    if (!SLUG.test(slug) || !CODE.test(code)) return notFound(c);
    const [row] = await live(slug, "system-card", code);
    if (!row) return notFound(c);
    const format = c.req.query("format");
    if (format === "json") return jsonDownload(row.document, `${code}-card-v${row.number}.json`);
    const card = SystemCard.parse(JSON.parse(row.document));
    if (format === "pdf") return pdfResponse(await renderSystemCardPdf(card, langOf(c)), `${code}-card-v${row.number}.pdf`);
    return new Response(renderSystemCardHtml(card), { headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": CARD_CSP, "cache-control": "no-cache" } });
  });

  app.all("/public/*", (c) => notFound(c));
}

function navFor(slug: string, lang: Lang, self: string): string {
  const other: Lang = lang === "ja" ? "en" : "ja";
  return `<nav><a href="/public/${esc(slug)}?lang=${lang}">${esc(W.trust[lang])}</a><a href="${esc(self)}?lang=${other}" lang="${other}">${esc(W.other[lang])}</a><a href="${esc(self)}?format=pdf&amp;lang=${lang}">PDF</a><a href="${esc(self)}?format=json">JSON</a></nav>`;
}

/** A public page in Musubi's plain, printable style: nothing runs, the one style sheet is allowed by hash. */
export function page(lang: Lang, title: string, body: string, status: 200 | 404): Response {
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${CSS}</style></head><body><main>${body}</main></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": INDEX_CSP, "cache-control": "no-cache" } });
}

function jsonDownload(text: string, name: string): Response {
  return new Response(text, { headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-cache" } });
}

import type { Context, Hono } from "hono";
import { page } from "../disclosures/public.pages.ts";
import type { AppDeps } from "../platform/http/route.ts";
import { escapeHtml as esc } from "../platform/html-document.ts";
import { negotiateLocale } from "../platform/i18n.ts";
import { formatInstant } from "../platform/time.ts";
import { timeZoneOfSettings } from "../orgs/orgs.store.ts";
import { DIMENSION_LABELS, valueLabel } from "./open-data.ts";
import type { OpenDataRow } from "./trends.ts";

type Lang = "ja" | "en";

/** The authority's public register: every page, for the security tests to walk. */
export const REGISTER_PAGES = { index: "/register/:org", item: "/register/:org/:code" } as const;

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
const CODE = /^PUB-\d{6}$/;

const W = {
  register: { ja: "公表情報", en: "Public register" },
  case: { ja: "権利侵害事案", en: "Cases of rights infringement" },
  advisory: { ja: "注意喚起・指導", en: "Advisories and guidance" },
  statistics: { ja: "統計", en: "Statistics" },
  withdrawn: { ja: "取り下げたもの", en: "Withdrawn" },
  none: { ja: "公表中のものはありません。", en: "Nothing is published." },
  published: { ja: "公表", en: "Published" },
  withdrawnOn: { ja: "取下げ", en: "Withdrawn" },
  reason: { ja: "理由", en: "Reason" },
  names: { ja: "対象の事業者", en: "Organisation concerned" },
  response: { ja: "事業者の見解（公表前に提出されたもの）", en: "The organisation's response (given before publication)" },
  other: { ja: "English", en: "日本語" },
  back: { ja: "公表情報の一覧", en: "Public register" },
  notFound: { ja: "ページが見つかりません。", en: "Page not found." },
  count: { ja: "件数", en: "Count" },
  suppressed: { ja: "3件未満", en: "fewer than 3" },
  month: { ja: "月", en: "Month" },
  value: { ja: "区分", en: "Value" },
  unknownMonth: { ja: "不明", en: "unknown" },
  statsNote: { ja: "提出者が秘匿指定した箇所は集計に含めていません。3件未満の件数は伏せています。", en: "Parts senders marked confidential are not counted. Counts below 3 are suppressed." },
} as const;

const paragraphs = (text: string) => text.split(/\n{2,}/).map((p) => `<p>${esc(p).replace(/\n/g, "<br>")}</p>`).join("");

/**
 * The authority's public register, signed out: what it published through due process — cases,
 * advisories, statistics — in Japanese or English, as HTML or JSON. Only published (and, as titles
 * with their reason, withdrawn) publications are read; every miss is the same 404, so the page
 * does not tell which authorities or publications exist. Confidential content cannot be here: a
 * draft quoting it is refused, and statistics are counted without it.
 */
export function mountRegisterPages(app: Hono, deps: AppDeps): void {
  const db = deps.db.kysely;
  const langOf = (c: Context): Lang => {
    const q = c.req.query("lang");
    return q === "ja" || q === "en" ? q : negotiateLocale(c.req.header("accept-language")) === "ja" ? "ja" : "en";
  };
  const notFound = (c: Context) => page(langOf(c), W.notFound[langOf(c)], `<h1>${esc(W.notFound[langOf(c)])}</h1>`, 404);
  const authority = (slug: string) => db.selectFrom("organizations").select(["id", "slug", "name_ja", "name_en", "settings"]).where("slug", "=", slug).where("kind", "=", "authority").executeTakeFirst();
  const items = (orgId: string) =>
    db
      .selectFrom("oversight_publications as p")
      .leftJoin("exchange_connections as c", (j) => j.onRef("c.id", "=", "p.connection_id").onRef("c.org_id", "=", "p.org_id"))
      .select(["p.code", "p.subject_type", "p.title_ja", "p.title_en", "p.body_ja", "p.body_en", "p.snapshot", "p.status", "p.response", "p.published_at", "p.withdrawn_at", "p.withdraw_reason", "c.counterpart_name_ja", "c.counterpart_name_en"])
      .where("p.org_id", "=", orgId)
      .where("p.status", "in", ["published", "withdrawn"])
      .orderBy("p.published_at", "desc")
      .limit(1000)
      .execute();

  app.get(REGISTER_PAGES.index, async (c) => {
    const slug = c.req.param("org");
    const org = SLUG.test(slug) ? await authority(slug) : undefined;
    if (!org) return notFound(c);
    const lang = langOf(c);
    const tz = timeZoneOfSettings(org.settings);
    const rows = await items(org.id);
    const name = lang === "ja" ? org.name_ja : org.name_en;
    if (c.req.query("format") === "json") {
      return c.json({ format: "musubi-public-register/1", authority: { ja: org.name_ja, en: org.name_en }, publications: rows.filter((r) => r.status === "published").map((r) => ({ code: r.code, kind: r.subject_type, title: { ja: r.title_ja, en: r.title_en }, publishedAt: r.published_at, url: `/register/${slug}/${r.code}` })), withdrawn: rows.filter((r) => r.status === "withdrawn").map((r) => ({ code: r.code, title: { ja: r.title_ja, en: r.title_en }, withdrawnAt: r.withdrawn_at, reason: r.withdraw_reason })) });
    }
    const link = (r: (typeof rows)[number]) => `<li><a href="/register/${esc(slug)}/${esc(r.code)}?lang=${lang}">${esc(lang === "ja" ? r.title_ja : r.title_en)}</a> <span class="meta">${esc(W.published[lang])}: ${esc(formatInstant(r.published_at!, tz, lang, "date"))}</span></li>`;
    const section = (kind: "case" | "advisory" | "statistics") => {
      const list = rows.filter((r) => r.status === "published" && r.subject_type === kind);
      return `<h2>${esc(W[kind][lang])}</h2>${list.length ? `<ul>${list.map(link).join("")}</ul>` : `<p>${esc(W.none[lang])}</p>`}`;
    };
    const withdrawn = rows.filter((r) => r.status === "withdrawn");
    const body = `<nav><a href="?lang=${lang === "ja" ? "en" : "ja"}" lang="${lang === "ja" ? "en" : "ja"}">${esc(W.other[lang])}</a><a href="?format=json">JSON</a></nav>
<h1>${esc(name)} — ${esc(W.register[lang])}</h1>${section("case")}${section("advisory")}${section("statistics")}
${withdrawn.length ? `<h2>${esc(W.withdrawn[lang])}</h2><ul>${withdrawn.map((r) => `<li>${esc(lang === "ja" ? r.title_ja : r.title_en)} <span class="meta">${esc(W.withdrawnOn[lang])}: ${esc(formatInstant(r.withdrawn_at!, tz, lang, "date"))} — ${esc(W.reason[lang])}: ${esc(r.withdraw_reason)}</span></li>`).join("")}</ul>` : ""}`;
    return page(lang, `${name} — ${W.register[lang]}`, body, 200);
  });

  app.get(REGISTER_PAGES.item, async (c) => {
    const { org: slug, code } = c.req.param();
    const org = SLUG.test(slug) && CODE.test(code) ? await authority(slug) : undefined;
    const row = org ? (await items(org.id)).find((r) => r.code === code && r.status === "published") : undefined;
    if (!org || !row) return notFound(c);
    const lang = langOf(c);
    const tz = timeZoneOfSettings(org.settings);
    const response = row.response ? (JSON.parse(row.response) as { text: string; respondedAt: string }) : null;
    const stats = row.snapshot ? (JSON.parse(row.snapshot) as { from: string; to: string; rows: OpenDataRow[] }) : null;
    if (c.req.query("format") === "json") {
      return c.json({ format: "musubi-publication/1", code: row.code, kind: row.subject_type, authority: { ja: org.name_ja, en: org.name_en }, title: { ja: row.title_ja, en: row.title_en }, body: { ja: row.body_ja, en: row.body_en }, names: row.counterpart_name_ja ? { ja: row.counterpart_name_ja, en: row.counterpart_name_en } : null, response, statistics: stats, publishedAt: row.published_at });
    }
    const title = lang === "ja" ? row.title_ja : row.title_en;
    const table = stats
      ? `<h2>${esc(W.statistics[lang])} (${esc(stats.from)} – ${esc(stats.to)})</h2><table><thead><tr><th scope="col">${esc(W.value[lang])}</th><th scope="col">${esc(W.month[lang])}</th><th scope="col">${esc(W.count[lang])}</th></tr></thead><tbody>${stats.rows
          .map((r) => `<tr><td>${esc(DIMENSION_LABELS[r.dimension][lang])}: ${esc(valueLabel(deps.library, r.dimension, r.value)[lang])}</td><td>${esc(r.month === "unknown" ? W.unknownMonth[lang] : r.month)}</td><td>${r.suppressed ? esc(W.suppressed[lang]) : esc(r.count)}</td></tr>`)
          .join("")}</tbody></table><p class="meta">${esc(W.statsNote[lang])}</p>`
      : "";
    const body = `<nav><a href="/register/${esc(slug)}?lang=${lang}">${esc(W.back[lang])}</a><a href="?lang=${lang === "ja" ? "en" : "ja"}" lang="${lang === "ja" ? "en" : "ja"}">${esc(W.other[lang])}</a><a href="?format=json">JSON</a></nav>
<h1>${esc(title)}</h1><p class="meta">${esc(lang === "ja" ? org.name_ja : org.name_en)} — ${esc(W.published[lang])}: ${esc(formatInstant(row.published_at!, tz, lang, "date"))}</p>
${row.counterpart_name_ja ? `<p><strong>${esc(W.names[lang])}:</strong> ${esc(lang === "ja" ? row.counterpart_name_ja : row.counterpart_name_en)}</p>` : ""}
${paragraphs(lang === "ja" ? row.body_ja : row.body_en)}
${response ? `<h2>${esc(W.response[lang])}</h2>${paragraphs(response.text)}` : ""}${table}`;
    return page(lang, title, body, 200);
  });

  app.all("/register/*", (c) => notFound(c));
}

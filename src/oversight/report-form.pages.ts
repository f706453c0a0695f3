import { createHash } from "node:crypto";
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { z } from "zod";
import { HARM_TYPES, RIGHTS } from "../incidents/vocabulary.ts";
import { AppError } from "../platform/errors.ts";
import { clientAddress } from "../platform/http/client-address.ts";
import { wordIssue } from "../platform/http/field-messages.ts";
import type { AppDeps } from "../platform/http/route.ts";
import { escapeHtml as esc } from "../platform/html-document.ts";
import { negotiateLocale } from "../platform/i18n.ts";
import { filePublicReport, HarmReportInput } from "./public-report.ts";

type Lang = "ja" | "en";

/** The public harm-report form, for the security tests to walk. */
export const REPORT_FORM_PATH = "/report/:org";
/** A report form is a few kilobytes: anything larger is refused before it is read. */
const MAX_FORM_BYTES = 64 * 1024;
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

const CSS = `body{font-family:"Noto Sans CJK JP","Noto Sans JP","Hiragino Sans","Yu Gothic",sans-serif;line-height:1.6;margin:2rem auto;max-width:44rem;color:#111;padding:0 1rem}
h1{font-size:1.5rem}label{display:block;font-weight:600;margin-top:1rem}.hint{color:#333;font-size:.9rem;margin:.2rem 0}
input[type=text],input[type=email],textarea{width:100%;box-sizing:border-box;font:inherit;padding:.4rem;border:1px solid #555;border-radius:4px}
textarea{min-height:10rem}fieldset{margin-top:1rem;border:1px solid #999;border-radius:4px}legend{font-weight:600}
fieldset label{display:inline-flex;gap:.3rem;font-weight:400;margin:.2rem 1rem .2rem 0}
button{margin-top:1.5rem;font:inherit;padding:.5rem 1.2rem;background:#0b57a4;color:#fff;border:0;border-radius:4px}
:focus-visible{outline:3px solid #b45309;outline-offset:2px}.error{color:#a40e0e;font-weight:600}.trap{position:absolute;left:-10000px}a{color:#0b57a4}`;
const CSP = ["default-src 'none'", `style-src 'sha256-${createHash("sha256").update(CSS).digest("base64")}'`, "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'"].join("; ");

const W = {
  title: { ja: "AIによる被害の報告", en: "Report harm from an AI system" },
  intro: {
    ja: "AIシステムやAIを使ったサービスによって、あなたや他の人の権利・利益が損なわれた（又はそのおそれがある）と感じたときに、この当局に知らせるための窓口です。アカウントは不要です。報告は当局の分析に使われます。個別の回答はお約束できません。",
    en: "Tell this authority when an AI system, or a service using AI, harmed (or may harm) your or other people's rights or interests. No account is needed. Reports are used in the authority's analysis; an individual answer cannot be promised.",
  },
  musubi: { ja: "この様式の文言はMusubiによるものです。", en: "The wording of this form is Musubi's." },
  description: { ja: "何が起きましたか（必須）", en: "What happened? (required)" },
  descriptionHint: { ja: "10文字以上、5,000文字以内。", en: "10 to 5,000 characters." },
  service: { ja: "AIシステム・サービスの名前", en: "Name of the AI system or service" },
  provider: { ja: "提供している事業者", en: "Who provides it" },
  when: { ja: "いつ頃ですか", en: "When did it happen?" },
  whenHint: { ja: "例：2026-11 又は 2026-11-03", en: "e.g. 2026-11 or 2026-11-03" },
  harmTypes: { ja: "被害の種類（当てはまるもの）", en: "Kind of harm (all that apply)" },
  rights: { ja: "損なわれた権利・利益（当てはまるもの）", en: "Rights or interests affected (all that apply)" },
  contact: { ja: "連絡先（任意）", en: "How to reach you (optional)" },
  contactHint: { ja: "個人情報として扱われ、公表・オープンデータには一切含まれません。", en: "Kept as personal data: never published, never in open data." },
  send: { ja: "報告を送る", en: "Send the report" },
  thanks: { ja: "報告を受け付けました", en: "Your report was received" },
  reference: { ja: "受付番号", en: "Reference" },
  keep: { ja: "受付番号を控えておいてください。", en: "Keep this reference." },
  fix: { ja: "入力内容を確認してください。", en: "Please check what you entered." },
  other: { ja: "English", en: "日本語" },
  notFound: { ja: "ページが見つかりません。", en: "Page not found." },
  tooMany: { ja: "短時間に多くの報告が送られたため、受け付けられませんでした。1時間ほど後にもう一度お試しください。", en: "Too many reports were sent in a short time. Please try again in about an hour." },
  tooLarge: { ja: "内容が大きすぎます。", en: "The report is too large." },
} as const;

function html(lang: Lang, title: string, body: string, status: number): Response {
  return new Response(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${CSS}</style></head><body><main>${body}</main></body></html>`, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": CSP, "cache-control": "no-store" },
  });
}

type Values = Partial<Record<keyof z.input<typeof HarmReportInput>, string | string[]>>;

function form(lang: Lang, slug: string, authority: string, values: Values, errors: Map<string, string>): string {
  const v = (k: keyof Values) => esc(typeof values[k] === "string" ? (values[k] as string) : "");
  const err = (k: string) => (errors.has(k) ? `<p class="error" id="${k}-error">${esc(errors.get(k))}</p>` : "");
  const described = (k: string, hint?: boolean) => [hint ? `${k}-hint` : "", errors.has(k) ? `${k}-error` : ""].filter(Boolean).join(" ");
  const boxes = (name: "harmTypes" | "rights", vocab: Record<string, { ja: string; en: string }>) => {
    const chosen = new Set(([] as string[]).concat(values[name] ?? []));
    return Object.entries(vocab).map(([key, label]) => `<label><input type="checkbox" name="${name}" value="${esc(key)}"${chosen.has(key) ? " checked" : ""}>${esc(label[lang])}</label>`).join("");
  };
  return `<nav><a href="?lang=${lang === "ja" ? "en" : "ja"}" lang="${lang === "ja" ? "en" : "ja"}">${esc(W.other[lang])}</a></nav>
<h1>${esc(W.title[lang])} — ${esc(authority)}</h1><p>${esc(W.intro[lang])}</p><p class="hint">${esc(W.musubi[lang])}</p>
${errors.size ? `<p class="error" role="alert">${esc(W.fix[lang])}</p>` : ""}
<form method="post" action="/report/${esc(slug)}?lang=${lang}">
<label for="description">${esc(W.description[lang])}</label><p class="hint" id="description-hint">${esc(W.descriptionHint[lang])}</p>${err("description")}
<textarea id="description" name="description" required maxlength="5000" aria-describedby="${described("description", true)}"${errors.has("description") ? ' aria-invalid="true"' : ""}>${v("description")}</textarea>
<label for="service">${esc(W.service[lang])}</label>${err("service")}<input type="text" id="service" name="service" maxlength="200" value="${v("service")}"${described("service") ? ` aria-describedby="${described("service")}"` : ""}>
<label for="provider">${esc(W.provider[lang])}</label>${err("provider")}<input type="text" id="provider" name="provider" maxlength="200" value="${v("provider")}">
<label for="when">${esc(W.when[lang])}</label><p class="hint" id="when-hint">${esc(W.whenHint[lang])}</p>${err("when")}<input type="text" id="when" name="when" maxlength="10" inputmode="numeric" value="${v("when")}" aria-describedby="${described("when", true)}"${errors.has("when") ? ' aria-invalid="true"' : ""}>
<fieldset><legend>${esc(W.harmTypes[lang])}</legend>${boxes("harmTypes", HARM_TYPES)}</fieldset>
<fieldset><legend>${esc(W.rights[lang])}</legend>${boxes("rights", RIGHTS)}</fieldset>
<label for="contact">${esc(W.contact[lang])}</label><p class="hint" id="contact-hint">${esc(W.contactHint[lang])}</p>${err("contact")}<input type="text" id="contact" name="contact" maxlength="200" autocomplete="email" value="${v("contact")}" aria-describedby="${described("contact", true)}">
<div class="trap" aria-hidden="true"><label for="website">Website</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
<button type="submit">${esc(W.send[lang])}</button>
</form>`;
}

/**
 * The public harm-report form of each authority (`/report/<authority>`), signed out, in Japanese or
 * English, working without JavaScript: bounded (64 KiB, each field capped), rate-limited per
 * address and per authority, with a trap field for bots. A wrong entry comes back with the words
 * kept and each problem said next to its field.
 */
export function mountReportForm(app: Hono, deps: AppDeps): void {
  const db = deps.db;
  const langOf = (c: Context): Lang => {
    const q = c.req.query("lang");
    return q === "ja" || q === "en" ? q : negotiateLocale(c.req.header("accept-language")) === "ja" ? "ja" : "en";
  };
  const authority = async (slug: string) => (SLUG.test(slug) ? await db.kysely.selectFrom("organizations").select(["name_ja", "name_en"]).where("slug", "=", slug).where("kind", "=", "authority").executeTakeFirst() : undefined);
  const notFound = (c: Context) => html(langOf(c), W.notFound[langOf(c)], `<h1>${esc(W.notFound[langOf(c)])}</h1>`, 404);

  app.get(REPORT_FORM_PATH, async (c) => {
    const slug = c.req.param("org");
    const org = await authority(slug);
    if (!org) return notFound(c);
    const lang = langOf(c);
    return html(lang, W.title[lang], form(lang, slug, lang === "ja" ? org.name_ja : org.name_en, {}, new Map()), 200);
  });

  app.post(
    REPORT_FORM_PATH,
    bodyLimit({ maxSize: MAX_FORM_BYTES, onError: (c) => html(langOf(c), W.tooLarge[langOf(c)], `<h1>${esc(W.tooLarge[langOf(c)])}</h1>`, 413) }),
    async (c) => {
      const slug = c.req.param("org");
      const org = await authority(slug);
      if (!org) return notFound(c);
      const lang = langOf(c);
      const name = lang === "ja" ? org.name_ja : org.name_en;
      let form_: Record<string, string | File | (string | File)[]>;
      try {
        form_ = await c.req.parseBody({ all: true });
      } catch {
        form_ = {};
      }
      const text = (k: string) => (typeof form_[k] === "string" ? (form_[k] as string) : "");
      const list = (k: string) => ([] as unknown[]).concat(form_[k] ?? []).filter((x): x is string => typeof x === "string");
      const values: Values = { description: text("description"), service: text("service"), provider: text("provider"), when: text("when").trim(), contact: text("contact"), website: text("website"), harmTypes: list("harmTypes"), rights: list("rights") };
      const parsed = HarmReportInput.safeParse(values);
      if (!parsed.success) {
        const errors = new Map<string, string>();
        for (const issue of parsed.error.issues) {
          const key = String(issue.path[0] ?? "description");
          if (!errors.has(key)) errors.set(key, wordIssue(issue, values, lang));
        }
        return html(lang, W.title[lang], form(lang, slug, name, values, errors), 400);
      }
      try {
        const { reference } = await filePublicReport(db, slug, parsed.data, clientAddress(c, deps.trustedProxies));
        return html(lang, W.thanks[lang], `<h1>${esc(W.thanks[lang])}</h1><p>${esc(name)}</p><p>${esc(W.reference[lang])}: <strong>${esc(reference)}</strong></p><p>${esc(W.keep[lang])}</p>`, 201);
      } catch (err) {
        if (err instanceof AppError && err.code === "rate_limited") return html(lang, W.title[lang], `<h1>${esc(W.title[lang])}</h1><p role="alert">${esc(W.tooMany[lang])}</p>`, 429);
        throw err;
      }
    },
  );
}

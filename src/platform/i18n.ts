/** Languages Musubi speaks. Japanese first: it is the primary audience. */
export const LOCALES = ["ja", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Picks the caller's language from an Accept-Language header (RFC 9110 q-values).
 * English is the fallback because API clients that send nothing are usually scripts.
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return "en";
  let best: { locale: Locale; q: number } | undefined;
  for (const part of header.split(",")) {
    const [tag, ...params] = part.trim().split(";");
    const lang = tag?.trim().toLowerCase().slice(0, 2);
    if (lang !== "ja" && lang !== "en") continue;
    const qParam = params.find((p) => p.trim().startsWith("q="));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { locale: lang, q };
  }
  return best?.locale ?? "en";
}

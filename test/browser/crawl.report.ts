import { FINDING_KINDS, type FindingKind } from "./crawl.checks.ts";
import type { Finding, Where } from "./crawl.session.ts";

/** A finding seen on at least this many pages is listed once, under "on many pages". */
const MANY_PAGES = 5;
const EXAMPLES = 3;

interface Seen {
  kind: FindingKind;
  detail: string;
  context: string;
  pages: Map<string, Set<string>>;
}

const pageOf = (w: Where) => `${w.url}${w.title ? ` «${w.title}»` : ""}${w.dialog ? ` › dialog «${w.dialog}»` : ""}${w.state ? ` › ${w.state}` : ""}`;

/** "admin/ja, viewer/en" — or "every session" when all twelve saw it. */
function sessionsText(sessions: Set<string>, total: number): string {
  return sessions.size === total ? "every session" : [...sessions].sort().join(", ");
}

function collect(findings: readonly Finding[]): Seen[] {
  const byKey = new Map<string, Seen>();
  for (const f of findings) {
    const key = `${f.kind}\u0000${f.detail}`;
    let seen = byKey.get(key);
    if (!seen) byKey.set(key, (seen = { kind: f.kind, detail: f.detail, context: f.context, pages: new Map() }));
    // Sessions run side by side: the same context whichever session reported first.
    if (f.context < seen.context) seen.context = f.context;
    const page = pageOf(f.where);
    if (!seen.pages.has(page)) seen.pages.set(page, new Set());
    seen.pages.get(page)!.add(f.where.session);
  }
  for (const seen of byKey.values()) seen.pages = new Map([...seen.pages].sort(([a], [b]) => a.localeCompare(b)));
  return [...byKey.values()].sort((a, b) => a.detail.localeCompare(b.detail));
}

const line = (s: Seen) => `[${s.kind}] ${JSON.stringify(s.detail)}${s.context ? ` — ${s.context}` : ""}`;

/**
 * The findings as a person reads them: first those seen on many pages (the header, a shared
 * component), then page by page, each finding once with the sessions that saw it.
 */
export function reportByPage(findings: readonly Finding[], sessionCount: number): string {
  const all = collect(findings);
  const many = all.filter((s) => s.pages.size >= MANY_PAGES).sort((a, b) => b.pages.size - a.pages.size);
  const out: string[] = [];
  if (many.length > 0) {
    out.push(`On ${MANY_PAGES} or more pages:`);
    for (const s of many) {
      out.push(`  ${line(s)}`);
      out.push(`      on ${s.pages.size} pages, e.g. ${[...s.pages.keys()].slice(0, EXAMPLES).join("; ")}`);
    }
  }
  const byPage = new Map<string, { seen: Seen; sessions: Set<string> }[]>();
  for (const s of all) {
    if (s.pages.size >= MANY_PAGES) continue;
    for (const [page, sessions] of s.pages) {
      if (!byPage.has(page)) byPage.set(page, []);
      byPage.get(page)!.push({ seen: s, sessions });
    }
  }
  for (const [page, items] of [...byPage].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(page);
    items.sort((a, b) => FINDING_KINDS.indexOf(a.seen.kind) - FINDING_KINDS.indexOf(b.seen.kind));
    for (const { seen, sessions } of items) out.push(`  ${line(seen)}  (${sessionsText(sessions, sessionCount)})`);
  }
  return out.join("\n");
}

/** Each kind of finding with its distinct details, how many pages show each, and example pages. */
export function reportByKind(findings: readonly Finding[]): string {
  const all = collect(findings);
  const out: string[] = [];
  for (const kind of FINDING_KINDS) {
    const ofKind = all.filter((s) => s.kind === kind).sort((a, b) => b.pages.size - a.pages.size);
    if (ofKind.length === 0) continue;
    out.push(`${kind}: ${ofKind.length} distinct`);
    for (const s of ofKind) {
      out.push(`  ${JSON.stringify(s.detail)} on ${s.pages.size} page(s)${s.context ? ` — ${s.context}` : ""}`);
      out.push(`      e.g. ${[...s.pages.keys()].slice(0, EXAMPLES).join("; ")}`);
    }
  }
  return out.join("\n");
}

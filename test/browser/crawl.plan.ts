import fs from "node:fs";
import { fileURLToPath } from "node:url";
import type { Role } from "../../src/platform/authz.ts";

const ROUTES_FILE = fileURLToPath(new URL("../../web/src/app/routes.ts", import.meta.url));

/**
 * The web app's route patterns, read from `web/src/app/routes.ts` (it imports the pages, so Node
 * cannot load it): a page added there is classified without touching the crawl.
 */
export const ROUTE_PATTERNS: readonly string[] = [...fs.readFileSync(ROUTES_FILE, "utf8").matchAll(/\bpath: "([^"]+)"/g)].map((m) => m[1]!);
if (ROUTE_PATTERNS.length < 10) throw new Error(`read only ${ROUTE_PATTERNS.length} routes from ${ROUTES_FILE}; has its format changed?`);

function matches(pattern: string, path: string): boolean {
  const want = pattern.split("/");
  const have = path.split("/");
  return want.length === have.length && want.every((w, i) => (w.startsWith(":") ? have[i] !== "" : w === have[i]));
}

/** The route pattern a path is served by, first match as the app's router does; undefined when none. */
export function routeOf(path: string): string | undefined {
  const normalized = path.length > 1 ? path.replace(/\/+$/, "") : path;
  return ROUTE_PATTERNS.find((p) => matches(p, normalized));
}

/**
 * A page's kind: its route pattern plus the names of its query parameters, so `/systems/sys_…`
 * and `/systems?tag=x` are different kinds and every system page is the same one.
 */
export function pageKind(url: string): string {
  const u = new URL(url, "http://x");
  const names = [...new Set(u.searchParams.keys())].sort();
  return `${routeOf(u.pathname) ?? u.pathname}${names.length > 0 ? `?${names.join("&")}` : ""}`;
}

/**
 * Reference data — the framework library — is not the demo organisation's data and has thousands
 * of nodes: the crawl samples it instead of visiting every node.
 */
const isReference = (kind: string) => kind.startsWith("/library/");

/** Which linked pages a session visits, beyond the navigation itself. */
export interface LinkPolicy {
  /** Whether to visit `target`, found on the page `sourceUrl`; records the visit when it says yes. */
  admit(target: string, sourceUrl: string): boolean;
}

/**
 * The administrator sees every record, so its sessions visit every detail page of the demo data.
 * The library is sampled: each page leads to at most three library pages of a kind, and a session
 * visits at most 30 of a kind — a system's requirements tab alone links to a hundred nodes. Other
 * roles visit one page of each kind: enough to see what the role is shown.
 */
export function linkPolicy(role: Role): LinkPolicy {
  const perKind = new Map<string, number>();
  const perSource = new Map<string, number>();
  return {
    admit(target, sourceUrl) {
      const kind = pageKind(target);
      const seen = perKind.get(kind) ?? 0;
      if (role !== "admin" && seen >= 1) return false;
      if (role === "admin" && isReference(kind)) {
        const key = `${sourceUrl}\u0000${kind}`;
        const fromHere = perSource.get(key) ?? 0;
        if (fromHere >= 3 || seen >= 30) return false;
        perSource.set(key, fromHere + 1);
      }
      perKind.set(kind, seen + 1);
      return true;
    },
  };
}

/** How many buttons of the same name on one page are clicked (row actions: edit, delete, expand). */
export const SAME_NAME_CLICKS: Record<"admin" | "other", number> = { admin: 3, other: 1 };
/** How many times a pager's "next" is followed while it stays enabled (the administrator only). */
export const PAGER_PAGES = 60;

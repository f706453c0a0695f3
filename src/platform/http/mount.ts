import { bodyLimit } from "hono/body-limit";
import type { Context, Hono } from "hono";
import { authenticate } from "../../auth/authenticate.ts";
import { authorize } from "../authz.ts";
import { AppError } from "../errors.ts";
import { negotiateLocale } from "../i18n.ts";
import type { AnyRoute, AppDeps } from "./route.ts";
import { validate } from "./validate.ts";
import { readBody } from "./read-body.ts";
import { ledgerHead } from "./page-cache.ts";
import { todayIn } from "../time.ts";
import { orgLibrary } from "../../library/org/org-library.ts";

const UNSAFE = new Set(["post", "put", "patch", "delete"]);

/**
 * Mounts a route behind the fixed pipeline: authenticate → CSRF → authorise → validate → handle.
 * Handlers never see an unauthenticated or unauthorised call, so none has to remember to check.
 */
export function mountRoute(app: Hono, appDeps: AppDeps, route: AnyRoute): void {
  if (route.access === undefined) throw new Error(`route ${route.method} ${route.path} declares no access policy`);
  // Reads run on SQLite's query-only connection, so a long write does not hold them up (see
  // `Db.reader`); a GET that tried to write would fail there, which keeps GETs honest.
  const deps = route.method === "get" && !route.createsOnFirstUse && appDeps.db.reader ? { ...appDeps, db: appDeps.db.reader } : appDeps;
  // Only requests that may carry a body get a limit: touching the body of a GET makes the Node
  // adapter build a full web Request (stream, abort signal), which measurably slowed every read.
  const maxBytes = route.upload ? Math.min(route.uploadLimit ?? Infinity, deps.config.uploadLimitBytes) : deps.config.bodyLimitBytes;
  if (route.method !== "get") {
    const limit = bodyLimit({
      maxSize: maxBytes,
      onError: () => {
        throw new AppError(413, "payload_too_large", { maxBytes });
      },
    });
    app.on(route.method.toUpperCase(), route.path, limit);
  }
  const label = route.path;
  app.on(route.method.toUpperCase(), route.path, async (c) => {
    // For the metrics: the route's pattern, never the ids in the path (one series per route).
    c.set("route" as never, label as never);
    const locale = negotiateLocale(c.req.header("accept-language"));
    const requestId = c.get("requestId") as string;
    let actor = undefined as unknown as Parameters<AnyRoute["handler"]>[0]["actor"];
    if (route.access !== "public") {
      actor = await authenticate(deps, c);
      if (actor.kind === "session" && UNSAFE.has(route.method)) checkCsrf(c, actor.csrfToken);
      authorize(actor, route.access.permission);
    }
    const cache = route.cache !== undefined && actor ? deps.pageCache : undefined;
    let cached: { key: string; head: number; etag: string } | undefined;
    if (cache) {
      // Read before the handler runs, so the label is never newer than the data it labels.
      const head = actor.ledgerHead ?? (await ledgerHead(deps.db, actor.orgId));
      // Answers that depend on today's date (overdue, expiring) are also keyed by the date: the
      // organisation's, so they turn over at its midnight. A change of zone is a ledger entry, so
      // the head moves too and nothing cached under the old zone's day is served again.
      const day = route.cache === "ledger-daily" ? ` ${todayIn(actor.timeZone)}` : "";
      const key = `${actor.orgId} ${c.req.url}${day}`;
      // The organisation is part of the tag: two tenants' heads can have the same number.
      const etag = `W/"${actor.orgId}.${head}${day.replace(" ", ".")}"`;
      // Looked up before validation: only answers to valid requests are ever stored, and the
      // key is the whole URL, so a hit is an answer to this very (valid) request.
      const hit = cache.get(key, head);
      if (hit !== undefined) {
        c.header("etag", etag);
        if (c.req.header("if-none-match") === etag) return c.body(null, 304);
        return c.body(hit as Uint8Array<ArrayBuffer>, 200, { "content-type": "application/json" });
      }
      cached = { key, head, etag };
    }
    const params = route.params ? validate(route.params, c.req.param(), "params", locale) : undefined;
    const query = route.query ? validate(route.query, c.req.query(), "query", locale) : undefined;
    // Uploads are read only after the caller is authenticated and authorised.
    const body = route.upload ? await readBody(c.req.raw) : route.body ? validate(route.body, await readJson(c), "body", locale) : undefined;
    if (cached) {
      c.header("etag", cached.etag);
      if (c.req.header("if-none-match") === cached.etag) return c.body(null, 304);
    }
    // An organisation with frameworks of its own is answered with the library extended by them.
    const library = actor?.frameworksStamp ? await orgLibrary(deps.library, deps.db.kysely, actor.orgId, actor.frameworksStamp) : deps.library;
    const result = await route.handler({ deps: library === deps.library ? deps : { ...deps, library }, actor, params, query, body, locale, requestId, c });
    if (result instanceof Response) return result;
    if (route.status === 204) return c.body(null, 204);
    if (cached && cache) {
      const bytes = Buffer.from(JSON.stringify(result));
      cache.set(cached.key, cached.head, bytes);
      return c.body(bytes, route.status ?? 200, { "content-type": "application/json" });
    }
    return c.json(result as object, route.status ?? 200);
  });
}

/** Cookie-authenticated writes must echo the session's CSRF token (synchronizer-token pattern). */
function checkCsrf(c: Context, expected: string | undefined) {
  const sent = c.req.header("x-csrf-token");
  if (!expected || !sent || sent !== expected) throw new AppError(403, "csrf_failed");
}

async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new AppError(415, "unsupported_media_type");
  const text = await c.req.text();
  if (text.trim() === "") throw new AppError(400, "malformed_json");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(400, "malformed_json");
  }
}

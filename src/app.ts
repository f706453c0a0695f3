import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { Hono } from "hono";
import { httpDuration, httpRequests, registry, scrapeAllowed } from "./platform/metrics.ts";
import { requestId } from "hono/request-id";
import { serveStatic } from "@hono/node-server/serve-static";
import { AppError, errorBody } from "./platform/errors.ts";
import { fromDatabaseError } from "./platform/db-errors.ts";
import { negotiateLocale } from "./platform/i18n.ts";
import { mountRoute } from "./platform/http/mount.ts";
import type { AnyRoute, AppDeps } from "./platform/http/route.ts";
import { mountApiDocs } from "./platform/http/docs.ts";
import { securityHeaders } from "./platform/http/security-headers.ts";
import { ROUTES } from "./routes.ts";
import { mountPublicPages } from "./disclosures/public.pages.ts";
import { mountRegisterPages } from "./oversight/register.pages.ts";
import { mountReportForm } from "./oversight/report-form.pages.ts";

const WEB_DIST = fileURLToPath(new URL("../dist/web", import.meta.url));

/**
 * The HTTP application: security headers, request ids and logs, a body limit on the API, every
 * registered route behind the access pipeline, the API docs, and the web UI with SPA fallback.
 */
export function createApp(deps: AppDeps, routes: readonly AnyRoute[] = ROUTES): Hono {
  const app = new Hono();
  const log = deps.logger;

  app.use("*", requestId({ headerName: "x-request-id" }));
  app.use("*", securityHeaders());
  const debug = log.isLevelEnabled("debug");
  app.use("/api/*", async (c, next) => {
    const started = performance.now();
    c.header("cache-control", "no-store");
    await next();
    // An answer a handler built itself (a download, a report) is never cached by the browser either.
    if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "no-store");
    const seconds = (performance.now() - started) / 1000;
    const route = (c.get("route" as never) as string | undefined) ?? "unmatched";
    httpRequests.inc({ method: c.req.method, route, status: String(c.res.status) });
    httpDuration.observe({ method: c.req.method, route }, seconds);
    if (c.res.status < 500 && !debug) return;
    const ms = Math.round(seconds * 10_000) / 10;
    const line = { reqId: c.get("requestId"), method: c.req.method, path: c.req.path, status: c.res.status, ms };
    if (c.res.status >= 500) log.error(line, "request failed");
    else log.debug(line, "request");
  });
  for (const route of routes) mountRoute(app, deps, route);
  // Prometheus's scrape, only when a token is configured (MUSUBI_METRICS_TOKEN): nothing is exposed otherwise.
  const metricsToken = deps.config.metricsToken;
  app.get("/metrics", async (c) => {
    const locale = negotiateLocale(c.req.header("accept-language"));
    if (!metricsToken) return c.json(errorBody("route_not_found", locale), 404);
    if (!scrapeAllowed(c.req.header("authorization"), metricsToken)) return c.json(errorBody("unauthenticated", locale), 401);
    return c.body(await registry.metrics(), 200, { "content-type": registry.contentType, "cache-control": "no-store" });
  });
  mountApiDocs(app);

  app.all("/api/*", () => {
    throw new AppError(404, "route_not_found");
  });
  mountPublicPages(app, deps);
  mountRegisterPages(app, deps);
  mountReportForm(app, deps);

  if (existsSync(WEB_DIST)) {
    app.use("/assets/*", serveStatic({ root: WEB_DIST }));
    app.use("/favicon.svg", serveStatic({ root: WEB_DIST }));
    const index = readFileSync(path.join(WEB_DIST, "index.html"), "utf8");
    app.get("*", (c) => c.html(index));
  } else {
    app.get("*", (c) =>
      c.text("The web UI is not built. Run `npm run build` (npm start does it for you), then reload.", 503),
    );
  }

  app.onError((err, c) => {
    const locale = negotiateLocale(c.req.header("accept-language"));
    const known = err instanceof AppError ? err : fromDatabaseError(err);
    if (known) return c.json(errorBody(known.code, locale, known.details), known.status as 400);
    log.error({ reqId: c.get("requestId"), err }, "unhandled error");
    return c.json(errorBody("internal", locale), 500);
  });
  return app;
}

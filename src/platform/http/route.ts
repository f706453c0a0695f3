import type { Context } from "hono";
import type { z } from "zod";
import type { Db } from "../../db/connect.ts";
import type { Library } from "../../library/library.model.ts";
import type { Actor, Permission } from "../authz.ts";
import type { Config } from "../config.ts";
import type { Locale } from "../i18n.ts";
import type { Logger } from "../logger.ts";
import type net from "node:net";
import type { DeviceCookies, LoginThrottle } from "../../auth/login-throttle.ts";
import type { OutboundPolicy } from "../outbound.ts";
import type { PageCache } from "./page-cache.ts";

/** What every handler can reach. Built once at start, shared by all requests. */
export interface AppDeps {
  db: Db;
  config: Config;
  logger: Logger;
  loginThrottle: LoginThrottle;
  deviceCookies: DeviceCookies;
  /** Reverse proxies whose `X-Forwarded-For` is believed (`MUSUBI_TRUSTED_PROXIES`). */
  trustedProxies: net.BlockList | undefined;
  /** Where outbound calls (webhooks) may go besides public addresses (`MUSUBI_OUTBOUND_ALLOW`). */
  outbound: OutboundPolicy;
  /** Answers of `cache: "ledger"` routes; absent when caching is switched off. */
  pageCache?: PageCache;
  /** The framework library: immutable, loaded and validated at start. */
  library: Library;
}

/**
 * Who may call a route. There is no default: a route must say `public`, `signed-in`
 * (any authenticated caller, for their own session) or name a permission.
 */
export type Access = "public" | { permission: Permission };

/** Record kinds a route's `:id` can name; the tenant-isolation test plants one of each per org. */
export type ResourceKind = "user" | "token" | "department" | "system" | "assessment" | "assessment_item" | "control" | "evidence" | "import" | "risk" | "task" | "approval" | "delegation" | "webhook" | "schedule" | "incident" | "vendor" | "haip_report" | "publication" | "report_job" | "exchange_connection" | "exchange_submission" | "oversight_intake" | "oversight_case" | "oversight_request" | "dealing" | "oversight_advisory" | "oversight_publication" | "import_preset" | "incident_import" | "reference_import" | "reference_source" | "custom_field";

/** Statuses a route may document in `responses`. */
export type OtherStatus = 200 | 201 | 202 | 401 | 403 | 422 | 502 | 503;

export type HttpMethod = "get" | "post" | "patch" | "put" | "delete";

export interface HandlerContext<P, Q, B> {
  deps: AppDeps;
  /** Present on every non-public route; the framework has already authorised it. */
  actor: Actor;
  params: P;
  query: Q;
  body: B;
  locale: Locale;
  requestId: string;
  c: Context;
}

export interface RouteSpec<P = unknown, Q = unknown, B = unknown> {
  method: HttpMethod;
  /** Hono path syntax, always under /api. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  resource?: ResourceKind;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /**
   * The body is a file: the handler receives its raw bytes as `body` (a Uint8Array), up to
   * `uploadLimitBytes`, read only after authentication. Metadata travels in headers or the query.
   */
  upload?: true;
  /**
   * A GET that may create state on first use (an organisation's exchange key, made the first time
   * anyone asks for it): it runs on the primary connection, not SQLite's query-only reader.
   */
  createsOnFirstUse?: true;
  /** A smaller bound than `uploadLimitBytes` for this route's upload (e.g. a signed message's 5 MiB). */
  uploadLimit?: number;
  /**
   * `ledger`: the answer depends only on the organisation's stored data and the URL (not on who
   * asks, nor on the clock), so it may be served from the page cache while the organisation's
   * ledger head is unchanged. `ledger-daily`: the same, but the answer also depends on the
   * organisation's today (overdue reviews, expiring evidence), which becomes part of the key. Leave unset for
   * anything else.
   */
  cache?: "ledger" | "ledger-daily";
  /** Documents the success body in OpenAPI (for a `files` route, its `application/json` form). */
  response?: z.ZodType;
  /**
   * The success answer is a file, in one of these media types (as the `content-type` it is sent
   * with, without parameters). `application/json` among them takes `response` as its schema.
   */
  files?: readonly string[];
  status?: 200 | 201 | 202 | 204;
  /**
   * Other answers this route gives besides its success and the errors every route may give
   * (400, 401, 403, 404, 409, 413, 415, 429): each status with when it is given and, for a body
   * that is not the error shape, its schema. The description is a contract (issue 21): the tests
   * fail on any answer whose status it does not list.
   */
  responses?: Partial<Record<OtherStatus, { description: string; schema?: z.ZodType }>>;
  /**
   * A realistic request body (and success body) for the description, so that people and client
   * generators see the operation in use; the lint test checks each against its schema.
   */
  example?: { body?: unknown; response?: unknown };
  handler(ctx: HandlerContext<P, Q, B>): Promise<unknown>;
}

/** Declares a route; the identity function exists so TypeScript infers P, Q and B from the schemas. */
export function defineRoute<P = undefined, Q = undefined, B = undefined>(spec: RouteSpec<P, Q, B>): RouteSpec<P, Q, B> {
  return spec;
}

export type AnyRoute = RouteSpec<any, any, any>;

import { appendFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTES } from "../src/routes.ts";
import { buildOpenApi } from "../src/platform/http/openapi.ts";
import { VERSION } from "../src/platform/version.ts";
import { testDatabases } from "./support/databases.ts";
import { buildFuzzWorld, type FuzzWorld } from "./support/fuzz-world.ts";
import { baseDraft, casesFor, fuzzOrder, operationsOf, requestOf, type Draft, type FuzzCase, type Ids, type Operation } from "./support/fuzz-cases.ts";
import { clip, problemsOf, reportOf, type Failure } from "./support/fuzz-check.ts";
import { createRng, seedFor } from "./support/fuzz-values.ts";
import type { Db } from "../src/db/connect.ts";

/**
 * Sends malformed and boundary requests, derived from the OpenAPI document, to every operation,
 * and fails on any 5xx, any stack trace or file path in an answer, and any error answer that is
 * not `{ error: { code, message, details? } }`. Reproduce a run with MUSUBI_FUZZ_SEED=<seed>;
 * MUSUBI_FUZZ_ONLY=<text> keeps the operations whose key contains it; MUSUBI_FUZZ_SHOW=<n> prints
 * that many failing requests; MUSUBI_FUZZ_REQUESTS sets the requests per database (at least 5,000).
 */
const SEED = Number(process.env.MUSUBI_FUZZ_SEED ?? 20_261_122);
const REQUESTS = Number(process.env.MUSUBI_FUZZ_REQUESTS ?? 5_200);
const ONLY = process.env.MUSUBI_FUZZ_ONLY;
/** How many failing requests to print in full. */
const SHOW = Number(process.env.MUSUBI_FUZZ_SHOW ?? 25);
/** A file to write every case's operation, label, status and error code to, one per line. */
const TRACE = process.env.MUSUBI_FUZZ_TRACE;

/**
 * Operations that parse an uploaded file or a BOM in a fresh worker thread, at up to a second or
 * two a request on a busy machine. They get lean targeted cases and few random ones, and of the
 * cases that pass validation (and so reach the parser) only this many are sent; the ones
 * validation refuses cost nothing and are all sent.
 */
const SLOW_OPERATIONS = new Map([
  ["POST /api/imports", 3],
  ["POST /api/imports/{id}/read", 1],
  ["POST /api/imports/{id}/preview", 1],
  ["POST /api/imports/{id}/commit", 1],
  ["POST /api/systems/{id}/cyclonedx", 1],
]);
const SLOW_RANDOM = 2;

/** Whether a request gets past validation to the handler (uploads have no schema: they always do). */
function passesValidation(op: Operation, d: Draft): boolean {
  const body = d.body && "json" in d.body ? d.body.json : undefined;
  return !op.route.body || op.route.body.safeParse(body).success;
}

const DOC = buildOpenApi(ROUTES, VERSION);
const OPERATIONS = fuzzOrder(operationsOf(DOC, ROUTES));

/** The canonical path a versioned record is read at: the template up to `{id}`, filled in. */
function recordPath(op: Operation, d: Draft): string {
  const upTo = op.template.includes("{id}") ? op.template.slice(0, op.template.indexOf("{id}") + 4) : op.template;
  return upTo.replace("{id}", String(d.path.get("id")));
}

/** Reads a record's `version` out of an answer (the record itself, or a 409's `details.current`). */
function versionIn(body: unknown): number | undefined {
  const b = body as { version?: unknown; error?: { details?: { current?: { version?: unknown } } } } | undefined;
  const v = b?.version ?? b?.error?.details?.current?.version;
  return typeof v === "number" ? v : undefined;
}

describe.each(testDatabases())("fuzzing every operation of the OpenAPI document ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let world: FuzzWorld;

  beforeAll(async () => {
    ctx = await dialect.open();
    world = await buildFuzzWorld(ctx.db, ctx.dataDir);
  });
  afterAll(() => ctx.cleanup());

  it("derives one operation from every route", () => {
    expect(OPERATIONS.length).toBe(ROUTES.length);
  });

  it(`answers ${REQUESTS}+ malformed requests without a 5xx, a stack trace or an off-shape error (seed ${SEED})`, async () => {
    const ids: Ids = { mine: world.records, theirs: world.otherRecords, library: world.library };
    const versions = new Map<string, number>();
    const version = (op: Operation, d: Draft) => versions.get(recordPath(op, d)) ?? 1;
    // The budget is spread over all operations, so MUSUBI_FUZZ_ONLY replays an operation's very cases.
    const targeted = OPERATIONS.map((op) => casesFor(op, ids, createRng(seedFor(SEED, op.key)), 0, SLOW_OPERATIONS.has(op.key)).length).reduce((a, b) => a + b, 0);
    const slow = OPERATIONS.filter((o) => SLOW_OPERATIONS.has(o.key)).length;
    const random = Math.max(10, Math.ceil((REQUESTS - targeted - slow * SLOW_RANDOM) / (OPERATIONS.length - slow)));
    const ops = OPERATIONS.filter((o) => !ONLY || o.key.includes(ONLY));
    const randomFor = (op: Operation) => (SLOW_OPERATIONS.has(op.key) ? SLOW_RANDOM : random);
    const failures: Failure[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    const trace: string[] = [];
    const started = performance.now();

    const parses = new Map<string, number>();

    async function send(op: Operation, c: FuzzCase): Promise<void> {
      const d = baseDraft(op, ids, version);
      const ownId = d.path.get("id");
      c.mutate(d);
      const cap = SLOW_OPERATIONS.get(op.key);
      if (cap !== undefined && passesValidation(op, d)) {
        const n = parses.get(op.key) ?? 0;
        if (n >= cap) return;
        parses.set(op.key, n + 1);
      }
      const caller = op.key === "POST /api/auth/logout" && c.caller.startsWith("session") ? "admin" : c.caller;
      const headers: Record<string, string> = {};
      if (caller === "session" || caller === "session-no-csrf") {
        headers.cookie = world.session.cookie;
        if (caller === "session" && op.method !== "GET") headers["x-csrf-token"] = world.session.csrf;
      } else if (op.route.access !== "public") {
        headers.authorization = `Bearer ${world.org.tokens[caller]}`;
      }
      const { url, init, body } = requestOf(op, d, headers);
      const t0 = performance.now();
      const res = await world.app.request(url, init);
      sent++;
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const problems = problemsOf(res.status, text);
      if (c.mustRefuse && res.status < 400) problems.push(`accepted another organisation's record (${res.status})`);
      if (TRACE) trace.push(`${dialect.name}\t${op.key}\t${c.label}\t${caller}\t${res.status}\t${/"code":"(\w+)"/.exec(text)?.[1] ?? ""}\t${Math.round(performance.now() - t0)}`);
      if (Object.hasOwn(Object.prototype, "polluted") || Object.hasOwn(Object.prototype, "isAdmin")) problems.push("Object.prototype was polluted");
      if (problems.length) {
        const server = world.serverErrors.get(res.headers.get("x-request-id") ?? "");
        failures.push({ op: op.key, label: c.label, caller, request: `${op.method} ${url}${body === undefined ? "" : `\n    body: ${clip(body, 600)}`}`, status: res.status, problems, answer: clip(text, 400), server });
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      const v = versionIn(parsed);
      const key = recordPath(op, d);
      if (v !== undefined && d.path.get("id") === ownId && (res.status < 300 || res.status === 409)) versions.set(key, v);
    }

    for (const op of ops) {
      for (const c of casesFor(op, ids, createRng(seedFor(SEED, op.key)), randomFor(op), SLOW_OPERATIONS.has(op.key))) await send(op, c);
    }
    // Everything readable once more, now that records were changed, closed and deleted under it.
    for (const op of ops.filter((o) => o.method === "GET")) await send(op, { label: "re-read after every write", caller: "admin", mutate: () => {} });
    const seconds = (performance.now() - started) / 1000;
    if (TRACE) appendFileSync(TRACE, `${trace.join("\n")}\n`);
    const histogram = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(" ");
    process.stdout.write(`[fuzz ${dialect.name}] seed ${SEED}: ${sent} requests over ${ops.length} operations in ${seconds.toFixed(1)} s (${histogram})\n`);

    if (failures.length) {
      const report = reportOf(failures, { sent, database: dialect.name, seed: SEED, show: SHOW });
      process.stdout.write(`${report}\n`);
      expect.fail(report);
    }
    if (!ONLY) expect(sent).toBeGreaterThanOrEqual(5_000);
  }, 120_000);
});


import fs from "node:fs";
import { contractProblems } from "./contract.ts";
import type { Hono } from "hono";
import { createApp } from "../../src/app.ts";
import { SYSTEM_ACTOR, audited } from "../../src/audit/audited.ts";
import { hashPassword } from "../../src/auth/secrets.ts";
import { issueToken } from "../../src/auth/tokens.service.ts";
import type { Db } from "../../src/db/connect.ts";
import { isAuthorityRole, ROLES, type Role } from "../../src/platform/authz.ts";
import { loadConfig } from "../../src/platform/config.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { newId } from "../../src/platform/ids.ts";
import { nowIso } from "../../src/platform/time.ts";
import { createOrganization } from "../../src/orgs/orgs.service.ts";
import { createDeps } from "../../src/server.ts";
import { insertUser } from "../../src/users/users.store.ts";
import type { AppDeps } from "../../src/platform/http/route.ts";

export const TEST_PASSWORD = "correct horse battery staple";

export interface SeededOrg {
  orgId: string;
  slug: string;
  /**
   * A user per role; the admin is the one created with the organisation. The authority roles
   * (analyst, supervisor, publisher) only in an organisation seeded with `kind: "authority"`.
   */
  users: Record<Role, { id: string; email: string }>;
  /** An API token per role (as {@link users}), acting for that role's user. */
  tokens: Record<Role, string>;
}

let cachedHash: Promise<string> | undefined;

/**
 * An organisation with one user and one API token per role it may give, all sharing
 * {@link TEST_PASSWORD}. An ordinary organisation unless `kind` says `authority`.
 */
export async function seedOrg(db: Db, slug: string, opts: { kind?: "organization" | "authority" } = {}): Promise<SeededOrg> {
  const kind = opts.kind ?? "organization";
  const roles = ROLES.filter((r) => kind === "authority" || !isAuthorityRole(r));
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const hash = await cachedHash;
  const { org, admin } = await createOrganization(db, SYSTEM_ACTOR, {
    slug,
    nameJa: `${slug} 株式会社`,
    nameEn: `${slug} Inc.`,
    kind,
    admin: { email: `admin@${slug}.test`, displayName: "Admin", password: TEST_PASSWORD },
  });
  const users = { admin: { id: admin.id, email: admin.email } } as SeededOrg["users"];
  await audited(db, { actor: SYSTEM_ACTOR, orgId: org.id }, async (trx, record) => {
    for (const role of roles.filter((r) => r !== "admin")) {
      const now = nowIso();
      const row = await insertUser(trx, {
        id: newId("usr"),
        org_id: org.id,
        email: `${role}@${slug}.test`,
        display_name: role,
        role,
        password_hash: hash,
        status: "active",
        locale: "en",
        department_id: null,
        created_at: now,
        updated_at: now,
        version: 1,
      });
      users[role] = { id: row.id, email: row.email };
      record({ action: "user.created", entityType: "user", entityId: row.id });
    }
  });
  const tokens = {} as SeededOrg["tokens"];
  for (const role of roles) {
    const { secret } = await issueToken(db, { actor: SYSTEM_ACTOR, orgId: org.id, userId: users[role].id }, { name: `test-${role}`, role });
    tokens[role] = secret;
  }
  return { orgId: org.id, slug, users, tokens };
}

export interface TestApp {
  app: Hono;
  deps: AppDeps;
  /** Sends a request; JSON bodies are encoded; the answer's JSON is decoded when there is one. */
  call(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; headers: Headers }>;
}

export function testApp(db: Db, dataDir: string, overrides: Parameters<typeof loadConfig>[1] = {}): TestApp {
  const config = loadConfig({ MUSUBI_DATA_DIR: dataDir }, { logLevel: "silent", ...overrides });
  const deps = createDeps(config, db, createLogger("silent"));
  const app = checkedApp(createApp(deps));
  return {
    app,
    deps,
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let body: string | undefined = opts.rawBody;
      if (opts.body !== undefined) {
        body = JSON.stringify(opts.body);
        headers["content-type"] ??= "application/json";
      }
      const res = await app.request(path, { method: method.toUpperCase(), headers, ...(body !== undefined && { body }) });
      return { status: res.status, body: parseBody(await res.text()), headers: res.headers };
    },
  };
}

function parseBody(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text; // not JSON: the text
  }
}

/**
 * The app, with every answer it gives a test checked against the API's description
 * (test/support/contract.ts) — through `call` or a test's own `app.request` alike.
 */
function checkedApp(app: Hono): Hono {
  const request = app.request.bind(app);
  const checked = Object.create(app) as Hono;
  checked.request = (async (input: string | Request | URL, init?: RequestInit, ...rest: unknown[]) => {
    const res = await (request as (...a: unknown[]) => Promise<Response>)(input, init, ...rest);
    const url = input instanceof Request ? input.url : String(input);
    const method = init?.method ?? (input instanceof Request ? input.method : "GET");
    const problems = contractProblems(method, url, res.status, res.headers.get("content-type"), parseBody(await res.clone().text()));
    if (problems.length) {
      // MUSUBI_CONTRACT_REPORT=file collects them all instead, to see a whole suite's drift at once.
      if (!process.env.MUSUBI_CONTRACT_REPORT) throw new Error(`The answer does not match the API's description (/api/openapi.json):\n${problems.join("\n")}`);
      fs.appendFileSync(process.env.MUSUBI_CONTRACT_REPORT, problems.map((p) => JSON.stringify(p) + "\n").join(""));
    }
    return res;
  }) as Hono["request"];
  return checked;
}

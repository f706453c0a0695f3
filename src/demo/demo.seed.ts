import fs from "node:fs";
import path from "node:path";
import { SYSTEM_ACTOR } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import { newSecret } from "../platform/ids.ts";
import type { Role } from "../platform/authz.ts";
import { createOrganization } from "../orgs/orgs.service.ts";
import { createUser } from "../users/users.service.ts";
import { createDepartment } from "../orgs/departments.service.ts";
import { getLibrary } from "../library/library.runtime.ts";
import { seedDemoDisclosures } from "./demo.disclosures.ts";
import { seedDemoGovernance } from "./demo.governance.ts";
import { DEMO_AUTHORITY_SLUG, DEMO_AUTHORITY_USERS, seedDemoOversight } from "./demo.oversight.ts";
import { seedDemoWorkspace } from "./demo.workspace.ts";
import { seedDemoFields } from "./demo.fields.ts";

export const DEMO_ORG_SLUG = "demo";

const DEMO_USERS: { local: string; name: string; role: Role }[] = [
  { local: "admin", name: "管理者 太郎 (Admin)", role: "admin" },
  { local: "caio", name: "統括 花子 (CAIO)", role: "governance_lead" },
  { local: "owner", name: "所有者 健 (System owner)", role: "system_owner" },
  { local: "reviewer", name: "審査 直子 (Reviewer)", role: "reviewer" },
  { local: "auditor", name: "監査 誠 (Auditor)", role: "auditor" },
  { local: "viewer", name: "閲覧 優 (Viewer)", role: "viewer" },
];

const DEMO_DEPARTMENTS = [
  { code: "DX", nameJa: "デジタル推進部", nameEn: "Digital Transformation" },
  { code: "LEGAL", nameJa: "法務部", nameEn: "Legal" },
  { code: "HR", nameJa: "人事部", nameEn: "Human Resources" },
  { code: "CS", nameJa: "カスタマーサポート部", nameEn: "Customer Support" },
];

export interface DemoCredentials {
  email: string;
  role: Role;
  password: string;
}

/**
 * On a database with no organisations, creates the demo organisation, its departments and one user
 * per role, and writes their credentials (0600) beside the database so a newcomer can sign in.
 * Returns the credentials when it seeded, undefined when the database already had data.
 */
export async function seedDemo(db: Db, dataDir: string, password?: string, opts: { base?: string } = {}): Promise<DemoCredentials[] | undefined> {
  const any = await db.kysely.selectFrom("organizations").select("id").limit(1).executeTakeFirst();
  if (any) return undefined;
  const creds: DemoCredentials[] = DEMO_USERS.map((u) => ({
    email: `${u.local}@demo.musubi.example`,
    role: u.role,
    password: password ?? newSecret(9),
  }));
  const authorityCreds: DemoCredentials[] = DEMO_AUTHORITY_USERS.map((u) => ({ email: authorityEmail(u.local), role: u.role, password: password ?? newSecret(9) }));
  const [first, ...rest] = creds;
  const { org } = await createOrganization(db, SYSTEM_ACTOR, {
    slug: DEMO_ORG_SLUG,
    nameJa: "デモ株式会社",
    nameEn: "Demo Corporation",
    admin: { email: first!.email, displayName: DEMO_USERS[0]!.name, password: first!.password },
  });
  const who = { actor: SYSTEM_ACTOR, orgId: org.id };
  const departments: Record<string, string> = {};
  for (const d of DEMO_DEPARTMENTS) departments[d.code] = (await createDepartment(db, who, d)).id;
  const users: Record<string, string> = {};
  const admin = await db.kysely.selectFrom("users").select("id").where("org_id", "=", org.id).executeTakeFirstOrThrow();
  users.admin = admin.id;
  for (const [i, c] of rest.entries()) {
    const { user } = await createUser(db, who, { email: c.email, displayName: DEMO_USERS[i + 1]!.name, role: c.role, locale: "ja", password: c.password });
    users[DEMO_USERS[i + 1]!.local] = user.id;
  }
  await seedDemoFields(db, org.id);
  const workspace = await seedDemoWorkspace(db, getLibrary(), org.id, users, departments);
  await seedDemoGovernance(db, getLibrary(), org.id, users, workspace.systems, workspace.controls);
  await seedDemoDisclosures(db, getLibrary(), org.id, users, workspace.systems);
  const passwords = Object.fromEntries(DEMO_AUTHORITY_USERS.map((u, i) => [u.local, authorityCreds[i]!.password]));
  await seedDemoOversight(db, getLibrary(), dataDir, opts.base ?? "http://localhost:3000", { orgId: org.id, slug: DEMO_ORG_SLUG, users }, authorityEmail, passwords);
  fs.mkdirSync(dataDir, { recursive: true });
  const file = demoCredentialsFile(dataDir);
  const line = (c: DemoCredentials) => `${c.role.padEnd(16)} ${c.email.padEnd(44)} ${c.password}`;
  fs.writeFileSync(
    file,
    `# Musubi demo accounts (organisation "${DEMO_ORG_SLUG}")\n${creds.map(line).join("\n")}\n# The demo authority's accounts (authority "${DEMO_AUTHORITY_SLUG}", fictitious)\n${authorityCreds.map(line).join("\n")}\n`,
    { mode: 0o600 },
  );
  return [...creds, ...authorityCreds];
}

/** The demo authority's people sign in as `<local>@authority.demo.musubi.example`. */
export function authorityEmail(local: string): string {
  return `${local}@authority.demo.musubi.example`;
}

export function demoCredentialsFile(dataDir: string): string {
  return path.join(dataDir, "demo-credentials.txt");
}

import { createDepartment } from "../../src/orgs/departments.service.ts";
import type { Db } from "../../src/db/connect.ts";
import { SYSTEM_ACTOR } from "../../src/audit/audited.ts";
import { seedOrg } from "../../test/support/app.ts";

/** An organisation with an admin API token and `departments` departments; returns what load needs. */
export async function seedDepartments(db: Db, departments: number): Promise<{ orgId: string; token: string }> {
  const org = await seedOrg(db, "bench");
  const who = { actor: SYSTEM_ACTOR, orgId: org.orgId };
  for (let i = 0; i < departments; i++) {
    const n = String(i).padStart(4, "0");
    await createDepartment(db, who, { code: `SEED-${n}`, nameJa: `部署 ${n}`, nameEn: `Department ${n}` });
  }
  return { orgId: org.orgId, token: org.tokens.admin };
}

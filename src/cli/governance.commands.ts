import type { Command } from "commander";
import type { Db } from "../db/connect.ts";
import { orgIdOf, out, withDatabase } from "./context.ts";

/** Loaded on use, so other commands do not pay for these modules at start-up. */
const services = async () => ({
  ...(await import("../risks/risks.service.ts")),
  ...(await import("../risks/risks.schema.ts")),
  ...(await import("../risks/heatmap.ts")),
  ...(await import("../risks/matrix.service.ts")),
  ...(await import("../workflow/tasks.service.ts")),
  ...(await import("../workflow/tasks.schema.ts")),
  ...(await import("../vendors/vendors.service.ts")),
  ...(await import("../vendors/vendors.schema.ts")),
  ...(await import("../library/library.runtime.ts")),
  ...(await import("../orgs/orgs.store.ts")),
  ...(await import("../platform/time.ts")),
});

async function userIdOf(db: Db, orgId: string, email: string): Promise<string> {
  const u = await db.kysely.selectFrom("users").select("id").where("org_id", "=", orgId).where("email", "=", email.toLowerCase()).executeTakeFirst();
  if (!u) throw new Error(`no user "${email}" in the organisation`);
  return u.id;
}

const pad = (s: string | null | undefined, n: number) => (s ?? "-").padEnd(n);

/** `musubi risks …`, `musubi tasks …`, `musubi vendors …`: read the register, the work and the vendors from a terminal. */
export function registerGovernanceCommands(program: Command): void {
  const risks = program.command("risks").description("the risk register");
  risks
    .command("list")
    .description("list risks, highest current rating first")
    .requiredOption("--org <slug>", "organisation slug")
    .option("--band <id>", "current rating band, e.g. critical")
    .option("--status <status>", "open, accepted or closed")
    .option("--overdue", "only risks whose review is overdue")
    .option("--limit <n>", "rows", "50")
    .option("--json", "print JSON")
    .action(async (o: { org: string; band?: string; status?: string; overdue?: boolean; limit: string; json?: boolean }) => {
      const s = await services();
      const query = s.listRisksQuery.parse({ limit: o.limit, ...(o.band && { band: o.band }), ...(o.status && { status: o.status }), ...(o.overdue && { reviewOverdue: "true" }) });
      await withDatabase(async (db) => {
        const orgId = await orgIdOf(db, o.org);
        const page = await s.listRisks(db.kysely, s.getLibrary(), orgId, query, await s.orgToday(db.kysely, orgId));
        if (o.json) return out(JSON.stringify(page, null, 2));
        for (const r of page.items) {
          const cur = r.residual ?? r.inherent;
          out([pad(r.code, 11), pad(`${cur.likelihood}×${cur.impact} ${cur.band?.en ?? ""}`, 14), pad(r.status, 9), pad(r.treatment, 9), pad(r.system?.code, 11), r.titleJa].join(" "));
        }
        out(`${page.items.length} of ${page.total}${page.totalCapped ? "+" : ""}`);
      });
    });
  risks
    .command("heatmap")
    .description("risks per likelihood × impact cell (rows: likelihood, highest first)")
    .requiredOption("--org <slug>", "organisation slug")
    .option("--basis <basis>", "current or inherent", "current")
    .option("--json", "print JSON")
    .action(async (o: { org: string; basis: string; json?: boolean }) => {
      const s = await services();
      if (o.basis !== "current" && o.basis !== "inherent") throw new Error("--basis must be current or inherent");
      await withDatabase(async (db) => {
        const orgId = await orgIdOf(db, o.org);
        const map = await s.riskHeatmap(db.kysely, orgId, o.basis as "current" | "inherent");
        if (o.json) return out(JSON.stringify(map, null, 2));
        const { matrix } = await s.readRiskMatrix(db.kysely, orgId);
        for (let l = matrix.likelihood.length; l >= 1; l--) out(`${pad(matrix.likelihood[l - 1]!.en, 16)}${map.counts[l - 1]!.map((n) => String(n).padStart(6)).join("")}`);
        out(`${"".padEnd(16)}${matrix.impact.map((i) => i.en.slice(0, 5).padStart(6)).join("")}`);
        out(`${map.total} risks: ${map.byBand.map((b) => `${b.id} ${b.n}`).join(", ")}`);
      });
    });

  program
    .command("tasks")
    .description("list tasks (active ones by default)")
    .requiredOption("--org <slug>", "organisation slug")
    .option("--user <email>", "only tasks assigned to this person")
    .option("--overdue", "only overdue tasks")
    .option("--all", "include done and cancelled tasks")
    .option("--limit <n>", "rows", "50")
    .option("--json", "print JSON")
    .action(async (o: { org: string; user?: string; overdue?: boolean; all?: boolean; limit: string; json?: boolean }) => {
      const s = await services();
      await withDatabase(async (db) => {
        const orgId = await orgIdOf(db, o.org);
        const assigneeId = o.user ? await userIdOf(db, orgId, o.user) : undefined;
        const query = s.listTasksQuery.parse({ limit: o.limit, ...(assigneeId && { assigneeId }), ...(!o.all && { active: "true" }), ...(o.overdue && { overdue: "true" }) });
        const timeZone = await s.orgTimeZone(db.kysely, orgId);
        const actor = { kind: "token" as const, userId: "", orgId, role: "admin" as const, timeZone, label: "musubi cli" };
        const page = await s.listTasks(db.kysely, actor, query, s.todayIn(timeZone));
        if (o.json) return out(JSON.stringify(page, null, 2));
        for (const t of page.items) out([pad(t.code, 11), pad(t.kind, 11), pad(t.status, 18), pad(t.dueOn, 11), pad(t.assignee?.displayName, 16), t.title].join(" "));
        out(`${page.items.length} of ${page.total}`);
      });
    });

  program
    .command("vendors")
    .description("list vendors with rating, contract end and next review")
    .requiredOption("--org <slug>", "organisation slug")
    .option("--json", "print JSON")
    .action(async (o: { org: string; json?: boolean }) => {
      const s = await services();
      await withDatabase(async (db) => {
        const orgId = await orgIdOf(db, o.org);
        const page = await s.listVendors(db.kysely, orgId, s.listVendorsQuery.parse({ limit: 200 }), await s.orgToday(db.kysely, orgId));
        if (o.json) return out(JSON.stringify(page, null, 2));
        for (const v of page.items) out([pad(v.code, 11), pad(v.rating, 9), pad(v.contractEnd, 11), pad(v.nextReviewOn, 11), String(v.systems.length).padStart(3), " ", v.name].join(" "));
        out(`${page.items.length} of ${page.total}`);
      });
    });
}

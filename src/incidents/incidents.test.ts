import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { JP_BUSINESS_PROFILE, registerSystem } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";

describe.each(testDatabases())("incidents ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let system: { id: string; code: string };
  let control: { id: string };
  let risk: { id: string; code: string; version: number };
  const t = (role: keyof SeededOrg["tokens"]) => org.tokens[role];
  const u = (role: keyof SeededOrg["users"]) => org.users[role].id;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "incidents");
    system = await registerSystem(api, t("admin"), { nameJa: "採用AI", nameEn: "Hiring AI", profile: JP_BUSINESS_PROFILE, businessOwnerId: u("system_owner") });
    control = (await api.call("POST", "/api/controls", { token: t("admin"), body: { code: "C-BIAS", titleJa: "バイアス監視", titleEn: "Bias monitoring" } })).body;
    risk = (await api.call("POST", "/api/risks", { token: t("governance_lead"), body: { titleJa: "差別的な選考", titleEn: "Discriminatory screening", systemId: system.id, ownerId: u("system_owner"), inherentLikelihood: 3, inherentImpact: 4, controlIds: [control.id] } })).body;
  });
  afterAll(() => ctx.cleanup());

  it("runs the loop: file on a system with the failed control, act through a two-step approval, close, and the risk comes back for review", async () => {
    const filed = await api.call("POST", "/api/incidents", {
      token: t("system_owner"),
      body: {
        title: "女性応募者の評価が一律に低い",
        summary: "採用AIのスコアが性別で偏っていた",
        severity: "high",
        occurredAt: "2026-11-01",
        ownerId: u("system_owner"),
        harmLevel: "event",
        harmTypes: ["rights_violation", "protected_characteristic"],
        harmBasis: ["sex"],
        categories: ["1.1", "entity.ai"],
        rights: ["non_discrimination"],
        personalData: "no",
        systemIds: [system.id],
        riskIds: [risk.id],
        controlIds: [control.id],
      },
    });
    expect(filed.status).toBe(201);
    const inc = filed.body;
    expect(inc).toMatchObject({ code: expect.stringMatching(/^INC-\d{6}$/), status: "open", source: "api", appiReportCheck: false, systems: [{ id: system.id }], risks: [{ id: risk.id }], controls: [{ id: control.id, code: "C-BIAS" }] });
    expect(inc.timeline[0]).toMatchObject({ kind: "filed" });
    const leadNotes = await api.call("GET", "/api/notifications", { token: t("governance_lead") });
    expect(leadNotes.body.items.map((n: { event: string }) => n.event)).toContain("incident.filed");

    const withAction = await api.call("POST", `/api/incidents/${inc.id}/actions`, { token: t("system_owner"), body: { kind: "corrective", title: "学習データの再重み付け", assigneeId: u("system_owner"), approvalPlan: [[u("reviewer")], [u("governance_lead")]] } });
    expect(withAction.status).toBe(201);
    const action = withAction.body.actions[0];
    expect(action).toMatchObject({ kind: "corrective", status: "open", subject: { type: "incident", id: inc.id } });

    const early = await api.call("POST", `/api/incidents/${inc.id}/close`, { token: t("system_owner"), body: { version: withAction.body.version, note: "対応完了" } });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("actions_open");
    expect(early.body.error.details.actions[0].id).toBe(action.id);

    const submitted = await api.call("POST", `/api/tasks/${action.id}/complete`, { token: t("system_owner"), body: { version: action.version } });
    for (const role of ["reviewer", "governance_lead"] as const) {
      const r = await api.call("POST", `/api/approvals/${submitted.body.approval.id}/decide`, { token: t(role), body: { decision: "approve" } });
      expect(r.status).toBe(200);
    }
    const current = (await api.call("GET", `/api/incidents/${inc.id}`, { token: t("viewer") })).body;
    expect(current.actions[0].status).toBe("done");

    const closed = await api.call("POST", `/api/incidents/${inc.id}/close`, { token: t("system_owner"), body: { version: current.version, note: "再重み付け後の評価で偏りなし" } });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe("closed");
    const reviews = await api.call("GET", `/api/tasks?subjectId=${risk.id}&kind=review`, { token: t("system_owner") });
    expect(reviews.body.items).toHaveLength(1);
    expect(reviews.body.items[0]).toMatchObject({ status: "open", assignee: { id: u("system_owner") }, subject: { type: "risk", id: risk.id } });
    // One title, in the language of the person asked (the seeded owner reads English), never both glued together.
    expect(reviews.body.items[0].title).toBe(`${risk.code} Discriminatory screening — re-review after ${filed.body.code}`);
    const mine = await api.call("GET", "/api/my/tasks", { token: t("system_owner") });
    expect(mine.body.tasks.map((x: { id: string }) => x.id)).toContain(reviews.body.items[0].id);

    const ledger = await api.call("GET", `/api/audit?entityId=${inc.id}&sort=seq`, { token: t("auditor") });
    expect(ledger.body.items.map((e: { action: string }) => e.action)).toEqual(["incident.filed", "incident.closed"]);
    expect((await api.call("GET", "/api/audit/verify", { token: t("auditor") })).body.ok).toBe(true);
    expect((await api.call("PATCH", `/api/incidents/${inc.id}`, { token: t("governance_lead"), body: { version: closed.body.version, title: "x" } })).body.error.code).toBe("already_decided");
    const del = await api.call("DELETE", `/api/risks/${risk.id}`, { token: t("governance_lead") });
    expect(del.status).toBe(409);
    expect(del.body.error).toMatchObject({ code: "in_use", details: { incidents: [inc.id] } });
  });

  it("flags a possible personal-data leak for the APPI Art. 26 check, and finds incidents by it", async () => {
    const res = await api.call("POST", "/api/incidents", { token: t("governance_lead"), body: { title: "チャットボットが顧客の住所を表示", personalData: "yes", dataSubjects: 1200, sensitiveData: "no", rights: ["privacy"] } });
    expect(res.body.appiReportCheck).toBe(true);
    const list = await api.call("GET", "/api/incidents?personalData=yes", { token: t("viewer") });
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(res.body.id);
    const found = await api.call("GET", "/api/incidents?q=%E4%BD%8F%E6%89%80", { token: t("viewer") });
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([res.body.id]);
  });

  it("reports every bad reference at once and files nothing", async () => {
    const before = (await api.call("GET", "/api/incidents", { token: t("viewer") })).body.total;
    const res = await api.call("POST", "/api/incidents", { token: t("governance_lead"), body: { title: "x", categories: ["9.9"], systemIds: ["sys_nope"], riskIds: ["rsk_nope"], ownerId: "usr_nope" } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(["body.categories.0", "body.ownerId", "body.riskIds.0", "body.systemIds.0"]);
    expect((await api.call("POST", "/api/incidents", { token: t("governance_lead"), body: { title: "x", harmLevel: "catastrophe" } })).status).toBe(400);
    expect((await api.call("GET", "/api/incidents", { token: t("viewer") })).body.total).toBe(before);
  });

  it("takes alerts from monitoring tools: the same alert twice files one incident and adds to its timeline", async () => {
    const alert = (status: "firing" | "resolved") => ({ version: "4", alerts: [{ status, fingerprint: "a1b2c3", startsAt: "2026-11-20T01:02:03Z", labels: { alertname: "DriftDetected", severity: "critical", musubi_system: system.code }, annotations: { summary: "入力分布のドリフトを検知", description: "PSI 0.31" } }] });
    const first = await api.call("POST", "/api/incidents/intake", { token: t("system_owner"), body: alert("firing") });
    expect(first.status).toBe(200);
    expect(first.body.filed).toHaveLength(1);
    const again = await api.call("POST", "/api/incidents/intake", { token: t("system_owner"), body: alert("resolved") });
    expect(again.body).toEqual({ filed: [], updated: first.body.filed });
    const list = await api.call("GET", `/api/incidents?q=${encodeURIComponent("ドリフト")}`, { token: t("viewer") });
    expect(list.body.total).toBe(1);
    const inc = (await api.call("GET", `/api/incidents/${list.body.items[0].id}`, { token: t("viewer") })).body;
    expect(inc).toMatchObject({ source: "webhook:alertmanager", externalKey: "a1b2c3", severity: "critical", detectedAt: "2026-11-20T01:02:03.000Z", systems: [{ id: system.id }] });
    expect(inc.timeline.map((e: { kind: string }) => e.kind)).toEqual(["filed", "alert_resolved"]);

    const generic = await api.call("POST", "/api/incidents/intake", { token: t("system_owner"), body: { source: "datadog", alerts: [{ externalId: "dd-9", title: "Toxic output rate above threshold", severity: "high" }] } });
    expect(generic.body.filed).toHaveLength(1);
    expect((await api.call("POST", "/api/incidents/intake", { token: t("viewer"), body: { source: "x", alerts: [] } })).status).toBe(403);
  });

  it("in quiet mode, tells the governance lead once about a batch of alerts rather than once per incident", async () => {
    const lead = u("governance_lead");
    const notices = async (event: string) => Number((await ctx.db.kysely.selectFrom("notifications").select((eb) => eb.fn.countAll<number>().as("n")).where("user_id", "=", lead).where("event", "=", event).executeTakeFirstOrThrow()).n);
    const [filedBefore, importedBefore] = [await notices("incident.filed"), await notices("incident.imported")];
    const alerts = Array.from({ length: 30 }, (_, i) => ({ externalId: `bulk-${i}`, title: `Backfilled alert ${i}` }));
    const res = await api.call("POST", "/api/incidents/intake", { token: t("system_owner"), body: { source: "backfill", alerts, quiet: true } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.filed).toHaveLength(30);
    expect(await notices("incident.filed")).toBe(filedBefore);
    expect(await notices("incident.imported")).toBe(importedBefore + 1);
    const summary = await ctx.db.kysely.selectFrom("notifications").select("title").where("user_id", "=", lead).where("event", "=", "incident.imported").executeTakeFirstOrThrow();
    expect(JSON.parse(summary.title)).toEqual({ ja: "インシデント30件を登録: webhook:backfill", en: "30 incidents filed from webhook:backfill" });
    // Without quiet, each incident is announced.
    await api.call("POST", "/api/incidents/intake", { token: t("system_owner"), body: { source: "backfill", alerts: [{ externalId: "loud-1", title: "One more" }] } });
    expect(await notices("incident.filed")).toBe(filedBefore + 1);
  });

  it("lets the owner work an incident, but not someone else's", async () => {
    const other = (await api.call("POST", "/api/incidents", { token: t("governance_lead"), body: { title: "他部署の件", ownerId: u("governance_lead") } })).body;
    const res = await api.call("POST", `/api/incidents/${other.id}/timeline`, { token: t("system_owner"), body: { body: "x" } });
    expect(res.status).toBe(403);
    const ok = await api.call("POST", `/api/incidents/${other.id}/timeline`, { token: t("governance_lead"), body: { at: "2026-11-21", body: "原因調査を開始" } });
    expect(ok.status).toBe(201);
    expect(ok.body.timeline.map((e: { body: string }) => e.body)).toContain("原因調査を開始");
  });
});

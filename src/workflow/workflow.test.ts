import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { JP_BUSINESS_PROFILE, registerSystem } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { addDays, todayInTokyo } from "../platform/time.ts";
import { escalateOverdue } from "./escalation.ts";
import { fiscalYearOf, monthlyPeriodOf } from "./periods.ts";
import { runSchedule } from "./schedules.service.ts";

describe("review periods", () => {
  it("names a Japanese fiscal year by the year it starts in, and follows a custom start month", () => {
    expect(fiscalYearOf("2027-02-10", 4)).toEqual({ key: "FY2026", start: "2026-04-01", end: "2027-03-31" });
    expect(fiscalYearOf("2026-04-01", 4)).toEqual({ key: "FY2026", start: "2026-04-01", end: "2027-03-31" });
    expect(fiscalYearOf("2026-03-31", 4).key).toBe("FY2025");
    expect(fiscalYearOf("2026-11-22", 1)).toEqual({ key: "FY2026", start: "2026-01-01", end: "2026-12-31" });
    expect(fiscalYearOf("2026-11-22", 10)).toEqual({ key: "FY2026", start: "2026-10-01", end: "2027-09-30" });
  });

  it("cuts a cycle of months from its anchor date", () => {
    expect(monthlyPeriodOf("2026-11-22", "2026-01-15", 6)).toEqual({ key: "2026-07-15", start: "2026-07-15", end: "2027-01-14" });
    expect(monthlyPeriodOf("2026-07-14", "2026-01-15", 6)).toEqual({ key: "2026-01-15", start: "2026-01-15", end: "2026-07-14" });
    expect(monthlyPeriodOf("2025-12-01", "2026-01-15", 3).start).toBe("2026-01-15");
    expect(monthlyPeriodOf("2026-03-31", "2026-01-31", 1)).toEqual({ key: "2026-03-31", start: "2026-03-31", end: "2026-04-29" });
  });
});

describe.each(testDatabases())("workflow ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  const t = (role: keyof SeededOrg["tokens"]) => org.tokens[role];
  const u = (role: keyof SeededOrg["users"]) => org.users[role].id;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "flow");
  });
  afterAll(() => ctx.cleanup());

  async function submitted(plan: string[][], assignee = "system_owner" as const) {
    const task = await api.call("POST", "/api/tasks", { token: t("governance_lead"), body: { kind: "corrective", title: "ログ監視の追加", assigneeId: u(assignee), dueOn: addDays(todayInTokyo(), 14), approvalPlan: plan } });
    expect(task.status).toBe(201);
    const done = await api.call("POST", `/api/tasks/${task.body.id}/complete`, { token: t(assignee), body: { version: task.body.version, comment: "対応しました" } });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe("awaiting_approval");
    return done.body;
  }

  it("runs a 稟議: stage 1, then stage 2's approvers in parallel; the task is done when the last approves, and every step is in the ledger", async () => {
    const task = await submitted([[u("governance_lead")], [u("reviewer"), u("admin")]]);
    const approvalId = task.approval.id;
    expect(task.approval.steps.map((s: { stage: number; status: string }) => `${s.stage}:${s.status}`)).toEqual(["1:pending", "2:waiting", "2:waiting"]);

    const early = await api.call("POST", `/api/approvals/${approvalId}/decide`, { token: t("reviewer"), body: { decision: "approve" } });
    expect(early.status).toBe(403);
    expect(early.body.error.code).toBe("not_approver");
    const own = await api.call("POST", `/api/approvals/${approvalId}/decide`, { token: t("system_owner"), body: { decision: "approve" } });
    expect(own.body.error.code).toBe("self_approval");

    const one = await api.call("POST", `/api/approvals/${approvalId}/decide`, { token: t("governance_lead"), body: { decision: "approve", comment: "確認" } });
    expect(one.body).toMatchObject({ status: "pending", stage: 2 });
    const mine = await api.call("GET", "/api/my/tasks", { token: t("reviewer") });
    expect(mine.body.approvals.map((a: { id: string; via: string }) => [a.id, a.via])).toContainEqual([approvalId, "approver"]);

    const two = await api.call("POST", `/api/approvals/${approvalId}/decide`, { token: t("reviewer"), body: { decision: "approve" } });
    expect(two.body.status).toBe("pending");
    expect((await api.call("GET", `/api/tasks/${task.id}`, { token: t("viewer") })).body.status).toBe("awaiting_approval");
    const three = await api.call("POST", `/api/approvals/${approvalId}/decide`, { token: t("admin"), body: { decision: "approve" } });
    expect(three.body.status).toBe("approved");
    const again = await api.call("POST", `/api/approvals/${approvalId}/decide`, { token: t("admin"), body: { decision: "approve" } });
    expect(again.body.error.code).toBe("already_decided");

    const after = await api.call("GET", `/api/tasks/${task.id}`, { token: t("viewer") });
    expect(after.body).toMatchObject({ status: "done", completedBy: { id: u("system_owner") } });

    const ledger = await api.call("GET", `/api/audit?entityId=${approvalId}&sort=seq`, { token: t("auditor") });
    expect(ledger.body.items.map((e: { action: string }) => e.action)).toEqual(["approval.requested", "approval.step_approved", "approval.step_approved", "approval.step_approved", "approval.approved"]);
    expect(ledger.body.items[1].after).toMatchObject({ stage: 1, decidedBy: u("governance_lead"), via: "approver", comment: "確認" });
    const taskLedger = await api.call("GET", `/api/audit?entityId=${task.id}&sort=seq`, { token: t("auditor") });
    expect(taskLedger.body.items.map((e: { action: string }) => e.action)).toEqual(["task.created", "task.submitted", "task.completed"]);
    expect((await api.call("GET", "/api/audit/verify", { token: t("auditor") })).body.ok).toBe(true);
  });

  it("sends a rejected task back to its assignee with the comment, and a resubmission asks again", async () => {
    const task = await submitted([[u("governance_lead")]]);
    const no = await api.call("POST", `/api/approvals/${task.approval.id}/decide`, { token: t("governance_lead"), body: { decision: "reject", comment: "根拠資料が不足" } });
    expect(no.body.status).toBe("rejected");
    const back = await api.call("GET", `/api/tasks/${task.id}`, { token: t("system_owner") });
    expect(back.body.status).toBe("in_progress");
    expect(back.body.approval.steps[0]).toMatchObject({ status: "rejected", comment: "根拠資料が不足" });
    const notes = await api.call("GET", "/api/notifications", { token: t("system_owner") });
    expect(notes.body.items.map((n: { event: string }) => n.event)).toContain("task.returned");
    const again = await api.call("POST", `/api/tasks/${task.id}/complete`, { token: t("system_owner"), body: { version: back.body.version } });
    expect(again.body.status).toBe("awaiting_approval");
    expect(again.body.approval.id).not.toBe(task.approval.id);
    const comments = await api.call("GET", `/api/tasks/${task.id}/comments`, { token: t("viewer") });
    expect(comments.body[0]).toMatchObject({ body: "対応しました", author: { id: u("system_owner") } });
  });

  it("lets a delegate (代理) decide the principal's step while the delegation runs, and records on whose behalf", async () => {
    const today = todayInTokyo();
    const d = await api.call("POST", "/api/delegations", { token: t("governance_lead"), body: { delegateId: u("reviewer"), startsOn: today, endsOn: addDays(today, 7), note: "出張中" } });
    expect(d.status).toBe(201);
    const task = await submitted([[u("governance_lead")]]);
    const mine = await api.call("GET", "/api/my/tasks", { token: t("reviewer") });
    expect(mine.body.approvals.find((a: { id: string }) => a.id === task.approval.id)?.via).toBe("delegate");
    const ok = await api.call("POST", `/api/approvals/${task.approval.id}/decide`, { token: t("reviewer"), body: { decision: "approve" } });
    expect(ok.body.status).toBe("approved");
    expect(ok.body.steps[0]).toMatchObject({ approver: { id: u("governance_lead") }, decidedBy: { id: u("reviewer") } });
    const entry = (await api.call("GET", `/api/audit?entityId=${task.approval.id}&action=approval.step_approved`, { token: t("auditor") })).body.items[0];
    expect(entry.after).toMatchObject({ approverId: u("governance_lead"), decidedBy: u("reviewer"), via: "delegate" });
    expect((await api.call("POST", "/api/delegations", { token: t("reviewer"), body: { principalId: u("admin"), delegateId: u("reviewer"), startsOn: today, endsOn: today } })).status).toBe(403);
    expect((await api.call("DELETE", `/api/delegations/${d.body.id}`, { token: t("governance_lead") })).status).toBe(204);
  });

  it("escalates an overdue step to the next approver once, who may then decide it; overdue tasks are escalated too", async () => {
    const task = await submitted([[u("reviewer")], [u("governance_lead")]]);
    const later = addDays(todayInTokyo(), 30);
    const first = await escalateOverdue(ctx.db, later);
    expect(first.steps).toBeGreaterThanOrEqual(1);
    expect(first.tasks).toBeGreaterThanOrEqual(0);
    const step = (await api.call("GET", `/api/approvals/${task.approval.id}`, { token: t("viewer") })).body.steps[0];
    expect(step.escalatedTo).toMatchObject({ id: u("governance_lead") });
    expect((await escalateOverdue(ctx.db, later)).steps).toBe(0);
    const entries = (await api.call("GET", `/api/audit?entityId=${task.approval.id}&action=approval.escalated`, { token: t("auditor") })).body.items;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: { type: "system" }, after: { approverId: u("reviewer"), escalatedTo: u("governance_lead") } });

    const byEscalation = await api.call("POST", `/api/approvals/${task.approval.id}/decide`, { token: t("governance_lead"), body: { decision: "approve" } });
    expect(byEscalation.body).toMatchObject({ status: "pending", stage: 2 });
    expect(byEscalation.body.steps[0]).toMatchObject({ status: "approved", decidedBy: { id: u("governance_lead") } });

    const late = await api.call("POST", "/api/tasks", { token: t("governance_lead"), body: { title: "期限切れ", assigneeId: u("system_owner"), dueOn: addDays(todayInTokyo(), 1) } });
    await escalateOverdue(ctx.db, later);
    const taskEntries = (await api.call("GET", `/api/audit?entityId=${late.body.id}&action=task.escalated`, { token: t("auditor") })).body.items;
    expect(taskEntries).toHaveLength(1);
    expect(taskEntries[0].after).toMatchObject({ assigneeId: u("system_owner"), escalatedTo: u("governance_lead") });
    expect((await api.call("GET", "/api/audit/verify", { token: t("auditor") })).body.ok).toBe(true);
  });

  it("creates one review task per live system for the fiscal year, due on its last day, and never twice", async () => {
    const a = await registerSystem(api, t("admin"), { nameJa: "審査AI", nameEn: "Review AI", profile: JP_BUSINESS_PROFILE, businessOwnerId: u("system_owner") });
    await registerSystem(api, t("admin"), { nameJa: "廃止AI", nameEn: "Retired AI", profile: JP_BUSINESS_PROFILE, lifecycle: "retired" });
    const s = await api.call("POST", "/api/review-schedules", { token: t("governance_lead"), body: { name: "年次AIレビュー", subjectType: "system" } });
    expect(s.status).toBe(201);
    const first = await runSchedule(ctx.db, org.orgId, s.body.id, "2026-11-22");
    expect(first).toEqual({ created: 1, period: "FY2026" });
    expect((await runSchedule(ctx.db, org.orgId, s.body.id, "2027-03-31")).created).toBe(0);
    expect((await runSchedule(ctx.db, org.orgId, s.body.id, "2027-04-01"))).toEqual({ created: 1, period: "FY2027" });
    const tasks = await api.call("GET", `/api/tasks?subjectId=${a.id}&kind=review&sort=dueOn`, { token: t("viewer") });
    expect(tasks.body.items.map((x: { dueOn: string; assignee: { id: string } }) => [x.dueOn, x.assignee.id])).toEqual([["2027-03-31", u("system_owner")], ["2028-03-31", u("system_owner")]]);
    const mine = await api.call("GET", "/api/my/tasks", { token: t("system_owner") });
    expect(mine.body.tasks.map((x: { subject: { id: string } | null }) => x.subject?.id)).toContain(a.id);
    expect(mine.body.activeTotal).toBeGreaterThanOrEqual(2);
  });

  it("completes a risk's review task when the risk is reviewed", async () => {
    const risk = (await api.call("POST", "/api/risks", { token: t("governance_lead"), body: { titleJa: "誤判定", titleEn: "Misjudgement", inherentLikelihood: 3, inherentImpact: 3, ownerId: u("system_owner") } })).body;
    const s = await api.call("POST", "/api/review-schedules", { token: t("governance_lead"), body: { name: "半期リスクレビュー", subjectType: "risk", cycle: "months", intervalMonths: 6, anchorOn: "2026-04-01" } });
    const run = await api.call("POST", `/api/review-schedules/${s.body.id}/run`, { token: t("governance_lead") });
    expect(run.body.created).toBeGreaterThanOrEqual(1);
    const open = await api.call("GET", `/api/tasks?subjectId=${risk.id}&active=true`, { token: t("viewer") });
    expect(open.body.total).toBe(1);
    await api.call("POST", `/api/risks/${risk.id}/review`, { token: t("system_owner"), body: { version: risk.version, note: "半期見直し完了" } });
    const closed = await api.call("GET", `/api/tasks/${open.body.items[0].id}`, { token: t("viewer") });
    expect(closed.body).toMatchObject({ status: "done", completedBy: { id: u("system_owner") } });
  });

  it("tells assignees in the app, and marks notifications read", async () => {
    await api.call("POST", "/api/tasks", { token: t("governance_lead"), body: { title: "評価報告書の確認", assigneeId: u("reviewer") } });
    const notes = await api.call("GET", "/api/notifications", { token: t("reviewer") });
    const n = notes.body.items.find((x: { event: string; title: { ja: string } }) => x.event === "task.assigned" && x.title.ja.includes("評価報告書"));
    expect(n.title.en).toContain("Task assigned");
    expect(notes.body.unread).toBeGreaterThan(0);
    expect((await api.call("POST", "/api/notifications/read", { token: t("reviewer"), body: {} })).status).toBe(204);
    expect((await api.call("GET", "/api/notifications", { token: t("reviewer") })).body.unread).toBe(0);
  });

  it("refuses to let a system owner change someone else's task, and approvers who cannot approve", async () => {
    const task = await api.call("POST", "/api/tasks", { token: t("governance_lead"), body: { title: "他人のタスク", assigneeId: u("reviewer") } });
    expect((await api.call("PATCH", `/api/tasks/${task.body.id}`, { token: t("system_owner"), body: { version: 1, title: "x" } })).status).toBe(403);
    const bad = await api.call("POST", "/api/tasks", { token: t("governance_lead"), body: { title: "x", approvalPlan: [[u("viewer")]], assigneeId: "usr_nope" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(["body.approvalPlan.0.0", "body.assigneeId"]);
  });
});

import type { Kysely, Transaction } from "kysely";
import { audited, SYSTEM_ACTOR, type ChangeContext } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import type { Database, ReviewSchedule, Task } from "../db/schema.ts";
import { notify } from "../notify/notify.ts";
import { orgSettings } from "../orgs/orgs.schema.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { reserveInSequence } from "../platform/sequence.ts";
import { nowIso, todayIn } from "../platform/time.ts";
import { fiscalYearOf, monthlyPeriodOf, type Period } from "./periods.ts";
import type { CreateScheduleInput, ScheduleView } from "./schedules.schema.ts";
import { checkPeople, snapshot, taskCode } from "./tasks.service.ts";

type Q = Kysely<Database> | Transaction<Database>;

/**
 * The organisation's fiscal-year start and its day, from one read of its settings: a period is
 * the one the organisation's today falls in, turning at its midnight. `today` overrides the day.
 */
async function calendarOf(db: Q, orgId: string, today: string | undefined): Promise<{ fyStart: number; today: string }> {
  const org = await db.selectFrom("organizations").select("settings").where("id", "=", orgId).executeTakeFirstOrThrow();
  const settings = orgSettings.parse(JSON.parse(org.settings));
  return { fyStart: settings.fiscalYearStartMonth, today: today ?? todayIn(settings.timezone) };
}

export function periodOf(s: Pick<ReviewSchedule, "cycle" | "interval_months" | "anchor_on">, fyStart: number, today: string): Period {
  return s.cycle === "months" && s.anchor_on ? monthlyPeriodOf(today, s.anchor_on, s.interval_months) : fiscalYearOf(today, fyStart);
}

function present(s: ReviewSchedule, fyStart: number, today: string): ScheduleView {
  return {
    id: s.id,
    name: s.name,
    subjectType: s.subject_type as ScheduleView["subjectType"],
    cycle: s.cycle as ScheduleView["cycle"],
    intervalMonths: s.interval_months,
    anchorOn: s.anchor_on,
    assigneeId: s.assignee_id,
    approvalPlan: s.approval_plan ? JSON.parse(s.approval_plan) : null,
    active: s.active === 1,
    currentPeriod: periodOf(s, fyStart, today),
    createdAt: s.created_at,
    updatedAt: s.updated_at,
    version: s.version,
  };
}

/** The organisation's schedules, each with the period `today` (by default the organisation's day) falls in. */
export async function listSchedules(db: Q, orgId: string, today?: string): Promise<ScheduleView[]> {
  const cal = await calendarOf(db, orgId, today);
  const rows = await db.selectFrom("review_schedules").selectAll().where("org_id", "=", orgId).orderBy("created_at").execute();
  return rows.map((r) => present(r, cal.fyStart, cal.today));
}

async function getSchedule(db: Q, orgId: string, id: string): Promise<ReviewSchedule> {
  const row = await db.selectFrom("review_schedules").selectAll().where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function readSchedule(db: Q, orgId: string, id: string, today?: string): Promise<ScheduleView> {
  const cal = await calendarOf(db, orgId, today);
  return present(await getSchedule(db, orgId, id), cal.fyStart, cal.today);
}

export async function createSchedule(db: Db, who: ChangeContext, input: CreateScheduleInput): Promise<ScheduleView> {
  const id = await audited(db, who, async (trx, record) => {
    await checkPeople(trx, who.orgId, input.assigneeId, input.approvalPlan);
    const now = nowIso();
    const row: ReviewSchedule = { id: newId("sch"), org_id: who.orgId, name: input.name, subject_type: input.subjectType, cycle: input.cycle, interval_months: input.cycle === "fiscal_year" ? 12 : input.intervalMonths, anchor_on: input.cycle === "months" ? input.anchorOn : null, assignee_id: input.assigneeId, approval_plan: input.approvalPlan ? JSON.stringify(input.approvalPlan) : null, active: input.active ? 1 : 0, created_at: now, updated_at: now, version: 1 };
    await trx.insertInto("review_schedules").values(row).execute();
    record({ action: "schedule.created", entityType: "schedule", entityId: row.id, after: input });
    return row.id;
  });
  return readSchedule(db.kysely, who.orgId, id);
}

export async function updateSchedule(db: Db, who: ChangeContext, id: string, input: { version: number; name?: string | undefined; assigneeId?: string | null | undefined; approvalPlan?: string[][] | null | undefined; active?: boolean | undefined }): Promise<ScheduleView> {
  await audited(db, who, async (trx, record) => {
    const before = await getSchedule(trx, who.orgId, id);
    if (before.version !== input.version) throw new AppError(409, "conflict", { current: await readSchedule(trx, who.orgId, id) });
    await checkPeople(trx, who.orgId, input.assigneeId, input.approvalPlan);
    const next: ReviewSchedule = {
      ...before,
      name: input.name ?? before.name,
      assignee_id: input.assigneeId !== undefined ? input.assigneeId : before.assignee_id,
      approval_plan: input.approvalPlan !== undefined ? (input.approvalPlan ? JSON.stringify(input.approvalPlan) : null) : before.approval_plan,
      active: input.active === undefined ? before.active : input.active ? 1 : 0,
      updated_at: nowIso(),
      version: before.version + 1,
    };
    await trx.updateTable("review_schedules").set(next).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    record({ action: "schedule.updated", entityType: "schedule", entityId: id, before: { name: before.name, assigneeId: before.assignee_id, active: before.active === 1 }, after: { name: next.name, assigneeId: next.assignee_id, active: next.active === 1 } });
  });
  return readSchedule(db.kysely, who.orgId, id);
}

export async function deleteSchedule(db: Db, who: ChangeContext, id: string): Promise<void> {
  await audited(db, who, async (trx, record) => {
    const before = await getSchedule(trx, who.orgId, id);
    await trx.deleteFrom("review_schedules").where("org_id", "=", who.orgId).where("id", "=", id).execute();
    record({ action: "schedule.deleted", entityType: "schedule", entityId: id, before: { name: before.name } });
  });
}

/** The subjects a schedule covers that have no task for the period yet, with their default assignee. */
async function uncovered(trx: Transaction<Database>, s: ReviewSchedule, period: string): Promise<{ id: string; label: string; owner: string | null }[]> {
  const noTask = (subjectCol: "a.id" | "r.id" | "v.id") => (eb: any) =>
    eb.not(eb.exists(eb.selectFrom("tasks as t").select("t.id").where("t.org_id", "=", s.org_id).where("t.schedule_id", "=", s.id).whereRef("t.subject_id", "=", subjectCol).where("t.period", "=", period)));
  if (s.subject_type === "system") {
    const rows = await trx.selectFrom("ai_systems as a").select(["a.id", "a.code", "a.name_ja", "a.business_owner_id", "a.technical_owner_id"]).where("a.org_id", "=", s.org_id).where("a.lifecycle", "<>", "retired").where(noTask("a.id")).orderBy("a.code").execute();
    return rows.map((r) => ({ id: r.id, label: `${r.code} ${r.name_ja}`, owner: r.business_owner_id ?? r.technical_owner_id }));
  }
  if (s.subject_type === "vendor") {
    const rows = await trx.selectFrom("vendors as v").select(["v.id", "v.code", "v.name", "v.owner_id"]).where("v.org_id", "=", s.org_id).where("v.status", "<>", "offboarded").where(noTask("v.id")).orderBy("v.code").execute();
    return rows.map((r) => ({ id: r.id, label: `${r.code} ${r.name}`, owner: r.owner_id }));
  }
  const rows = await trx.selectFrom("risks as r").select(["r.id", "r.code", "r.title_ja", "r.owner_id"]).where("r.org_id", "=", s.org_id).where("r.status", "<>", "closed").where(noTask("r.id")).orderBy("r.code").execute();
  return rows.map((r) => ({ id: r.id, label: `${r.code} ${r.title_ja}`, owner: r.owner_id }));
}

/**
 * Creates the period's review tasks a schedule still owes — one per subject, due on the period's
 * last day. Running it again in the same period creates nothing (a unique index backs this up),
 * so the server may run it as often as it likes. Each assignee gets one notification for the lot.
 * The period is the one the organisation's day falls in (`today` overrides it).
 */
export async function runSchedule(db: Db, orgId: string, id: string, today?: string, who: ChangeContext = { actor: SYSTEM_ACTOR, orgId }): Promise<{ created: number; period: string }> {
  return audited(db, who, async (trx, record, flush) => {
    const s = await getSchedule(trx, orgId, id);
    const cal = await calendarOf(trx, orgId, today);
    const period = periodOf(s, cal.fyStart, cal.today);
    if (s.active !== 1) return { created: 0, period: period.key };
    const todo = await uncovered(trx, s, period.key);
    if (todo.length === 0) return { created: 0, period: period.key };
    let n = await reserveInSequence(trx, orgId, "task_code", todo.length);
    const now = nowIso();
    const perAssignee = new Map<string, number>();
    for (let i = 0; i < todo.length; i += 500) {
      const rows: Task[] = todo.slice(i, i + 500).map((subject) => {
        const assignee = s.assignee_id ?? subject.owner;
        if (assignee) perAssignee.set(assignee, (perAssignee.get(assignee) ?? 0) + 1);
        return { id: newId("tsk"), org_id: orgId, code: taskCode(n++), kind: "review", title: `${s.name}: ${subject.label} (${period.key})`, description: "", subject_type: s.subject_type, subject_id: subject.id, assignee_id: assignee, due_on: period.end, status: "open", active: 1, approval_plan: s.approval_plan, approval_id: null, schedule_id: s.id, period: period.key, created_by: null, completed_by: null, completed_at: null, escalated_at: null, created_at: now, updated_at: now, version: 1 };
      });
      await trx.insertInto("tasks").values(rows).execute();
      for (const r of rows) record({ action: "task.created", entityType: "task", entityId: r.id, after: { ...snapshot(r), scheduleId: s.id, period: period.key } });
      await flush();
    }
    for (const [user, count] of perAssignee) {
      await notify(trx, orgId, { event: "review.scheduled", users: [user], subject: { type: "schedule", id: s.id }, title: { ja: `定期レビュー ${count}件: ${s.name}（${period.key}、期限 ${period.end}）`, en: `${count} scheduled review(s): ${s.name} (${period.key}, due ${period.end})` }, data: { scheduleId: s.id, period: period.key, count } });
    }
    return { created: todo.length, period: period.key };
  });
}

/**
 * Runs every active schedule of every organisation (the server does this daily, and at start),
 * each in the period its organisation's day falls in; `today` fixes one day for all (tests).
 */
export async function runAllSchedules(db: Db, today?: string): Promise<number> {
  const all = await db.kysely.selectFrom("review_schedules").select(["id", "org_id"]).where("active", "=", 1).execute();
  let created = 0;
  for (const s of all) created += (await runSchedule(db, s.org_id, s.id, today)).created;
  return created;
}

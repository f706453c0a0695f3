import type { Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * Workflow: tasks (with owners, due dates and the record they act on), approval chains (稟議) of
 * sequential stages whose steps run in parallel, standing delegations (代理), comments, recurring
 * review schedules, in-app notifications, webhook endpoints, and an outbox from which webhooks and
 * e-mail are delivered with retries.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("tasks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("subject_type", "text")
    .addColumn("subject_id", "text")
    .addColumn("assignee_id", "text", (c) => c.references("users.id"))
    .addColumn("due_on", "text")
    .addColumn("status", "text", (c) => c.notNull())
    /** 1 while the task is open, in progress or awaiting approval: the "my tasks" index leads with it. */
    .addColumn("active", "integer", (c) => c.notNull())
    .addColumn("approval_plan", "text")
    .addColumn("approval_id", "text")
    .addColumn("schedule_id", "text")
    .addColumn("period", "text")
    .addColumn("created_by", "text")
    .addColumn("completed_by", "text")
    .addColumn("completed_at", "text")
    .addColumn("escalated_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addUniqueConstraint("tasks_org_code", ["org_id", "code"])
    .execute();
  await db.schema.createIndex("tasks_org_assignee_active_due").on("tasks").columns(["org_id", "assignee_id", "active", "due_on", "id"]).execute();
  await db.schema.createIndex("tasks_org_active_due").on("tasks").columns(["org_id", "active", "due_on", "id"]).execute();
  await db.schema.createIndex("tasks_org_subject").on("tasks").columns(["org_id", "subject_type", "subject_id"]).execute();
  await db.schema.createIndex("tasks_org_updated").on("tasks").columns(["org_id", "updated_at", "id"]).execute();
  await db.schema.createIndex("tasks_schedule_period").on("tasks").columns(["org_id", "schedule_id", "subject_id", "period"]).unique().execute();

  await db.schema
    .createTable("approvals")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("stage", "integer", (c) => c.notNull())
    .addColumn("requested_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("decided_at", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("approvals_org_subject").on("approvals").columns(["org_id", "subject_type", "subject_id"]).execute();

  await db.schema
    .createTable("approval_steps")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("approval_id", "text", (c) => c.notNull().references("approvals.id"))
    .addColumn("stage", "integer", (c) => c.notNull())
    .addColumn("approver_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("due_on", "text")
    .addColumn("escalated_to", "text", (c) => c.references("users.id"))
    .addColumn("escalated_at", "text")
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "text")
    .addColumn("comment", "text")
    .execute();
  await db.schema.createIndex("approval_steps_org_approval").on("approval_steps").columns(["org_id", "approval_id", "stage"]).execute();
  await db.schema.createIndex("approval_steps_org_approver").on("approval_steps").columns(["org_id", "approver_id", "status"]).execute();
  await db.schema.createIndex("approval_steps_org_escalated").on("approval_steps").columns(["org_id", "escalated_to", "status"]).execute();
  await db.schema.createIndex("approval_steps_status_due").on("approval_steps").columns(["status", "due_on"]).execute();

  await db.schema
    .createTable("delegations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("principal_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("delegate_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("delegations_org_delegate").on("delegations").columns(["org_id", "delegate_id", "ends_on"]).execute();
  await db.schema.createIndex("delegations_org_principal").on("delegations").columns(["org_id", "principal_id", "ends_on"]).execute();

  await db.schema
    .createTable("comments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("author_id", "text")
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("comments_org_subject").on("comments").columns(["org_id", "subject_type", "subject_id", "created_at"]).execute();

  await db.schema
    .createTable("review_schedules")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("cycle", "text", (c) => c.notNull())
    .addColumn("interval_months", "integer", (c) => c.notNull())
    .addColumn("anchor_on", "text")
    .addColumn("assignee_id", "text", (c) => c.references("users.id"))
    .addColumn("approval_plan", "text")
    .addColumn("active", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("subject_type", "text")
    .addColumn("subject_id", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .execute();
  await db.schema.createIndex("notifications_org_user").on("notifications").columns(["org_id", "user_id", "created_at"]).execute();

  await db.schema
    .createTable("webhook_endpoints")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("events", "text", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();

  await db.schema.createIndex("webhook_endpoints_org").on("webhook_endpoints").columns(["org_id", "active"]).execute();

  await db.schema
    .createTable("outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("lease_until", "text")
    .addColumn("last_error", "text")
    .addColumn("delivered_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("outbox_status_next").on("outbox").columns(["status", "next_attempt_at"]).execute();
  await db.schema.createIndex("outbox_org_created").on("outbox").columns(["org_id", "created_at"]).execute();
}

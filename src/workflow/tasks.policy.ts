import type { Task } from "../db/schema.ts";
import { type Actor, can } from "../platform/authz.ts";
import { AppError } from "../platform/errors.ts";

/**
 * Who may change one task: holders of `tasks.manage` any task; holders of `tasks.edit` the tasks
 * assigned to them or created by them — people move their own work forward, not everyone's.
 */
export function assertCanEditTask(actor: Actor, task: Pick<Task, "assignee_id" | "created_by">): void {
  if (can(actor.role, "tasks.manage")) return;
  if (can(actor.role, "tasks.edit") && (task.assignee_id === actor.userId || task.created_by === actor.userId)) return;
  throw new AppError(403, "forbidden", { permission: "tasks.manage", reason: "not_assignee" });
}

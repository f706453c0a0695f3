import { useState } from "react";
import { tasksApi, type TaskView } from "../../api/workflow.ts";
import { Breadcrumb } from "../../components/Breadcrumb.tsx";
import { RecordLoadState } from "../../components/LoadState.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { PageNotice } from "../../components/Notice.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useResource } from "../../hooks/useResource.ts";
import type { MessageKey } from "../../i18n/en.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { RouteParams } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { canEditTask } from "./approval-logic.ts";
import { ApprovalSection } from "./ApprovalSection.tsx";
import { TaskActions } from "./TaskActions.tsx";
import { TaskComments } from "./TaskComments.tsx";
import { TaskDialog } from "./TaskDialog.tsx";
import { TaskFacts } from "./TaskFacts.tsx";
import "./tasks.css";

const DONE_MESSAGES: Record<string, MessageKey> = {
  started: "tasks.done.started",
  completed: "tasks.done.completed",
  submitted: "tasks.done.submitted",
  cancelled: "tasks.done.cancelled",
  withdrawn: "tasks.done.withdrawn",
};

/** One task: its facts, the approval (稟議) step by step, the actions that move it on, and its comments. */
export function TaskPage({ params }: { params: RouteParams }) {
  const { t } = useI18n();
  const { session, can } = useSignedIn();
  const id = params.id ?? "";
  const resource = useResource((signal) => tasksApi.get(id, signal), id);
  const [notice, setNotice] = useState<NoticeMessage>();
  const [editing, setEditing] = useState(false);
  // Completing with a comment adds it to the thread: re-read the comments after each change.
  const [generation, setGeneration] = useState(0);
  const task = resource.data;

  if (!task) {
    return <RecordLoadState resource={resource} testId="page-task" />;
  }

  const editable = canEditTask(task, session.user.id, can);
  const changed = (saved: TaskView, done: string) => {
    resource.update(() => saved);
    setGeneration((g) => g + 1);
    const key = DONE_MESSAGES[done];
    if (key) setNotice({ kind: "success", text: (i) => i.t(key, { code: saved.code }) });
  };

  return (
    <div className="page-stack" data-testid="page-task">
      <Breadcrumb label={t("tasks.breadcrumb")} parent={{ to: "/my-tasks", label: t("nav.myTasks") }} current={task.code} />
      <PageHeader
        title={task.title}
        subtitle={task.code}
        actions={
          editable && (
            <button type="button" className="button" onClick={() => setEditing(true)} data-testid="task-edit">
              {t("tasks.edit")}
            </button>
          )
        }
      />
      <PageNotice notice={notice} onDismiss={() => setNotice(undefined)} testId="task-notice" />
      <TaskFacts task={task} />
      {editable && <TaskActions task={task} onChanged={changed} onError={(err) => setNotice({ kind: "error", text: (i) => i.errorMessage(err) })} />}
      <ApprovalSection
        plan={task.approvalPlan}
        approval={task.approval}
        notYet="approvals.notYet"
        onDecided={(_, decision) => {
          setNotice({ kind: "success", text: (i) => i.t(decision === "approve" ? "approvals.approved" : "approvals.rejected", { title: task.title }) });
          resource.reload();
          setGeneration((g) => g + 1);
        }}
      />
      <TaskComments taskId={task.id} canComment={can("tasks.edit")} generation={generation} />
      {editing && (
        <TaskDialog
          task={task}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            resource.update(() => saved);
            setNotice({ kind: "success", text: (i) => i.t("tasks.saved", { code: saved.code }) });
          }}
        />
      )}
    </div>
  );
}

import { useState } from "react";
import { tasksApi } from "../../api/workflow.ts";
import { LoadState } from "../../components/LoadState.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { PageNotice } from "../../components/Notice.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { navigate } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { approvalTitle } from "../disclosures/disclosure-paths.ts";
import { DelegationsPanel } from "./DelegationsPanel.tsx";
import { MyApprovals } from "./MyApprovals.tsx";
import { MyTaskTable } from "./MyTaskTable.tsx";
import { taskPath } from "./task-paths.ts";
import { TaskDialog } from "./TaskDialog.tsx";
import "./tasks.css";

const LIMIT = 100;

/** My work: the approvals (稟議) waiting for me first, then my active tasks, and my delegations (代理). */
export function MyTasksPage() {
  const { t, number } = useI18n();
  const { can } = useSignedIn();
  const work = useResource((signal) => tasksApi.mine(LIMIT, signal), "my-work");
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage>();
  const data = work.data;

  return (
    <div className="page-stack" data-testid="page-my-tasks">
      <PageHeader
        title={t("tasks.my.title")}
        subtitle={t("tasks.my.subtitle")}
        actions={
          can("tasks.edit") && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)} data-testid="create-task">
              {t("tasks.create")}
            </button>
          )
        }
      />
      <PageNotice notice={notice} onDismiss={() => setNotice(undefined)} testId="my-tasks-notice" />
      {!data ? (
        <LoadState loading={work.loading} error={work.error} onRetry={work.reload} />
      ) : (
        <>
          <div className="task-counts" data-testid="my-task-counts">
            <div className="task-count">
              <span className="task-count__value" data-testid="my-active-count">
                {number(data.activeTotal)}
              </span>
              <span className="task-count__label">{t("tasks.my.active")}</span>
            </div>
            <div className={data.overdueTotal > 0 ? "task-count task-count--overdue" : "task-count"}>
              <span className="task-count__value" data-testid="my-overdue-count">
                {number(data.overdueTotal)}
              </span>
              <span className="task-count__label">{t("tasks.my.overdue")}</span>
            </div>
            <div className="task-count">
              <span className="task-count__value" data-testid="my-approvals-count">
                {number(data.approvals.length)}
              </span>
              <span className="task-count__label">{t("tasks.my.approvals")}</span>
            </div>
          </div>
          <MyApprovals
            approvals={data.approvals}
            canDecide={can("approvals.decide")}
            onDecided={(a, decision) => {
              setNotice({ kind: "success", text: (i) => i.t(decision === "approve" ? "approvals.approved" : "approvals.rejected", { title: approvalTitle(a, i.t) }) });
              work.reload();
            }}
          />
          <section className="card" aria-labelledby="my-task-list-title">
            <h2 id="my-task-list-title" className="card__title">
              {t("tasks.my.listTitle")}
            </h2>
            <MyTaskTable tasks={data.tasks} loading={work.loading} error={work.error} onRetry={work.reload} emptyMessage={t("tasks.my.empty")} />
            {data.activeTotal > data.tasks.length && (
              <p className="muted card__hint">{t("tasks.my.more", { shown: number(data.tasks.length), total: number(data.activeTotal) })}</p>
            )}
          </section>
        </>
      )}
      <DelegationsPanel />
      {creating && <TaskDialog onClose={() => setCreating(false)} onSaved={(task) => navigate(taskPath(task.id))} />}
    </div>
  );
}

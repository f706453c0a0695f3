import { useState } from "react";
import type { VendorView } from "../../api/vendors.ts";
import { tasksApi } from "../../api/workflow.ts";
import { Card } from "../../components/Card.tsx";
import { usePagedList } from "../../hooks/usePagedList.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { navigate } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { MyTaskTable } from "../tasks/MyTaskTable.tsx";
import { taskPath } from "../tasks/task-paths.ts";
import { TaskDialog } from "../tasks/TaskDialog.tsx";
import "../tasks/tasks.css";

/** The open tasks about a vendor (its scheduled reviews among them), and a way to add one. */
export function VendorTasks({ vendor }: { vendor: VendorView }) {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const list = usePagedList(tasksApi.list, { subjectType: "vendor" as const, subjectId: vendor.id, active: "true" as const, limit: 50, sort: "dueOn" });
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title={t("vendors.tasks.title")}
      titleId="vendor-tasks-title"
      testId="vendor-tasks"
      actions={
        can("tasks.edit") && (
          <button type="button" className="button button--small button--primary" onClick={() => setCreating(true)} data-testid="vendor-create-task">
            {t("tasks.create")}
          </button>
        )
      }
    >
      <MyTaskTable tasks={list.page?.items} loading={list.loading} error={list.error} onRetry={list.reload} emptyMessage={t("vendors.tasks.none")} rowTestId="vendor-task" />
      {creating && (
        <TaskDialog
          subject={{ type: "vendor", id: vendor.id, code: vendor.code, titleJa: vendor.name, titleEn: vendor.name }}
          onClose={() => setCreating(false)}
          onSaved={(task) => navigate(taskPath(task.id))}
        />
      )}
    </Card>
  );
}

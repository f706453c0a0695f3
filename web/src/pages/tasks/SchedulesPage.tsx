import { useState } from "react";
import { schedulesApi, type ScheduleView } from "../../api/workflow.ts";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { PageNotice } from "../../components/Notice.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { TableState } from "../../components/TableState.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { useOwners } from "../controls/useOwners.ts";
import { ScheduleDialog } from "./ScheduleDialog.tsx";
import { ScheduleRow } from "./ScheduleRow.tsx";
import "./tasks.css";

/** Recurring reviews (定期レビュー) of systems, risks and vendors: per fiscal year or every N months. */
export function SchedulesPage() {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const manage = can("schedules.manage");
  const users = useOwners();
  const list = useResource((signal) => schedulesApi.list(signal), "schedules");
  const [editing, setEditing] = useState<ScheduleView | "new">();
  const [deleting, setDeleting] = useState<ScheduleView>();
  const [notice, setNotice] = useState<NoticeMessage>();
  const schedules = list.data ?? [];
  const replace = (saved: ScheduleView) => list.update((all) => all?.map((s) => (s.id === saved.id ? saved : s)));
  const fail = (err: unknown) => setNotice({ kind: "error", text: (i) => i.errorMessage(err) });

  const run = async (s: ScheduleView) => {
    setNotice(undefined);
    try {
      const result = await schedulesApi.run(s.id);
      setNotice({ kind: "success", text: (i) => i.t("schedules.run.done", { name: s.name, created: i.number(result.created), period: result.period }) });
    } catch (err) {
      fail(err);
    }
  };

  const toggle = async (s: ScheduleView) => {
    setNotice(undefined);
    try {
      const saved = await schedulesApi.update(s.id, { version: s.version, active: !s.active });
      replace(saved);
      setNotice({ kind: "success", text: (i) => i.t(saved.active ? "schedules.resumed" : "schedules.paused", { name: saved.name }) });
    } catch (err) {
      fail(err);
      list.reload();
    }
  };

  return (
    <div data-testid="page-schedules">
      <PageHeader
        title={t("schedules.title")}
        subtitle={t("schedules.subtitle")}
        actions={
          manage && (
            <button type="button" className="button button--primary" onClick={() => setEditing("new")} data-testid="create-schedule">
              {t("schedules.create")}
            </button>
          )
        }
      />
      <PageNotice notice={notice} onDismiss={() => setNotice(undefined)} testId="schedules-notice" />
      <div className="table-wrap">
        <table className="table" aria-busy={list.loading} data-testid="schedules-table">
          <thead>
            <tr>
              <th scope="col">{t("schedules.col.name")}</th>
              <th scope="col">{t("schedules.col.subject")}</th>
              <th scope="col">{t("schedules.col.cycle")}</th>
              <th scope="col">{t("schedules.col.period")}</th>
              <th scope="col">{t("schedules.col.assignee")}</th>
              <th scope="col">{t("schedules.col.status")}</th>
              {manage && <th scope="col" className="table__actions">{t("common.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            <TableState
              colSpan={manage ? 7 : 6}
              loading={list.loading}
              error={list.error}
              count={schedules.length}
              filtered={false}
              emptyMessage={t("schedules.empty")}
              onRetry={list.reload}
            />
            {!list.error &&
              schedules.map((s) => (
                <ScheduleRow
                  key={s.id}
                  schedule={s}
                  users={users}
                  actions={manage ? { run: () => run(s), toggle: () => toggle(s), edit: () => setEditing(s), remove: () => setDeleting(s) } : undefined}
                />
              ))}
          </tbody>
        </table>
      </div>
      {editing && (
        <ScheduleDialog
          schedule={editing === "new" ? undefined : editing}
          users={users}
          onClose={() => setEditing(undefined)}
          onSaved={(saved, created) => {
            if (created) list.update((all) => [...(all ?? []), saved]);
            else replace(saved);
            setNotice({ kind: "success", text: (i) => i.t("schedules.saved", { name: saved.name }) });
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t("schedules.delete")}
          message={t("schedules.confirmDelete", { name: deleting.name })}
          confirmLabel={t("common.delete")}
          danger
          onConfirm={async () => {
            await schedulesApi.remove(deleting.id);
            list.update((all) => all?.filter((s) => s.id !== deleting.id));
          }}
          onClose={() => setDeleting(undefined)}
        />
      )}
    </div>
  );
}

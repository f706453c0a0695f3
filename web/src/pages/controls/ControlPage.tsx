import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { controlsApi, type ControlStatus, type ControlView } from "../../api/compliance.ts";
import { Breadcrumb } from "../../components/Breadcrumb.tsx";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { RecordLoadState } from "../../components/LoadState.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { PageNotice } from "../../components/Notice.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { RouteParams } from "../../router/router.tsx";
import { navigate } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { ControlDialog } from "./ControlDialog.tsx";
import { ControlEvidence } from "./ControlEvidence.tsx";
import { ControlFacts } from "./ControlFacts.tsx";
import { MappedRequirements } from "./MappedRequirements.tsx";
import "./controls.css";

/** One control: what it is, its status (one click to change), the requirements it answers and its evidence. */
export function ControlPage({ params }: { params: RouteParams }) {
  const { t, lang } = useI18n();
  const { can } = useSignedIn();
  const manage = can("controls.manage");
  const id = params.id ?? "";
  const resource = useResource((signal) => controlsApi.get(id, signal), id);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage>();
  const control = resource.data;

  const changeStatus = async (current: ControlView, status: ControlStatus) => {
    setNotice(undefined);
    try {
      const saved = await controlsApi.update(current.id, { version: current.version, status });
      resource.update(() => saved);
      setNotice({ kind: "success", text: (i) => i.t("controls.statusChanged", { status: i.t(`compliance.status.${status}`), rows: i.number(saved.rows) }) });
    } catch (err) {
      const latest = err instanceof ApiError ? err.currentRecord<ControlView>() : undefined;
      if (latest) resource.update(() => latest);
      setNotice({ kind: "error", text: (i) => i.errorMessage(err) });
    }
  };

  if (!control) {
    return <RecordLoadState resource={resource} testId="page-control" />;
  }

  return (
    <div className="page-stack control-page" data-testid="page-control">
      <Breadcrumb label={t("controls.breadcrumb")} parent={{ to: "/controls", label: t("nav.controls") }} current={control.code} />
      <PageHeader
        title={lang === "ja" ? control.titleJa : control.titleEn}
        subtitle={lang === "ja" ? control.titleEn : control.titleJa}
        subtitleLang={lang === "ja" ? "en" : "ja"}
        actions={
          manage && (
            <>
              <button type="button" className="button" onClick={() => setEditing(true)} data-testid="edit-control">
                {t("controls.edit")}
              </button>
              <button type="button" className="button button--danger-outline" onClick={() => setDeleting(true)}>
                {t("common.delete")}
              </button>
            </>
          )
        }
      />
      <PageNotice notice={notice} onDismiss={() => setNotice(undefined)} testId="control-notice" />
      <ControlFacts control={control} onStatus={manage ? (s) => changeStatus(control, s) : undefined} />
      <MappedRequirements control={control} />
      <ControlEvidence control={control} onChanged={resource.reload} />
      {editing && (
        <ControlDialog
          control={control}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            resource.update(() => saved);
            setNotice({ kind: "success", text: (i) => i.t("controls.saved", { code: saved.code }) });
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t("controls.delete")}
          message={t("controls.confirmDelete", { code: control.code })}
          confirmLabel={t("common.delete")}
          danger
          onConfirm={async () => {
            await controlsApi.remove(control.id);
            navigate("/controls");
          }}
          onClose={() => setDeleting(false)}
        />
      )}
    </div>
  );
}

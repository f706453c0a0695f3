import { useState } from "react";
import { risksApi, type RiskView } from "../../api/risks.ts";
import { Breadcrumb } from "../../components/Breadcrumb.tsx";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { RecordCustomFacts } from "../../components/custom/RecordCustomFacts.tsx";
import { RecordLoadState } from "../../components/LoadState.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { Notice, PageNotice } from "../../components/Notice.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link, navigate, type RouteParams } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { AcceptanceCard } from "./AcceptanceCard.tsx";
import { AcceptDialog } from "./AcceptDialog.tsx";
import { ReviewDialog } from "./ReviewDialog.tsx";
import { RiskDialog } from "./RiskDialog.tsx";
import { RiskClassification, RiskControls, RiskFacts } from "./RiskFacts.tsx";
import { RiskTasks } from "./RiskTasks.tsx";
import { useRiskMatrix } from "./useRiskRefs.ts";
import "./risks.css";

type Open = "edit" | "accept" | "review" | "delete" | undefined;

/**
 * One risk: its ratings on the organisation's matrix, treatment and controls, classification,
 * acceptance, and the open tasks on it; with the decisions a risk needs (edit, accept, review,
 * delete) for those allowed to make them.
 */
export function RiskPage({ params }: { params: RouteParams }) {
  const { t, lang } = useI18n();
  const { can } = useSignedIn();
  const id = params.id ?? "";
  const resource = useResource((signal) => risksApi.get(id, signal), id);
  const matrix = useRiskMatrix();
  const [open, setOpen] = useState<Open>();
  const [notice, setNotice] = useState<NoticeMessage>();
  const risk = resource.data;

  if (!risk) {
    return <RecordLoadState resource={resource} testId="page-risk" />;
  }

  const saved = (message: "risks.saved" | "risks.accepted" | "risks.reviewed") => (next: RiskView) => {
    resource.update(() => next);
    setNotice({ kind: "success", text: (i) => i.t(message, { code: next.code }) });
  };
  const edit = can("risks.edit");
  const m = matrix.data?.matrix;

  return (
    <div className="page-stack risk-page" data-testid="page-risk">
      <Breadcrumb label={t("risks.breadcrumb")} parent={{ to: "/risks", label: t("nav.risks") }} current={risk.code} />
      <PageHeader
        title={lang === "ja" ? risk.titleJa : risk.titleEn}
        subtitle={lang === "ja" ? risk.titleEn : risk.titleJa}
        subtitleLang={lang === "ja" ? "en" : "ja"}
        actions={
          <>
            {edit && m && (
              <button type="button" className="button" onClick={() => setOpen("review")} data-testid="risk-review">
                {t("risks.review.action")}
              </button>
            )}
            {can("risks.accept") && risk.status !== "closed" && (
              <button type="button" className="button" onClick={() => setOpen("accept")} data-testid="risk-accept">
                {risk.status === "accepted" ? t("risks.accept.renew") : t("risks.accept.action")}
              </button>
            )}
            {edit && m && (
              <button type="button" className="button" onClick={() => setOpen("edit")} data-testid="risk-edit">
                {t("risks.edit")}
              </button>
            )}
            {edit && (
              <button type="button" className="button button--danger-outline" onClick={() => setOpen("delete")} data-testid="risk-delete">
                {t("common.delete")}
              </button>
            )}
          </>
        }
      />
      <PageNotice notice={notice} onDismiss={() => setNotice(undefined)} testId="risk-notice" />
      {matrix.error !== undefined && <Notice kind="warning">{t("risks.matrix.unavailable")}</Notice>}
      <div className="two-column">
        <div className="stack">
          <RiskFacts risk={risk} matrix={m} />
          <RecordCustomFacts entity="risk" values={risk.custom} />
        </div>
        <div className="stack">
          <AcceptanceCard risk={risk} />
          <RiskControls risk={risk} />
        </div>
      </div>
      <RiskClassification risk={risk} />
      {can("tasks.read") && <RiskTasks riskId={risk.id} version={risk.version} />}
      {can("audit.read") && (
        <p className="risk-page__history">
          <Link to={`/audit?entityType=risk&entityId=${encodeURIComponent(risk.id)}`} data-testid="risk-history">
            {t("risks.history")}
          </Link>
        </p>
      )}
      {open === "edit" && m && <RiskDialog matrix={m} risk={risk} onClose={() => setOpen(undefined)} onSaved={saved("risks.saved")} />}
      {open === "accept" && <AcceptDialog risk={risk} onClose={() => setOpen(undefined)} onSaved={saved("risks.accepted")} />}
      {open === "review" && m && <ReviewDialog risk={risk} matrix={m} onClose={() => setOpen(undefined)} onSaved={saved("risks.reviewed")} />}
      {open === "delete" && (
        <ConfirmDialog
          title={t("risks.delete")}
          message={t("risks.confirmDelete", { code: risk.code })}
          confirmLabel={t("common.delete")}
          danger
          onConfirm={async () => {
            await risksApi.remove(risk.id);
            navigate("/risks");
          }}
          onClose={() => setOpen(undefined)}
        />
      )}
    </div>
  );
}

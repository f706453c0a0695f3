import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { vendorsApi } from "../../api/vendors.ts";
import { Breadcrumb } from "../../components/Breadcrumb.tsx";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { LoadState, RecordLoadState } from "../../components/LoadState.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { PageNotice } from "../../components/Notice.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { navigate, type RouteParams } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { LatestReview } from "./LatestReview.tsx";
import { ReviewForm } from "./ReviewForm.tsx";
import { VendorDialog } from "./VendorDialog.tsx";
import { VendorFacts } from "./VendorFacts.tsx";
import { RecordCustomFacts } from "../../components/custom/RecordCustomFacts.tsx";
import { VendorSystems } from "./VendorSystems.tsx";
import { VendorTasks } from "./VendorTasks.tsx";
import "../tasks/tasks.css";
import "./vendors.css";

/** One vendor: its facts, the systems that depend on it, its latest review, the due-diligence form and its open tasks. */
export function VendorPage({ params }: { params: RouteParams }) {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const manage = can("vendors.manage");
  const id = params.id ?? "";
  const resource = useResource((signal) => vendorsApi.get(id, signal), id);
  const questionnaire = useResource((signal) => vendorsApi.questionnaire(signal), "vendor-questionnaire");
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage>();
  const vendor = resource.data;

  if (!vendor) {
    return <RecordLoadState resource={resource} testId="page-vendor" />;
  }

  return (
    <div className="page-stack" data-testid="page-vendor">
      <Breadcrumb label={t("vendors.breadcrumb")} parent={{ to: "/vendors", label: t("nav.vendors") }} current={vendor.code} />
      <PageHeader
        title={vendor.name}
        subtitle={t(`vendors.kind.${vendor.kind}`)}
        actions={
          manage && (
            <>
              <button type="button" className="button" onClick={() => setEditing(true)} data-testid="edit-vendor">
                {t("vendors.edit")}
              </button>
              <button type="button" className="button button--danger-outline" onClick={() => setDeleting(true)} data-testid="delete-vendor">
                {t("common.delete")}
              </button>
            </>
          )
        }
      />
      <PageNotice notice={notice} onDismiss={() => setNotice(undefined)} testId="vendor-notice" />
      <div className="two-column">
        <VendorFacts vendor={vendor} />
        <RecordCustomFacts entity="vendor" values={vendor.custom} />
        <div className="stack">
          <VendorSystems vendor={vendor} />
          <LatestReview review={vendor.lastReview} questionnaire={questionnaire.data} />
        </div>
      </div>
      <VendorTasks vendor={vendor} />
      {manage &&
        (questionnaire.data ? (
          <ReviewForm
            vendor={vendor}
            questionnaire={questionnaire.data}
            onReviewed={(saved) => {
              const statusChanged = saved.status !== vendor.status;
              resource.update(() => saved);
              setNotice({
                kind: "success",
                text: (i) =>
                  statusChanged
                    ? i.t("vendors.review.savedWithStatus", { rating: i.t(`vendors.rating.${saved.rating}`), status: i.t(`vendors.status.${saved.status}`) })
                    : i.t("vendors.review.saved", { rating: i.t(`vendors.rating.${saved.rating}`), status: i.t(`vendors.status.${saved.status}`) }),
              });
              window.scrollTo({ top: 0, behavior: "smooth" });
            }}
            onStale={(latest) => resource.update(() => latest)}
          />
        ) : (
          <LoadState loading={questionnaire.loading} error={questionnaire.error} onRetry={questionnaire.reload} />
        ))}
      {editing && (
        <VendorDialog
          vendor={vendor}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            resource.update(() => saved);
            setNotice({ kind: "success", text: (i) => i.t("vendors.saved", { name: saved.name }) });
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t("vendors.delete")}
          message={t("vendors.confirmDelete", { name: vendor.name })}
          confirmLabel={t("common.delete")}
          danger
          onConfirm={async () => {
            try {
              await vendorsApi.remove(vendor.id);
            } catch (err) {
              if (!(err instanceof ApiError && err.status === 404)) throw err;
            }
            navigate("/vendors");
          }}
          onClose={() => setDeleting(false)}
        />
      )}
    </div>
  );
}

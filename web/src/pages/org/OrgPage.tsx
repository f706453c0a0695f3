import { useEffect, useState } from "react";
import { orgApi } from "../../api/endpoints.ts";
import type { OrgView } from "../../api/types.ts";
import { Notice } from "../../components/Notice.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { OrgForm } from "./OrgForm.tsx";

/** Organisation settings: read for everyone, editable with `org.update`. */
export function OrgPage() {
  const i18n = useI18n();
  const { t, errorMessage } = i18n;
  const canEdit = useSignedIn().can("org.update");
  const [org, setOrg] = useState<OrgView>();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<NoticeMessage>();

  useEffect(() => {
    const controller = new AbortController();
    setError(undefined);
    orgApi
      .get(controller.signal)
      .then(setOrg)
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(err);
      });
    return () => controller.abort();
  }, [attempt]);

  return (
    <div data-testid="page-org">
      <PageHeader title={t("org.title")} subtitle={t("org.subtitle")} />
      {notice && (
        <Notice kind={notice.kind} onDismiss={() => setNotice(undefined)} testId="org-notice">
          {notice.text(i18n)}
        </Notice>
      )}
      {error !== undefined ? (
        <div className="card table-state table-state--error" role="alert">
          <p>{t("common.loadFailed")}</p>
          <p className="table-state__detail">{errorMessage(error)}</p>
          <button type="button" className="button button--small" onClick={() => setAttempt((a) => a + 1)}>
            {t("common.retry")}
          </button>
        </div>
      ) : !org ? (
        <div className="card table-state" role="status">
          <span className="spinner" aria-hidden="true" />
          {t("common.loading")}
        </div>
      ) : (
        <OrgForm
          key={`${org.id}:${org.version}`}
          org={org}
          canEdit={canEdit}
          onSaved={(next, message) => {
            setOrg(next);
            setNotice(message);
          }}
          onNotice={setNotice}
        />
      )}
    </div>
  );
}

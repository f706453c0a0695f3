import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { dealingsApi } from "../../api/dealings.ts";
import { Card } from "../../components/Card.tsx";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { BilingualBody } from "../oversight/BilingualBody.tsx";
import { AnswerDelivery } from "./AnswerDelivery.tsx";
import type { DealingPartProps } from "./DealingPage.tsx";
import { noticeOf } from "./dealing-views.ts";

/**
 * The notice of a publication an authority plans, naming the organisation: the text it would
 * publish and until when the organisation may respond (its response is attached to the
 * publication), the response form, and later the publication's stage — published, or withdrawn
 * with the authority's reason.
 */
export function NoticeDealing({ dealing, onChanged, onConflict, onNotice }: DealingPartProps) {
  const { t, day } = useI18n();
  const { can } = useSignedIn();
  const notice = noticeOf(dealing.body);
  const canRespond = can("exchange.submit") && dealing.status === "open" && notice.stage === "notice";
  return (
    <>
      {notice.stage !== "notice" && (
        <Notice kind={notice.stage === "withdrawn" ? "warning" : "info"} testId="notice-stage">
          {notice.stage === "published" ? t("dealings.notice.published") : t("dealings.notice.withdrawn", { reason: notice.reason ?? t("oversight.notStated") })}
        </Notice>
      )}
      <Card title={t("dealings.notice.text")} titleId="dealing-notice-title" testId="dealing-publication-text">
        <p className="card__hint">{t(notice.stage === "notice" ? "dealings.notice.explain" : "dealings.notice.explainAfter")}</p>
        <BilingualBody body={notice.body} />
        {notice.responseDue && notice.stage === "notice" && <p className="card__lead">{t("dealings.notice.respondBy", { date: day(notice.responseDue) })}</p>}
      </Card>
      <AnswerDelivery dealing={dealing} titleKey="dealings.notice.sentTitle" />
      {canRespond && (
        <ResponseForm
          dealingId={dealing.id}
          version={dealing.version}
          onSent={(next) => {
            onChanged(next);
            onNotice({ kind: "success", text: (i) => i.t("dealings.notice.sent") });
          }}
          onConflict={onConflict}
        />
      )}
      {!can("exchange.submit") && dealing.status === "open" && notice.stage === "notice" && <p className="muted">{t("dealings.notice.whoResponds")}</p>}
    </>
  );
}

interface ResponseFormProps {
  dealingId: string;
  version: number;
  onSent(next: Parameters<DealingPartProps["onChanged"]>[0]): void;
  onConflict(): void;
}

function ResponseForm({ dealingId, version, onSent, onConflict }: ResponseFormProps) {
  const { t } = useI18n();
  const [text, setText] = useState("");
  const form = useFormSave({}, async () => {
    try {
      onSent(await dealingsApi.respond(dealingId, { version, text: text.trim() }));
    } catch (err) {
      if (err instanceof ApiError && err.code === "conflict") onConflict();
      throw err;
    }
  });
  return (
    <Card title={t("dealings.notice.respondTitle")} titleId="dealing-respond-title" testId="notice-response-form">
      <form className="form" onSubmit={form.onSubmit} noValidate>
        <p className="card__hint">{t("dealings.notice.respondExplain")}</p>
        {form.formError && <Notice kind="error" testId="notice-response-error">{form.error instanceof ApiError && form.error.code === "publication_step" ? t("dealings.notice.closedNow") : form.formError}</Notice>}
        <Field label={t("dealings.notice.response")} error={form.errors.text}>
          <textarea className="input" rows={6} maxLength={50000} value={text} onChange={(e) => setText(e.target.value)} data-testid="notice-response-text" />
        </Field>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={form.busy || text.trim() === ""} data-testid="notice-response-send">
            {form.busy ? t("oversight.sending") : t("dealings.notice.send")}
          </button>
        </div>
      </form>
    </Card>
  );
}

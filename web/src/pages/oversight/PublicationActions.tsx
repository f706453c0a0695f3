import { useEffect, useState } from "react";
import { ApiError } from "../../api/client.ts";
import { usersApi } from "../../api/endpoints.ts";
import { oversightApi, type PublicationView } from "../../api/oversight.ts";
import type { UserView } from "../../api/types.ts";
import { Card } from "../../components/Card.tsx";
import { todayIso } from "../../components/dates.ts";
import { Field } from "../../components/Field.tsx";
import { FormDialog } from "../../components/FormDialog.tsx";
import { errorFor } from "../../hooks/fieldErrors.ts";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { CheckboxGroup } from "../incidents/CheckboxGroup.tsx";
import { approverCandidates, publicationActions, stepRefusal } from "./publication-logic.ts";

type Step = "notice" | "submit" | "publish" | "withdraw";

interface PublicationActionsProps {
  publication: PublicationView;
  /** The publication as the step left it, and the step taken. */
  onDone(next: PublicationView, step: Step): void;
  /** Someone moved it meanwhile (409 `conflict`): the page loads it as it is now. */
  onConflict(): void;
}

/**
 * The steps of the due process this person may take now, each confirmed in a dialog: give the
 * organisation named notice (a supervisor), ask for approval (an analyst or supervisor), publish or
 * withdraw (a publisher). What is not theirs to do, or not yet, is said rather than offered.
 */
export function PublicationActions({ publication, onDone, onConflict }: PublicationActionsProps) {
  const { t, day } = useI18n();
  const { can } = useSignedIn();
  const [open, setOpen] = useState<Step>();
  const actions = publicationActions(publication, can, todayIso());
  const any = actions.notice || actions.submit !== false || actions.publish || actions.withdraw;
  const close = () => setOpen(undefined);
  const done = (next: PublicationView, step: Step) => {
    close();
    onDone(next, step);
  };
  return (
    <Card title={t("oversight.publication.procedure")} titleId="publication-actions-title" testId="publication-actions">
      {!any && <p className="muted" data-testid="publication-no-action">{t(nothingToDoKey(publication.status))}</p>}
      <div className="stack">
        {actions.notice && (
          <button type="button" className="button button--primary" onClick={() => setOpen("notice")} data-testid="publication-notice-open">
            {t("oversight.publication.notice")}
          </button>
        )}
        {actions.submit === "waiting" && publication.responseDue && (
          <p className="card__hint" data-testid="publication-waiting">
            {t("oversight.publication.waitingResponse", { date: day(publication.responseDue) })}
          </p>
        )}
        {actions.submit !== false && (
          <button type="button" className={actions.submit === "ready" ? "button button--primary" : "button"} disabled={actions.submit === "waiting"} onClick={() => setOpen("submit")} data-testid="publication-submit-open">
            {t("oversight.publication.submit")}
          </button>
        )}
        {actions.publish && (
          <button type="button" className="button button--primary" onClick={() => setOpen("publish")} data-testid="publication-publish-open">
            {t("oversight.publication.publish")}
          </button>
        )}
        {actions.withdraw && (
          <button type="button" className="button button--danger-outline" onClick={() => setOpen("withdraw")} data-testid="publication-withdraw-open">
            {t("oversight.publication.withdraw")}
          </button>
        )}
      </div>
      {open === "notice" && <NoticeDialog publication={publication} onClose={close} onDone={(next) => done(next, "notice")} onConflict={onConflict} />}
      {open === "submit" && <SubmitDialog publication={publication} onClose={close} onDone={(next) => done(next, "submit")} onConflict={onConflict} />}
      {open === "publish" && <PublishDialog publication={publication} onClose={close} onDone={(next) => done(next, "publish")} onConflict={onConflict} />}
      {open === "withdraw" && <WithdrawDialog publication={publication} onClose={close} onDone={(next) => done(next, "withdraw")} onConflict={onConflict} />}
    </Card>
  );
}

/** What the card says when this person has no step to take: the step waits for someone else, or the process is over. */
function nothingToDoKey(status: PublicationView["status"]) {
  switch (status) {
    case "in_review":
      return "oversight.publication.nothing.inReview" as const;
    case "published":
      return "oversight.publication.nothing.published" as const;
    case "withdrawn":
      return "oversight.publication.nothing.withdrawn" as const;
    default:
      return "oversight.publication.nothing.other" as const;
  }
}

interface StepDialogProps {
  publication: PublicationView;
  onClose(): void;
  onDone(next: PublicationView): void;
  onConflict(): void;
}

/**
 * A step's save: a conflict reloads the page (and the dialog's next try uses the new version), and
 * a refusal of the step (`publication_step`) is said in the user's words, not the server's.
 */
function useStep(props: StepDialogProps, run: () => Promise<PublicationView>) {
  const { t, day } = useI18n();
  const form = useFormSave({}, async () => {
    try {
      props.onDone(await run());
    } catch (err) {
      if (err instanceof ApiError && err.code === "conflict") props.onConflict();
      throw err;
    }
  });
  const refusal = stepRefusal(form.error);
  const formError = refusal ? t(refusal.key, { date: refusal.date ? day(refusal.date) : "", status: refusal.status ? t(`oversight.publicationStatus.${refusal.status}`) : "" }) : form.formError;
  return { ...form, formError };
}

function NoticeDialog(props: StepDialogProps) {
  const { t, number, lang } = useI18n();
  const [days, setDays] = useState("14");
  const form = useStep(props, () => oversightApi.noticePublication(props.publication.id, { version: props.publication.version, responseDays: Number(days) }));
  const valid = /^\d+$/.test(days) && Number(days) >= 7 && Number(days) <= 90;
  const name = props.publication.names?.name[lang] ?? "";
  return (
    <FormDialog title={t("oversight.publication.noticeTitle", { name })} onClose={props.onClose} testId="publication-notice-dialog" formId="publication-notice-form" form={form} size="small" submitLabel={t("oversight.publication.noticeSubmit")} submitTestId="publication-notice-submit" submitDisabled={!valid}>
      <p className="field__hint">{t("oversight.publication.noticeExplain")}</p>
      <Field label={t("oversight.publication.responseDays")} hint={t("oversight.publication.responseDaysHint", { min: number(7), max: number(90) })} error={form.errors.responseDays}>
        <input className="input" type="number" inputMode="numeric" min={7} max={90} required value={days} onChange={(e) => setDays(e.target.value)} data-testid="publication-response-days" />
      </Field>
    </FormDialog>
  );
}

function SubmitDialog(props: StepDialogProps) {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const [users, setUsers] = useState<UserView[]>();
  const [chosen, setChosen] = useState<string[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    usersApi
      .list({ status: "active", limit: 200 }, controller.signal)
      .then((page) => setUsers(approverCandidates(page.items, session.user.id)))
      .catch(() => setUsers([]));
    return () => controller.abort();
  }, [session.user.id]);
  const form = useStep(props, () => oversightApi.submitPublication(props.publication.id, { version: props.publication.version, approvalPlan: [chosen] }));
  return (
    <FormDialog title={t("oversight.publication.submitTitle")} onClose={props.onClose} testId="publication-submit-dialog" formId="publication-submit-form" form={form} submitLabel={t("oversight.publication.submitSubmit")} submitTestId="publication-submit-submit" submitDisabled={chosen.length === 0}>
      <p className="field__hint">{t("oversight.publication.submitExplain")}</p>
      {users?.length === 0 ? (
        <p className="muted" data-testid="publication-no-approvers">{t("oversight.publication.noApprovers")}</p>
      ) : (
        <CheckboxGroup legend={t("oversight.publication.approvers")} hint={t("oversight.publication.approversHint")} options={(users ?? []).map((u) => ({ value: u.id, label: u.displayName }))} value={chosen} onChange={setChosen} error={errorFor(form.errors, "approvalPlan")} testId="publication-approvers" />
      )}
    </FormDialog>
  );
}

function PublishDialog(props: StepDialogProps) {
  const { t, lang } = useI18n();
  const form = useStep(props, () => oversightApi.publishPublication(props.publication.id, props.publication.version));
  return (
    <FormDialog title={t("oversight.publication.publishTitle", { code: props.publication.code })} onClose={props.onClose} testId="publication-publish-dialog" formId="publication-publish-form" form={form} size="small" submitLabel={t("oversight.publication.publish")} submitTestId="publication-publish-submit">
      <p className="dialog-message">{t(props.publication.names ? "oversight.publication.publishExplainNamed" : "oversight.publication.publishExplain", { name: props.publication.names?.name[lang] ?? "" })}</p>
    </FormDialog>
  );
}

function WithdrawDialog(props: StepDialogProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const form = useStep(props, () => oversightApi.withdrawPublication(props.publication.id, { version: props.publication.version, reason: reason.trim() }));
  return (
    <FormDialog title={t("oversight.publication.withdrawTitle", { code: props.publication.code })} onClose={props.onClose} testId="publication-withdraw-dialog" formId="publication-withdraw-form" form={form} size="small" submitLabel={t("oversight.publication.withdraw")} submitTestId="publication-withdraw-submit" submitDisabled={reason.trim() === ""}>
      <p className="field__hint">{t("oversight.publication.withdrawExplain")}</p>
      <Field label={t("oversight.publication.withdrawReason")} error={form.errors.reason}>
        <textarea className="input" rows={4} maxLength={5000} required value={reason} onChange={(e) => setReason(e.target.value)} data-testid="publication-withdraw-reason" />
      </Field>
    </FormDialog>
  );
}

import { useState } from "react";
import { delegationsApi, type Delegation } from "../../api/workflow.ts";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { todayIso } from "../../components/dates.ts";
import { Field } from "../../components/Field.tsx";
import { LoadState } from "../../components/LoadState.tsx";
import { Notice } from "../../components/Notice.tsx";
import { PersonSelect } from "../../components/PersonSelect.tsx";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { useOwners } from "../controls/useOwners.ts";
import { APPROVER_ROLES, delegationState } from "./approval-logic.ts";

/** My delegations (代理) given and received, and a form to let someone decide my approvals between two dates. */
export function DelegationsPanel() {
  const { t, day } = useI18n();
  const { session, can } = useSignedIn();
  const me = session.user.id;
  const mayDelegate = can("approvals.decide");
  const resource = useResource((signal) => delegationsApi.list(signal), "delegations");
  const [removing, setRemoving] = useState<Delegation>();
  const today = todayIso();
  const list = resource.data ?? [];

  return (
    <section className="card" aria-labelledby="delegations-title" data-testid="delegations">
      <h2 id="delegations-title" className="card__title">
        {t("approvals.delegations.title")}
      </h2>
      <p className="card__lead">{t("approvals.delegations.lead")}</p>
      {!resource.data && <LoadState loading={resource.loading} error={resource.error} onRetry={resource.reload} />}
      {resource.data && list.length === 0 && <p className="muted">{t("approvals.delegations.none")}</p>}
      {list.length > 0 && (
        <ul className="stack-list delegation-list">
          {list.map((d) => {
            const state = delegationState(d, today);
            return (
              <li key={d.id} className={`delegation delegation--${state}`} data-testid="delegation">
                <span className="delegation__who">{t("approvals.delegations.row", { principal: d.principal.displayName, delegate: d.delegate.displayName })}</span>
                <span className="delegation__dates">{t("approvals.delegations.dates", { from: day(d.startsOn), to: day(d.endsOn) })}</span>
                <span className={`tag tag--neutral delegation__state`}>{t(`approvals.delegations.state.${state}`)}</span>
                {d.note && <span className="muted delegation__note">{d.note}</span>}
                {mayDelegate && (d.principal.id === me || can("users.manage")) && (
                  <button type="button" className="button button--small button--danger-outline" onClick={() => setRemoving(d)}>
                    {t("approvals.delegations.end")}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {mayDelegate && <DelegationForm onCreated={resource.reload} />}
      {removing && (
        <ConfirmDialog
          title={t("approvals.delegations.end")}
          message={t("approvals.delegations.confirmEnd", { delegate: removing.delegate.displayName })}
          confirmLabel={t("approvals.delegations.end")}
          danger
          onConfirm={async () => {
            await delegationsApi.remove(removing.id);
            resource.reload();
          }}
          onClose={() => setRemoving(undefined)}
        />
      )}
    </section>
  );
}

/** Delegate my approvals to someone who may approve, from one date to another. */
function DelegationForm({ onCreated }: { onCreated(): void }) {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const users = useOwners().filter((u) => u.id !== session.user.id && APPROVER_ROLES.includes(u.role));
  const [delegateId, setDelegateId] = useState("");
  const [startsOn, setStartsOn] = useState(todayIso());
  const [endsOn, setEndsOn] = useState("");
  const [note, setNote] = useState("");
  const [done, setDone] = useState(false);

  const form = useFormSave({}, async () => {
    setDone(false);
    await delegationsApi.create({ delegateId, startsOn, endsOn, note: note.trim() });
    setDelegateId("");
    setEndsOn("");
    setNote("");
    setDone(true);
    onCreated();
  });
  const { errors, formError } = form;

  return (
    <form className="form delegation-form" onSubmit={form.onSubmit} noValidate data-testid="delegation-form">
      <h3 className="delegation-form__title">{t("approvals.delegations.add")}</h3>
      {formError && <Notice kind="error">{formError}</Notice>}
      {done && <Notice kind="success">{t("approvals.delegations.created")}</Notice>}
      <div className="form__row">
        <Field label={t("approvals.delegations.delegate")} error={errors.delegateId}>
          <PersonSelect value={delegateId} onChange={setDelegateId} users={users} emptyLabel={t("approvals.plan.choose")} testId="delegation-delegate" />
        </Field>
        <Field label={t("approvals.delegations.startsOn")} error={errors.startsOn}>
          <input className="input" type="date" required value={startsOn} onChange={(e) => setStartsOn(e.target.value)} data-testid="delegation-starts" />
        </Field>
        <Field label={t("approvals.delegations.endsOn")} error={errors.endsOn}>
          <input className="input" type="date" required min={startsOn} value={endsOn} onChange={(e) => setEndsOn(e.target.value)} data-testid="delegation-ends" />
        </Field>
      </div>
      <Field label={t("approvals.delegations.note")} error={errors.note} optional>
        <input className="input" maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={form.busy || !delegateId || !endsOn} data-testid="delegation-submit">
          {form.busy ? t("common.saving") : t("approvals.delegations.submit")}
        </button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/client.ts";
import { incidentsApi, SEVERITIES, type IncidentView, type Severity } from "../../api/incidents.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { fieldErrors } from "../../hooks/fieldErrors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { useOwners } from "../controls/useOwners.ts";
import { CategoryPicker } from "./CategoryPicker.tsx";
import { HarmFields } from "./HarmFields.tsx";
import { emptyForm, errorFor, formOf, inputOf, patchOf, type IncidentForm } from "./incident-form.ts";
import { similarTextOf } from "./incident-rules.ts";
import { LinkFields } from "./LinkFields.tsx";
import { PersonalDataFields } from "./PersonalDataFields.tsx";
import { SimilarIncidents } from "./SimilarIncidents.tsx";
import { useLinkOptions, useRiskTaxonomy } from "./useIncidentOptions.ts";

interface IncidentDialogProps {
  /** The incident to edit; none to file a new one. */
  incident?: IncidentView | undefined;
  onClose(): void;
  onSaved(incident: IncidentView, created: boolean): void;
}

/**
 * Files an incident, or corrects its facts: what happened and when, the harm and rights touched,
 * personal data, MIT categories and the systems, risks and failed controls involved. While the
 * title and summary are typed, similar past incidents are shown, so a known failure is recognised
 * (and its earlier handling reused) before the investigation starts.
 */
export function IncidentDialog({ incident, onClose, onSaved }: IncidentDialogProps) {
  const { t, errorMessage } = useI18n();
  const { session, can } = useSignedIn();
  const owners = useOwners(can("users.read"));
  const links = useLinkOptions();
  const taxonomy = useRiskTaxonomy();
  const [initial] = useState<IncidentForm>(() => (incident ? formOf(incident) : emptyForm(new Date(), session.user.id)));
  const [form, setForm] = useState<IncidentForm>(initial);
  const [version, setVersion] = useState(incident?.version);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const set = (patch: Partial<IncidentForm>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      if (incident && version !== undefined) {
        const patch = patchOf(inputOf(initial), inputOf(form));
        if (Object.keys(patch).length === 0) {
          onClose();
          return;
        }
        onSaved(await incidentsApi.update(incident.id, { ...patch, version }), false);
      } else {
        onSaved(await incidentsApi.create(inputOf(form)), true);
      }
      onClose();
    } catch (err) {
      // A stale edit keeps what was typed and adopts the current version, so a second save overwrites knowingly.
      if (err instanceof ApiError && err.code === "conflict") setVersion(err.currentRecord<IncidentView>()?.version ?? version);
      setError(err);
      setBusy(false);
    }
  };

  const errors = fieldErrors(error);
  const formError = error !== undefined && Object.keys(errors).length === 0 ? errorMessage(error) : undefined;
  const owner = incident?.owner;
  const current = { systems: incident?.systems ?? [], risks: incident?.risks ?? [], controls: incident?.controls ?? [] };

  return (
    <Dialog
      title={incident ? t("incidents.dialog.editTitle", { code: incident.code }) : t("incidents.dialog.createTitle")}
      onClose={onClose}
      testId="incident-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form="incident-form" className="button button--primary" disabled={busy} data-testid="incident-save">
            {busy ? t("common.saving") : incident ? t("common.save") : t("incidents.dialog.file")}
          </button>
        </>
      }
    >
      <form id="incident-form" className="form incident-form" onSubmit={submit} noValidate>
        {formError && <Notice kind="error">{formError}</Notice>}
        {Object.keys(errors).length > 0 && <Notice kind="error">{t("incidents.dialog.fixFields")}</Notice>}
        <Field label={t("incidents.field.title")} error={errors.title}>
          <input className="input" required maxLength={300} value={form.title} onChange={(e) => set({ title: e.target.value })} data-testid="incident-title" />
        </Field>
        <Field label={t("incidents.field.summary")} hint={t("incidents.field.summaryHint")} error={errors.summary} optional>
          <textarea className="input" rows={4} value={form.summary} onChange={(e) => set({ summary: e.target.value })} data-testid="incident-summary" />
        </Field>
        <SimilarIncidents text={similarTextOf(form.title, form.summary)} categories={form.categories} exclude={incident?.id} testId="incident-similar" />
        <div className="form__row">
          <Field label={t("incidents.field.severity")} error={errors.severity}>
            <select className="input" value={form.severity} onChange={(e) => set({ severity: e.target.value as Severity })} data-testid="incident-severity">
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {t(`incidents.severity.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("incidents.field.owner")} hint={t("incidents.field.ownerHint")} error={errors.ownerId} optional>
            <select className="input" value={form.ownerId} onChange={(e) => set({ ownerId: e.target.value })} data-testid="incident-owner">
              <option value="">{t("incidents.noOwner")}</option>
              {owner && !owners.some((u) => u.id === owner.id) && <option value={owner.id}>{owner.displayName}</option>}
              {!owners.some((u) => u.id === session.user.id) && owner?.id !== session.user.id && <option value={session.user.id}>{session.user.displayName}</option>}
              {owners.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="form__row">
          <Field label={t("incidents.field.occurredAt")} hint={t("incidents.field.occurredAtHint")} error={errors.occurredAt} optional>
            <input className="input" type="datetime-local" value={form.occurredAt} onChange={(e) => set({ occurredAt: e.target.value })} data-testid="incident-occurred" />
          </Field>
          <Field label={t("incidents.field.detectedAt")} error={errors.detectedAt}>
            <input className="input" type="datetime-local" required value={form.detectedAt} onChange={(e) => set({ detectedAt: e.target.value })} data-testid="incident-detected" />
          </Field>
        </div>
        <HarmFields form={form} set={set} errors={errors} />
        <fieldset className="incident-dialog__section">
          <legend className="incident-dialog__legend">{t("incidents.section.classification")}</legend>
          <CategoryPicker taxonomy={taxonomy} value={form.categories} onChange={(categories) => set({ categories })} error={errorFor(errors, "categories")} />
        </fieldset>
        <PersonalDataFields form={form} set={set} errors={errors} />
        <LinkFields form={form} set={set} errors={errors} options={links} current={current} />
        <Field label={t("incidents.field.rootCause")} hint={t("incidents.field.rootCauseHint")} error={errors.rootCause} optional>
          <textarea className="input" rows={3} value={form.rootCause} onChange={(e) => set({ rootCause: e.target.value })} data-testid="incident-root-cause" />
        </Field>
      </form>
    </Dialog>
  );
}

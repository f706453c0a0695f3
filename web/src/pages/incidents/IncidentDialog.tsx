import { useState } from "react";
import { incidentsApi, SEVERITIES, type IncidentView } from "../../api/incidents.ts";
import { CustomFieldInputs } from "../../components/custom/CustomFieldInputs.tsx";
import { customInputOf, draftOf, type CustomDraft } from "../../components/custom/custom-values.ts";
import { Field } from "../../components/Field.tsx";
import { FormDialog } from "../../components/FormDialog.tsx";
import { Notice } from "../../components/Notice.tsx";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { PersonSelect } from "../../components/PersonSelect.tsx";
import { errorFor } from "../../hooks/fieldErrors.ts";
import { useCustomFields } from "../../hooks/useCustomFields.ts";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { useOwners } from "../controls/useOwners.ts";
import { useTaxonomy } from "../risks/useRiskRefs.ts";
import { CategoryPicker } from "./CategoryPicker.tsx";
import { HarmFields } from "./HarmFields.tsx";
import { emptyForm, formOf, inputOf, patchOf, type IncidentForm } from "./incident-form.ts";
import { similarTextOf } from "./incident-rules.ts";
import { LinkFields } from "./LinkFields.tsx";
import { PersonalDataFields } from "./PersonalDataFields.tsx";
import { SimilarIncidents } from "./SimilarIncidents.tsx";
import { useLinkOptions } from "./useIncidentOptions.ts";

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
  const { t } = useI18n();
  const { session, can } = useSignedIn();
  const owners = useOwners(can("users.read"));
  const links = useLinkOptions();
  const taxonomy = useTaxonomy();
  const [initial] = useState<IncidentForm>(() => (incident ? formOf(incident) : emptyForm(new Date(), session.user.id)));
  const [form, setForm] = useState<IncidentForm>(initial);
  const set = (patch: Partial<IncidentForm>) => setForm((f) => ({ ...f, ...patch }));
  const customFields = useCustomFields("incident");
  const [custom, setCustom] = useState<CustomDraft>({});
  const customDraft = { ...draftOf(customFields, incident?.custom), ...custom };

  const save = useFormSave({ version: incident?.version, onDone: onClose }, async (version) => {
    const customInput = customInputOf(customFields, customDraft, incident?.custom);
    if (incident && version !== undefined) {
      const patch = patchOf(inputOf(initial), inputOf(form));
      // Nothing changed: close without a save, so the timeline records real changes only.
      if (Object.keys(patch).length === 0 && !customInput) return;
      onSaved(await incidentsApi.update(incident.id, { ...patch, ...(customInput && { custom: customInput }), version }), false);
    } else {
      onSaved(await incidentsApi.create({ ...inputOf(form), ...(customInput && { custom: customInput }) }), true);
    }
  });
  const { errors } = save;

  const current = { systems: incident?.systems ?? [], risks: incident?.risks ?? [], controls: incident?.controls ?? [] };

  return (
    <FormDialog
      title={incident ? t("incidents.dialog.editTitle", { code: incident.code }) : t("incidents.dialog.createTitle")}
      onClose={onClose}
      testId="incident-dialog"
      formId="incident-form"
      formClassName="form incident-form"
      form={save}
      submitLabel={incident ? t("common.save") : t("incidents.dialog.file")}
      submitTestId="incident-save"
    >
      {Object.keys(errors).length > 0 && <Notice kind="error">{t("incidents.dialog.fixFields")}</Notice>}
      <Field label={t("incidents.field.title")} error={errors.title}>
        <input className="input" required maxLength={300} value={form.title} onChange={(e) => set({ title: e.target.value })} data-testid="incident-title" />
      </Field>
      <Field label={t("incidents.field.summary")} hint={t("incidents.field.summaryHint")} error={errors.summary} optional>
        <textarea className="input" rows={4} maxLength={20000} value={form.summary} onChange={(e) => set({ summary: e.target.value })} data-testid="incident-summary" />
      </Field>
      <SimilarIncidents text={similarTextOf(form.title, form.summary)} categories={form.categories} exclude={incident?.id} testId="incident-similar" />
      <div className="form__row">
        <Field label={t("incidents.field.severity")} error={errors.severity}>
          <OptionSelect value={form.severity} options={SEVERITIES} label={(s) => t(`incidents.severity.${s}`)} onChange={(severity) => set({ severity })} testId="incident-severity" />
        </Field>
        <Field label={t("incidents.field.owner")} hint={t("incidents.field.ownerHint")} error={errors.ownerId} optional>
          <PersonSelect
            value={form.ownerId}
            onChange={(ownerId) => set({ ownerId })}
            users={owners}
            offered={[incident?.owner, session.user]}
            emptyLabel={t("incidents.noOwner")}
            testId="incident-owner"
          />
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
        <textarea className="input" rows={3} maxLength={20000} value={form.rootCause} onChange={(e) => set({ rootCause: e.target.value })} data-testid="incident-root-cause" />
      </Field>
      <CustomFieldInputs fields={customFields} draft={customDraft} onChange={setCustom} errors={errors} users={owners} />
    </FormDialog>
  );
}

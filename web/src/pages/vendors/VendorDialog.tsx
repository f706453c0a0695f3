import { useState } from "react";
import { VENDOR_KINDS, VENDOR_STATUSES, vendorsApi, type VendorKind, type VendorStatus, type VendorView } from "../../api/vendors.ts";
import { Field } from "../../components/Field.tsx";
import { FormDialog } from "../../components/FormDialog.tsx";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { PersonSelect } from "../../components/PersonSelect.tsx";
import { errorFor } from "../../hooks/fieldErrors.ts";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useSystemOptions } from "../../hooks/useOptions.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useOwners } from "../controls/useOwners.ts";
import { TokenInput } from "../systems/form/TokenInput.tsx";
import { guardEnter } from "./enter-guard.ts";
import { CustomFieldInputs } from "../../components/custom/CustomFieldInputs.tsx";
import { customInputOf, draftOf, type CustomDraft } from "../../components/custom/custom-values.ts";
import { useCustomFields } from "../../hooks/useCustomFields.ts";
import { SystemMultiSelect } from "./SystemMultiSelect.tsx";
import { changedSystemIds } from "./vendor-form.ts";
import "../systems/systems.css";

interface VendorDialogProps {
  /** The vendor to edit; none to register one. */
  vendor?: VendorView | undefined;
  onClose(): void;
  onSaved(vendor: VendorView, created: boolean): void;
}

/**
 * Register or edit a vendor: what it provides, owner, status, where data goes, contract dates,
 * review cadence and dependent systems. Only the save button saves: Enter in a field never submits
 * the half-filled dialog, and in the country list it adds the country typed.
 */
export function VendorDialog({ vendor, onClose, onSaved }: VendorDialogProps) {
  const { t, lang } = useI18n();
  const regions = new Intl.DisplayNames([lang], { type: "region", fallback: "none" });
  const users = useOwners();
  const systems = useSystemOptions();
  const [code, setCode] = useState(vendor?.code ?? "");
  const [name, setName] = useState(vendor?.name ?? "");
  const [kind, setKind] = useState<VendorKind>(vendor?.kind ?? "saas");
  const [status, setStatus] = useState<VendorStatus>(vendor?.status ?? "under_review");
  const [services, setServices] = useState(vendor?.services ?? "");
  const [website, setWebsite] = useState(vendor?.website ?? "");
  const [ownerId, setOwnerId] = useState(vendor?.owner?.id ?? "");
  const [countries, setCountries] = useState<string[]>(vendor?.dataCountries ?? []);
  const [contractStart, setContractStart] = useState(vendor?.contractStart ?? "");
  const [contractEnd, setContractEnd] = useState(vendor?.contractEnd ?? "");
  const [reviewMonths, setReviewMonths] = useState(String(vendor?.reviewMonths ?? 12));
  const [notes, setNotes] = useState(vendor?.notes ?? "");
  const [systemIds, setSystemIds] = useState<string[]>(vendor?.systems.map((s) => s.id) ?? []);
  const customFields = useCustomFields("vendor");
  const [custom, setCustom] = useState<CustomDraft>({});
  const customDraft = { ...draftOf(customFields, vendor?.custom), ...custom };

  const form = useFormSave({ version: vendor?.version, onDone: onClose, codeField: true }, async (version) => {
    const input = {
      name: name.trim(),
      kind,
      status,
      services: services.trim(),
      website: website.trim() || null,
      ownerId: ownerId || null,
      dataCountries: countries,
      contractStart: contractStart || null,
      contractEnd: contractEnd || null,
      reviewMonths: Number(reviewMonths),
      notes: notes.trim(),
      ...(code.trim() && { code: code.trim() }),
    };
    const customInput = customInputOf(customFields, customDraft, vendor?.custom);
    const changedSystems = vendor ? changedSystemIds(vendor.systems.map((s) => s.id), systemIds) : systemIds;
    const saved =
      vendor && version !== undefined
        ? await vendorsApi.update(vendor.id, { ...input, ...(changedSystems && { systemIds: changedSystems }), ...(customInput && { custom: customInput }), version })
        : await vendorsApi.create({ ...input, systemIds, ...(customInput && { custom: customInput }) });
    onSaved(saved, !vendor);
  });
  const { errors } = form;

  return (
    <FormDialog
      title={vendor ? t("vendors.dialog.editTitle", { name: vendor.name }) : t("vendors.dialog.createTitle")}
      onClose={onClose}
      testId="vendor-dialog"
      formId="vendor-form"
      form={form}
      submitLabel={vendor ? t("common.save") : t("common.create")}
      submitTestId="vendor-submit"
    >
      <div className="enter-guard" onKeyDown={guardEnter}>
        <div className="form__row">
          <Field label={t("vendors.field.name")} error={errors.name}>
            <input className="input" required maxLength={300} value={name} onChange={(e) => setName(e.target.value)} data-testid="vendor-name" />
          </Field>
          <Field label={t("vendors.field.code")} hint={vendor ? undefined : t("vendors.field.codeHint")} error={errors.code} optional={!vendor}>
            <input className="input input--mono" maxLength={40} value={code} onChange={(e) => setCode(e.target.value)} data-testid="vendor-code" />
          </Field>
        </div>
        <div className="form__row">
          <Field label={t("vendors.field.kind")} error={errors.kind}>
            <OptionSelect value={kind} options={VENDOR_KINDS} label={(k) => t(`vendors.kind.${k}`)} onChange={setKind} testId="vendor-kind" />
          </Field>
          <Field label={t("vendors.field.status")} error={errors.status}>
            <OptionSelect value={status} options={VENDOR_STATUSES} label={(s) => t(`vendors.status.${s}`)} onChange={setStatus} testId="vendor-status" />
          </Field>
          <Field label={t("vendors.field.owner")} error={errors.ownerId} optional>
            <PersonSelect value={ownerId} onChange={setOwnerId} users={users} known={vendor?.owner ? [vendor.owner] : []} emptyLabel={t("vendors.noOwner")} testId="vendor-owner" />
          </Field>
        </div>
        <Field label={t("vendors.field.services")} hint={t("vendors.field.servicesHint")} error={errors.services} optional>
          <textarea className="input" rows={2} maxLength={4000} value={services} onChange={(e) => setServices(e.target.value)} data-testid="vendor-services" />
        </Field>
        <div className="form__row">
          <Field label={t("vendors.field.website")} error={errors.website} optional>
            <input className="input" type="url" maxLength={2000} value={website} onChange={(e) => setWebsite(e.target.value)} data-testid="vendor-website" />
          </Field>
          <Field label={t("vendors.field.dataCountries")} hint={t("vendors.field.dataCountriesHint")} error={errorFor(errors, "dataCountries")} optional>
            <TokenInput values={countries} onChange={setCountries} normalize={(s) => s.trim().toUpperCase()} describe={(c) => regions.of(c)} testId="vendor-countries" />
          </Field>
        </div>
        <div className="form__row">
          <Field label={t("vendors.field.contractStart")} error={errors.contractStart} optional>
            <input className="input" type="date" value={contractStart} onChange={(e) => setContractStart(e.target.value)} data-testid="vendor-contract-start" />
          </Field>
          <Field label={t("vendors.field.contractEnd")} error={errors.contractEnd} optional>
            <input className="input" type="date" value={contractEnd} onChange={(e) => setContractEnd(e.target.value)} data-testid="vendor-contract-end" />
          </Field>
          <Field label={t("vendors.field.reviewMonths")} hint={t("vendors.field.reviewMonthsHint")} error={errors.reviewMonths}>
            <input className="input input--narrow" type="number" min={1} max={60} step={1} value={reviewMonths} onChange={(e) => setReviewMonths(e.target.value)} data-testid="vendor-review-months" />
          </Field>
        </div>
        <SystemMultiSelect value={systemIds} onChange={setSystemIds} systems={systems} known={vendor?.systems ?? []} error={errors.systemIds} />
        <Field label={t("vendors.field.notes")} error={errors.notes} optional>
          <textarea className="input" rows={3} maxLength={8000} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </Field>
        <CustomFieldInputs fields={customFields} draft={customDraft} onChange={setCustom} errors={errors} users={users} />
      </div>
    </FormDialog>
  );
}

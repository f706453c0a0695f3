import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/client.ts";
import { VENDOR_KINDS, VENDOR_STATUSES, vendorsApi, type VendorKind, type VendorStatus, type VendorView } from "../../api/vendors.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { fieldErrors } from "../../hooks/fieldErrors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useOwners } from "../controls/useOwners.ts";
import { PersonSelect } from "../tasks/PersonSelect.tsx";
import { parseCountries } from "./rating.ts";
import { SystemMultiSelect } from "./SystemMultiSelect.tsx";
import { useSystemOptions } from "./useSystemOptions.ts";

interface VendorDialogProps {
  /** The vendor to edit; none to register one. */
  vendor?: VendorView | undefined;
  onClose(): void;
  onSaved(vendor: VendorView, created: boolean): void;
}

/** Register or edit a vendor: what it provides, owner, status, where data goes, contract dates, review cadence and dependent systems. */
export function VendorDialog({ vendor, onClose, onSaved }: VendorDialogProps) {
  const { t, errorMessage } = useI18n();
  const users = useOwners();
  const systems = useSystemOptions();
  const [code, setCode] = useState(vendor?.code ?? "");
  const [name, setName] = useState(vendor?.name ?? "");
  const [kind, setKind] = useState<VendorKind>(vendor?.kind ?? "saas");
  const [status, setStatus] = useState<VendorStatus>(vendor?.status ?? "under_review");
  const [services, setServices] = useState(vendor?.services ?? "");
  const [website, setWebsite] = useState(vendor?.website ?? "");
  const [ownerId, setOwnerId] = useState(vendor?.owner?.id ?? "");
  const [countries, setCountries] = useState((vendor?.dataCountries ?? []).join(", "));
  const [contractStart, setContractStart] = useState(vendor?.contractStart ?? "");
  const [contractEnd, setContractEnd] = useState(vendor?.contractEnd ?? "");
  const [reviewMonths, setReviewMonths] = useState(String(vendor?.reviewMonths ?? 12));
  const [notes, setNotes] = useState(vendor?.notes ?? "");
  const [systemIds, setSystemIds] = useState<string[]>(vendor?.systems.map((s) => s.id) ?? []);
  const [version, setVersion] = useState(vendor?.version);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const input = {
      name: name.trim(),
      kind,
      status,
      services: services.trim(),
      website: website.trim() || null,
      ownerId: ownerId || null,
      dataCountries: parseCountries(countries),
      contractStart: contractStart || null,
      contractEnd: contractEnd || null,
      reviewMonths: Number(reviewMonths),
      notes: notes.trim(),
      systemIds,
    };
    try {
      const saved =
        vendor && version !== undefined
          ? await vendorsApi.update(vendor.id, { ...input, ...(code.trim() && { code: code.trim() }), version })
          : await vendorsApi.create({ ...input, ...(code.trim() && { code: code.trim() }) });
      onSaved(saved, !vendor);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === "conflict") setVersion(err.currentRecord<VendorView>()?.version ?? version);
      setError(err);
      setBusy(false);
    }
  };

  const errors = fieldErrors(error);
  if (error instanceof ApiError && error.code === "code_taken") errors.code = errorMessage(error);
  const countriesError = Object.entries(errors).find(([k]) => k === "dataCountries" || k.startsWith("dataCountries."))?.[1];
  const formError = error !== undefined && Object.keys(errors).length === 0 ? errorMessage(error) : undefined;

  return (
    <Dialog
      title={vendor ? t("vendors.dialog.editTitle", { name: vendor.name }) : t("vendors.dialog.createTitle")}
      onClose={onClose}
      testId="vendor-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form="vendor-form" className="button button--primary" disabled={busy} data-testid="vendor-submit">
            {busy ? t("common.saving") : vendor ? t("common.save") : t("common.create")}
          </button>
        </>
      }
    >
      <form id="vendor-form" className="form" onSubmit={submit} noValidate>
        {formError && <Notice kind="error">{formError}</Notice>}
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
            <select className="input" value={kind} onChange={(e) => setKind(e.target.value as VendorKind)} data-testid="vendor-kind">
              {VENDOR_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`vendors.kind.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("vendors.field.status")} error={errors.status}>
            <select className="input" value={status} onChange={(e) => setStatus(e.target.value as VendorStatus)} data-testid="vendor-status">
              {VENDOR_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`vendors.status.${s}`)}
                </option>
              ))}
            </select>
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
          <Field label={t("vendors.field.dataCountries")} hint={t("vendors.field.dataCountriesHint")} error={countriesError} optional>
            <input className="input input--mono" value={countries} onChange={(e) => setCountries(e.target.value)} data-testid="vendor-countries" />
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
      </form>
    </Dialog>
  );
}

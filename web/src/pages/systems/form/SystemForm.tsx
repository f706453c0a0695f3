import type { FormEvent, ReactNode } from "react";
import type { FieldView } from "../../../api/fields.ts";
import { LIFECYCLES, type Lifecycle } from "../../../api/systems.ts";
import type { VendorLink } from "../../../api/vendors.ts";
import type { DepartmentView, UserView } from "../../../api/types.ts";
import { Field } from "../../../components/Field.tsx";
import { CustomFieldInputs } from "../../../components/custom/CustomFieldInputs.tsx";
import type { CustomDraft } from "../../../components/custom/custom-values.ts";
import { departmentName } from "../../../hooks/useDepartments.ts";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import { EntrySections } from "./EntrySections.tsx";
import type { SystemDraft } from "./form-model.ts";
import { TokenInput } from "./TokenInput.tsx";
import { VendorPicker } from "./VendorPicker.tsx";

interface SystemFormProps {
  mode: "create" | "edit";
  draft: SystemDraft;
  users: UserView[];
  departments: DepartmentView[];
  onChange(draft: SystemDraft): void;
  /** Server messages by field path without `body.` (`nameJa`, `models.0.name`). */
  errors: Record<string, string>;
  /** Names the selects may not list (an owner beyond the first 200 users, a department): id → name. */
  knownNames?: Record<string, string>;
  /** Register vendors the system is linked to in the versions in play (the register list may not hold them all). */
  knownVendors?: readonly VendorLink[];
  /** The organisation's own fields on systems (current ones, in form order) and the draft of their values. */
  customFields: readonly FieldView[];
  custom: CustomDraft;
  onCustomChange(next: CustomDraft): void;
  busy: boolean;
  /** Saving is not possible for now (a conflict waits to be resolved). */
  locked?: boolean;
  /** Shown above the fields: a form-level error or the conflict view. */
  banner?: ReactNode;
  onSubmit(): void;
  onCancel(): void;
}

/** The system's stated fields: names, purpose, owners, department, lifecycle, review dates, lists and tables, then the organisation's own. */
export function SystemForm({ mode, draft, users, departments, onChange, errors, knownNames = {}, knownVendors = [], customFields, custom, onCustomChange, busy, locked = false, banner, onSubmit, onCancel }: SystemFormProps) {
  const { t, lang } = useI18n();
  const set = <K extends keyof SystemDraft>(key: K, value: SystemDraft[K]) => onChange({ ...draft, [key]: value });
  const regions = new Intl.DisplayNames([lang], { type: "region", fallback: "none" });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const ownerSelect = (key: "businessOwnerId" | "technicalOwnerId") => (
    <select className="input" value={draft[key]} onChange={(e) => set(key, e.target.value)} data-testid={`field-${key}`}>
      <option value="">{t("systems.form.noOwner")}</option>
      {draft[key] && !users.some((u) => u.id === draft[key]) && <option value={draft[key]}>{knownNames[draft[key]] ?? draft[key]}</option>}
      {users.map((u) => (
        <option key={u.id} value={u.id}>
          {t("systems.form.userOption", { name: u.displayName, email: u.email })}
        </option>
      ))}
    </select>
  );

  return (
    <form className="form system-form" onSubmit={submit} noValidate data-testid="system-form">
      {banner}
      <section className="card form-section">
        <h2 className="card__title">{t("systems.form.basics")}</h2>
        <div className="form__row">
          <Field label={t("systems.field.nameJa")} error={errors.nameJa}>
            <input className="input" lang="ja" value={draft.nameJa} onChange={(e) => set("nameJa", e.target.value)} data-testid="field-nameJa" />
          </Field>
          <Field label={t("systems.field.nameEn")} error={errors.nameEn}>
            <input className="input" lang="en" value={draft.nameEn} onChange={(e) => set("nameEn", e.target.value)} data-testid="field-nameEn" />
          </Field>
        </div>
        <div className="form__row">
          <Field label={t("systems.field.code")} hint={mode === "create" ? t("systems.form.codeHint") : undefined} error={errors.code} optional={mode === "create"}>
            <input className="input input--mono" value={draft.code} onChange={(e) => set("code", e.target.value)} data-testid="field-code" />
          </Field>
          <Field label={t("systems.field.lifecycle")} error={errors.lifecycle}>
            <select className="input" value={draft.lifecycle} onChange={(e) => set("lifecycle", e.target.value as Lifecycle)} data-testid="field-lifecycle">
              {LIFECYCLES.map((l) => (
                <option key={l} value={l}>
                  {t(`systems.lifecycle.${l}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field label={t("systems.field.purpose")} error={errors.purpose} optional>
          <textarea className="input" rows={3} value={draft.purpose} onChange={(e) => set("purpose", e.target.value)} data-testid="field-purpose" />
        </Field>
      </section>
      <section className="card form-section">
        <h2 className="card__title">{t("systems.form.ownership")}</h2>
        <div className="form__row">
          <Field label={t("systems.field.businessOwnerId")} error={errors.businessOwnerId} optional>
            {ownerSelect("businessOwnerId")}
          </Field>
          <Field label={t("systems.field.technicalOwnerId")} error={errors.technicalOwnerId} optional>
            {ownerSelect("technicalOwnerId")}
          </Field>
          <Field label={t("systems.field.departmentId")} error={errors.departmentId} optional>
            <select className="input" value={draft.departmentId} onChange={(e) => set("departmentId", e.target.value)} data-testid="field-departmentId">
              <option value="">{t("systems.form.noDepartment")}</option>
              {draft.departmentId && !departments.some((d) => d.id === draft.departmentId) && <option value={draft.departmentId}>{knownNames[draft.departmentId] ?? draft.departmentId}</option>}
              {departments.map((d) => (
                <option key={d.id} value={d.id}>{`${d.code} — ${departmentName(d, lang)}`}</option>
              ))}
            </select>
          </Field>
        </div>
        <div className="form__row">
          <Field label={t("systems.field.lastReviewedAt")} error={errors.lastReviewedAt} optional>
            <input type="date" className="input" value={draft.lastReviewedAt} onChange={(e) => set("lastReviewedAt", e.target.value)} />
          </Field>
          <Field label={t("systems.field.nextReviewAt")} error={errors.nextReviewAt} optional>
            <input type="date" className="input" value={draft.nextReviewAt} onChange={(e) => set("nextReviewAt", e.target.value)} data-testid="field-nextReviewAt" />
          </Field>
        </div>
      </section>
      <section className="card form-section">
        <h2 className="card__title">{t("systems.form.context")}</h2>
        <Field label={t("systems.field.tags")} hint={t("systems.form.listHint")} error={errors.tags} optional>
          <TokenInput values={draft.tags} onChange={(v) => set("tags", v)} testId="field-tags" />
        </Field>
        <Field label={t("systems.field.countries")} hint={t("systems.form.countriesHint")} error={errors.countries ?? firstNested(errors, "countries")} optional>
          <TokenInput
            values={draft.countries}
            onChange={(v) => set("countries", v)}
            normalize={(s) => s.trim().toUpperCase()}
            describe={(code) => (code === "EU" ? t("systems.form.eu") : regions.of(code))}
            testId="field-countries"
          />
        </Field>
        <VendorPicker
          vendorIds={draft.vendorIds}
          names={draft.vendors}
          known={knownVendors}
          onChange={(next) => onChange({ ...draft, ...next })}
          error={errors.vendorIds ?? firstNested(errors, "vendorIds") ?? errors.vendors ?? firstNested(errors, "vendors")}
        />
      </section>
      <EntrySections draft={draft} onChange={onChange} errors={errors} />
      {customFields.length > 0 && (
        <section className="card form-section system-form__custom">
          <CustomFieldInputs fields={customFields} draft={custom} onChange={onCustomChange} errors={errors} users={users} />
        </section>
      )}
      <div className="form__actions form__actions--sticky">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t("common.cancel")}
        </button>
        <button type="submit" className="button button--primary" disabled={busy || locked} data-testid="system-save">
          {busy ? t("common.saving") : t(mode === "create" ? "systems.form.create" : "common.save")}
        </button>
      </div>
    </form>
  );
}

/** The first message about an item of a list field (`countries.1` → its message). */
function firstNested(errors: Record<string, string>, field: string): string | undefined {
  const key = Object.keys(errors).find((k) => k.startsWith(`${field}.`));
  return key ? errors[key] : undefined;
}

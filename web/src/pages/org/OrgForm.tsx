import { useMemo, useState, type FormEvent } from "react";
import { ApiError } from "../../api/client.ts";
import { orgApi } from "../../api/endpoints.ts";
import { LOCALES, type Locale, type OrgSettings, type OrgView, type SegregationOfDuties, type UpdateOrgInput } from "../../api/types.ts";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { fieldErrors } from "../../hooks/fieldErrors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSession } from "../../session/SessionProvider.tsx";

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const SOD_RULES = ["assessmentSignOff", "riskAcceptance"] as const;

/** Only the fields that differ from what was loaded, against the loaded version. */
function changes(org: OrgView, form: Pick<OrgView, "nameJa" | "nameEn"> & OrgSettings): UpdateOrgInput {
  const input: UpdateOrgInput = { version: org.version };
  if (form.nameJa.trim() !== org.nameJa) input.nameJa = form.nameJa.trim();
  if (form.nameEn.trim() !== org.nameEn) input.nameEn = form.nameEn.trim();
  const settings: NonNullable<UpdateOrgInput["settings"]> = {};
  for (const key of ["defaultLocale", "fiscalYearStartMonth", "timezone"] as const) {
    if (form[key] !== org.settings[key]) Object.assign(settings, { [key]: form[key] });
  }
  const sod: Partial<SegregationOfDuties> = {};
  for (const key of SOD_RULES) if (form.segregationOfDuties[key] !== org.settings.segregationOfDuties[key]) sod[key] = form.segregationOfDuties[key];
  if (Object.keys(sod).length > 0) settings.segregationOfDuties = sod;
  if (Object.keys(settings).length > 0) input.settings = settings;
  return input;
}

interface OrgFormProps {
  org: OrgView;
  canEdit: boolean;
  /** The saved (or, after a 409, the current) organisation; the page re-mounts the form with it. */
  onSaved(org: OrgView, notice: NoticeMessage): void;
  onNotice(notice: NoticeMessage | undefined): void;
}

/**
 * The organisation's names and settings, including segregation of duties (who may not sign off or
 * accept their own work); saves only what changed, against the loaded version, so the ledger's
 * `org.updated` entry shows exactly what was switched.
 */
export function OrgForm({ org, canEdit, onSaved, onNotice }: OrgFormProps) {
  const i18n = useI18n();
  const { t, month, dateTime } = i18n;
  const { refresh } = useSession();
  const [form, setForm] = useState({ nameJa: org.nameJa, nameEn: org.nameEn, ...org.settings });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const timezones = useMemo(() => (typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []), []);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = changes(org, form);
    if (Object.keys(input).length === 1) {
      onNotice({ kind: "info", text: (i) => i.t("org.unchanged") });
      return;
    }
    setBusy(true);
    setError(undefined);
    onNotice(undefined);
    try {
      const saved = await orgApi.update(input);
      onSaved(saved, { kind: "success", text: (i) => i.t("org.saved") });
      void refresh().catch(() => undefined); // the header shows the organisation's name
    } catch (err) {
      const current = err instanceof ApiError && err.code === "conflict" ? err.currentRecord<OrgView>() : undefined;
      setBusy(false);
      if (current) {
        onSaved(current, { kind: "warning", text: (i) => i.t("org.conflict", { message: i.t("error.conflict") }) });
      } else {
        setError(err);
      }
    }
  };

  const errors = fieldErrors(error);
  const formError = error !== undefined && Object.keys(errors).length === 0 ? i18n.errorMessage(error) : undefined;
  const disabled = !canEdit || busy;

  return (
    <form className="card form form--page" onSubmit={submit} noValidate data-testid="org-form">
      {!canEdit && <Notice kind="info">{t("org.readOnly")}</Notice>}
      {formError && <Notice kind="error">{formError}</Notice>}
      <Field label={t("org.field.slug")}>
        <input className="input input--mono" value={org.slug} readOnly disabled />
      </Field>
      <div className="form__row">
        <Field label={t("org.field.nameJa")} error={errors.nameJa}>
          <input className="input" lang="ja" value={form.nameJa} disabled={disabled} onChange={(e) => set({ nameJa: e.target.value })} />
        </Field>
        <Field label={t("org.field.nameEn")} error={errors.nameEn}>
          <input className="input" lang="en" value={form.nameEn} disabled={disabled} onChange={(e) => set({ nameEn: e.target.value })} />
        </Field>
      </div>
      <div className="form__row">
        <Field label={t("org.field.defaultLocale")} error={errors["settings.defaultLocale"]}>
          <select className="input" value={form.defaultLocale} disabled={disabled} onChange={(e) => set({ defaultLocale: e.target.value as Locale })}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("org.field.fiscalYearStartMonth")} hint={t("org.field.fiscalHint")} error={errors["settings.fiscalYearStartMonth"]}>
          <select className="input" value={form.fiscalYearStartMonth} disabled={disabled} onChange={(e) => set({ fiscalYearStartMonth: Number(e.target.value) })}>
            {MONTHS.map((m) => (
              <option key={m} value={m}>
                {month(m)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t("org.field.timezone")} hint={t("org.field.timezoneHint")} error={errors["settings.timezone"]}>
        <input className="input" list="org-timezones" value={form.timezone} disabled={disabled} onChange={(e) => set({ timezone: e.target.value })} />
      </Field>
      <datalist id="org-timezones">
        {timezones.map((tz) => (
          <option key={tz} value={tz} />
        ))}
      </datalist>
      <fieldset className="fieldset-box" data-testid="org-sod">
        <legend>{t("org.sod.title")}</legend>
        <p className="muted">{t("org.sod.lead")}</p>
        {SOD_RULES.map((rule) => (
          <div key={rule}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={form.segregationOfDuties[rule]}
                disabled={disabled}
                onChange={(e) => set({ segregationOfDuties: { ...form.segregationOfDuties, [rule]: e.target.checked } })}
                aria-describedby={`org-sod-${rule}-hint`}
                data-testid={`org-sod-${rule}`}
              />
              {t(`org.sod.${rule}`)}
            </label>
            <p id={`org-sod-${rule}-hint`} className="muted">
              {t(`org.sod.${rule}Hint`)}
            </p>
          </div>
        ))}
      </fieldset>
      <div className="form__actions">
        <span className="form__meta">{t("org.lastUpdated", { date: dateTime(org.updatedAt) })}</span>
        {canEdit && (
          <button type="submit" className="button button--primary" disabled={busy} data-testid="org-save">
            {busy ? t("common.saving") : t("common.save")}
          </button>
        )}
      </div>
    </form>
  );
}

import { useId, useState } from "react";
import type { VendorLink } from "../../../api/vendors.ts";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import { addableVendors, linkName, registerEntryFor } from "./vendor-field.ts";
import { useVendorOptions } from "./useVendorOptions.ts";
import "./vendor-picker.css";

interface VendorPickerProps {
  /** The register vendors linked, by id. */
  vendorIds: string[];
  /** Vendor names recorded as text, not linked. */
  names: string[];
  /** Linked vendors the register list may not hold (from the system as loaded). */
  known: readonly VendorLink[];
  onChange(next: { vendorIds: string[]; vendors: string[] }): void;
  /** The server's message about the links or the names, if any. */
  error?: string | undefined;
}

/**
 * The system's vendors, picked from the organisation's vendor register (a select, typeahead by
 * name, then "Add": a select that added on change would add a vendor per arrow key; empty allowed). Names recorded as text before (or by an import) stay readable below, each
 * removable and, when it names exactly one register vendor, linkable to it in one click.
 */
export function VendorPicker({ vendorIds, names, known, onChange, error }: VendorPickerProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const [pending, setPending] = useState("");
  const { vendors: register, loaded } = useVendorOptions();
  const byId = new Map([...known, ...register].map((v) => [v.id, v]));
  const addable = addableVendors(register, vendorIds, lang);
  const label = t("systems.field.vendors");
  const nameOf = (vendorId: string) => byId.get(vendorId)?.name ?? t("vendors.noDate");

  return (
    <div className={error ? "field field--invalid" : "field"} data-testid="field-vendorIds">
      <label className="field__label" htmlFor={id}>
        {label}
        <span className="field__optional">{t("common.optional")}</span>
      </label>
      <div className="token-input vendor-picker">
        {vendorIds.map((v) => (
          <span key={v} className="token" data-testid="vendor-link-chip">
            {nameOf(v)}
            <button type="button" className="token__remove" aria-label={t("vendors.systemField.remove", { name: nameOf(v) })} onClick={() => onChange({ vendorIds: vendorIds.filter((x) => x !== v), vendors: names })}>
              ×
            </button>
          </span>
        ))}
        <select
          id={id}
          className="vendor-picker__add"
          value={addable.some((v) => v.id === pending) ? pending : ""}
          aria-describedby={`${id}-hint`}
          disabled={addable.length === 0}
          onChange={(e) => setPending(e.target.value)}
          data-testid="vendor-picker-select"
        >
          <option value="">{loaded && register.length === 0 ? t("vendors.systemField.emptyRegister") : t("vendors.systemField.choose")}</option>
          {addable.map((v) => (
            <option key={v.id} value={v.id}>
              {t("vendors.systemField.option", { name: v.name, code: v.code })}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--small"
          disabled={!addable.some((v) => v.id === pending)}
          onClick={() => {
            onChange({ vendorIds: [...vendorIds, pending], vendors: names });
            setPending("");
          }}
          data-testid="vendor-picker-add"
        >
          {t("vendors.systemField.addButton")}
        </button>
      </div>
      <p className="field__hint" id={`${id}-hint`}>
        {t("vendors.systemField.hint")}
      </p>
      {error && <p className="field__error">{t("field.error", { label, message: error })}</p>}
      {names.length > 0 && (
        <div className="vendor-picker__unlinked" data-testid="vendor-unlinked">
          <p className="field__hint">
            <strong>{t("vendors.systemField.unlinked")}</strong> {t("vendors.systemField.unlinkedHint")}
          </p>
          <ul className="vendor-picker__names">
            {names.map((n) => {
              const match = registerEntryFor(n, register);
              return (
                <li key={n} className="token token--unlinked">
                  {n}
                  {match && !vendorIds.includes(match.id) && (
                    <button type="button" className="button button--small vendor-picker__link" title={t("vendors.systemField.linkTitle", { name: match.name })} onClick={() => onChange(linkName({ vendorIds, vendors: names }, n, match.id))} data-testid="vendor-name-link">
                      {t("vendors.systemField.link")}
                    </button>
                  )}
                  <button type="button" className="token__remove" aria-label={t("systems.form.removeValue", { value: n })} onClick={() => onChange({ vendorIds, vendors: names.filter((x) => x !== n) })}>
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}

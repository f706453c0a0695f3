import { useState } from "react";
import { FIELD_ENTITIES, FIELD_TYPES, fieldsApi, isChoice, type FieldEntity, type FieldOption, type FieldType, type FieldView } from "../../api/fields.ts";
import { Field } from "../../components/Field.tsx";
import { FormDialog } from "../../components/FormDialog.tsx";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { errorFor } from "../../hooks/fieldErrors.ts";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { keyFromLabel, optionsToSave } from "./field-form.ts";

interface FieldDialogProps {
  /** The field to edit; none to define a new one. */
  field?: FieldView | undefined;
  /** For a new field: what it starts as (the import wizard proposes a column's header as its label). */
  initial?: Partial<Pick<FieldView, "entity" | "labelJa" | "labelEn" | "type">>;
  onClose(): void;
  onSaved(field: FieldView, created: boolean): void;
}

const BLANK: FieldOption = { value: "", labelJa: "", labelEn: "" };

/**
 * Define a field (kind of record, key, labels, type, options, help) or change one: labels, help,
 * options and whether the list shows it. The key and type stay as created, since stored values
 * depend on them.
 */
export function FieldDialog({ field, initial, onClose, onSaved }: FieldDialogProps) {
  const { t } = useI18n();
  const [entity, setEntity] = useState<FieldEntity>(field?.entity ?? initial?.entity ?? "system");
  const [labelJa, setLabelJa] = useState(field?.labelJa ?? initial?.labelJa ?? "");
  const [labelEn, setLabelEn] = useState(field?.labelEn ?? initial?.labelEn ?? "");
  const [key, setKey] = useState(field?.key ?? keyFromLabel(initial?.labelEn ?? ""));
  const [keyEdited, setKeyEdited] = useState(false);
  const [type, setType] = useState<FieldType>(field?.type ?? initial?.type ?? "text");
  const [options, setOptions] = useState<FieldOption[]>(field?.options.length ? field.options : [BLANK]);
  const [helpJa, setHelpJa] = useState(field?.helpJa ?? "");
  const [helpEn, setHelpEn] = useState(field?.helpEn ?? "");
  const [inList, setInList] = useState(field?.inList ?? false);

  const form = useFormSave({ version: field?.version, onDone: onClose, codeField: true }, async (version) => {
    const chosen = isChoice(type) ? optionsToSave(options) : [];
    const common = { labelJa: labelJa.trim(), labelEn: labelEn.trim(), helpJa: helpJa.trim(), helpEn: helpEn.trim(), inList };
    const saved =
      field && version !== undefined
        ? await fieldsApi.update(field.id, { ...common, ...(isChoice(field.type) && { options: chosen }), version })
        : await fieldsApi.create({ ...common, entity, key: key.trim(), type, options: chosen });
    onSaved(saved, !field);
  });
  const { errors } = form;
  if (errors.code) errors.key = t("fields.keyTaken");

  const setOption = (i: number, patch: Partial<FieldOption>) => setOptions((xs) => xs.map((o, j) => (j === i ? { ...o, ...patch } : o)));

  return (
    <FormDialog
      title={field ? t("fields.dialog.editTitle", { label: field.labelJa || field.labelEn }) : t("fields.dialog.createTitle")}
      onClose={onClose}
      testId="field-dialog"
      formId="field-form"
      form={form}
      submitLabel={field ? t("common.save") : t("common.create")}
      submitTestId="field-submit"
    >
      <div className="form__row">
        <Field label={t("fields.field.entity")} error={errors.entity}>
          {field ? (
            <input className="input" readOnly value={t(`fields.entity.${field.entity}`)} />
          ) : (
            <OptionSelect value={entity} options={FIELD_ENTITIES} label={(e) => t(`fields.entity.${e}`)} onChange={setEntity} testId="field-entity" />
          )}
        </Field>
        <Field label={t("fields.field.type")} hint={field ? t("fields.field.typeFixed") : undefined} error={errors.type}>
          {field ? (
            <input className="input" readOnly value={t(`fields.type.${field.type}`)} />
          ) : (
            <OptionSelect value={type} options={FIELD_TYPES} label={(x) => t(`fields.type.${x}`)} onChange={setType} testId="field-type" />
          )}
        </Field>
      </div>
      <div className="form__row">
        <Field label={t("fields.field.labelJa")} error={errors.labelJa}>
          <input className="input" lang="ja" required maxLength={200} value={labelJa} onChange={(e) => setLabelJa(e.target.value)} data-testid="field-label-ja" />
        </Field>
        <Field label={t("fields.field.labelEn")} error={errors.labelEn}>
          <input
            className="input"
            lang="en"
            required
            maxLength={200}
            value={labelEn}
            onChange={(e) => {
              setLabelEn(e.target.value);
              if (!field && !keyEdited) setKey(keyFromLabel(e.target.value));
            }}
            data-testid="field-label-en"
          />
        </Field>
      </div>
      <Field label={t("fields.field.key")} hint={field ? undefined : t("fields.field.keyHint")} error={errors.key}>
        <input
          className="input input--mono"
          readOnly={!!field}
          maxLength={40}
          value={key}
          onChange={(e) => {
            setKey(e.target.value);
            setKeyEdited(true);
          }}
          data-testid="field-key"
        />
      </Field>
      {isChoice(field?.type ?? type) && (
        <fieldset className="custom-fields__options" data-testid="field-options">
          <legend className="field__label">{t("fields.options.legend")}</legend>
          <p className="field__hint">{t("fields.options.hint")}</p>
          {options.map((o, i) => (
            <div className="form__row" key={i}>
              <Field label={t("fields.options.value")} error={i === 0 ? errorFor(errors, "options") : undefined}>
                <input className="input input--mono" maxLength={200} value={o.value} onChange={(e) => setOption(i, { value: e.target.value })} />
              </Field>
              <Field label={t("fields.options.labelJa")}>
                <input className="input" lang="ja" maxLength={200} value={o.labelJa} onChange={(e) => setOption(i, { labelJa: e.target.value })} />
              </Field>
              <Field label={t("fields.options.labelEn")}>
                <input className="input" lang="en" maxLength={200} value={o.labelEn} onChange={(e) => setOption(i, { labelEn: e.target.value })} />
              </Field>
              <button type="button" className="button button--small" aria-label={t("fields.options.remove", { n: i + 1 })} onClick={() => setOptions((xs) => (xs.length > 1 ? xs.filter((_, j) => j !== i) : [BLANK]))}>
                ×
              </button>
            </div>
          ))}
          <button type="button" className="button button--small" onClick={() => setOptions((xs) => [...xs, BLANK])} data-testid="field-add-option">
            {t("fields.options.add")}
          </button>
        </fieldset>
      )}
      <div className="form__row">
        <Field label={t("fields.field.helpJa")} error={errors.helpJa} optional>
          <input className="input" lang="ja" maxLength={1000} value={helpJa} onChange={(e) => setHelpJa(e.target.value)} />
        </Field>
        <Field label={t("fields.field.helpEn")} error={errors.helpEn} optional>
          <input className="input" lang="en" maxLength={1000} value={helpEn} onChange={(e) => setHelpEn(e.target.value)} />
        </Field>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={inList} onChange={(e) => setInList(e.target.checked)} data-testid="field-in-list" />
        {t("fields.field.inList")}
      </label>
    </FormDialog>
  );
}

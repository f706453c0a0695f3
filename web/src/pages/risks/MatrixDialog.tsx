import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { riskMatrixApi, type RiskMatrix, type RiskMatrixView } from "../../api/risks.ts";
import { FormDialog } from "../../components/FormDialog.tsx";
import { Notice } from "../../components/Notice.tsx";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { LevelName } from "./HeatMap.tsx";
import { copyMatrix, MAX_LEVELS, MIN_LEVELS, resizeAxis, setBand, setCell, setLevelLabel } from "./matrix-edit.ts";
import { bandStyle } from "./RatingBadge.tsx";
import { localName } from "./risk-matrix.ts";

interface MatrixDialogProps {
  current: RiskMatrixView;
  onClose(): void;
  onSaved(view: RiskMatrixView): void;
}

/**
 * The organisation's risk matrix settings: level names in both languages, band names and colours,
 * which band each cell falls in, and the number of levels (2–10). The server refuses to drop a
 * level risks are still rated on (`matrix_in_use`).
 */
export function MatrixDialog({ current, onClose, onSaved }: MatrixDialogProps) {
  const { t, errorMessage } = useI18n();
  const [draft, setDraft] = useState<RiskMatrix>(() => copyMatrix(current.matrix));

  const form = useFormSave({ version: current.version, onDone: onClose }, async (version) => {
    onSaved(await riskMatrixApi.update(version, draft));
  });
  const { error } = form;

  const issues = error instanceof ApiError ? error.fieldIssues : [];
  return (
    <FormDialog
      title={t("risks.matrix.title")}
      onClose={onClose}
      testId="risk-matrix-dialog"
      formId="risk-matrix-form"
      formClassName="form matrix-form"
      form={{ ...form, formError: undefined }}
      submitLabel={t("common.save")}
      submitTestId="risk-matrix-save"
    >
      {error !== undefined && (
        <Notice kind="error" testId="risk-matrix-error">
          {errorMessage(error)}
          {issues.length > 0 && (
            <ul className="plain-list">
              {issues.map((issue) => (
                <li key={issue.field}>
                  <code>{issue.field.replace(/^body\./, "")}</code> {issue.message}
                </li>
              ))}
            </ul>
          )}
        </Notice>
      )}
      <p className="field__hint">{current.isDefault ? t("risks.matrix.isDefault") : t("risks.matrix.lead")}</p>
      <LevelEditor axis="likelihood" matrix={draft} onChange={setDraft} />
      <LevelEditor axis="impact" matrix={draft} onChange={setDraft} />
      <BandEditor matrix={draft} onChange={setDraft} />
      <CellEditor matrix={draft} onChange={setDraft} />
    </FormDialog>
  );
}

function LevelEditor({ axis, matrix, onChange }: { axis: "likelihood" | "impact"; matrix: RiskMatrix; onChange(m: RiskMatrix): void }) {
  const { t } = useI18n();
  const levels = matrix[axis];
  const name = t(axis === "likelihood" ? "risks.field.likelihood" : "risks.field.impact");
  return (
    <fieldset className="check-list matrix-form__levels" data-testid={`risk-matrix-${axis}`}>
      <legend className="field__label">{t("risks.matrix.levels", { axis: name })}</legend>
      <table className="matrix-form__table">
        <thead>
          <tr>
            <th scope="col">{t("risks.matrix.level")}</th>
            <th scope="col">{t("risks.matrix.nameJa")}</th>
            <th scope="col">{t("risks.matrix.nameEn")}</th>
          </tr>
        </thead>
        <tbody>
          {levels.map((label, index) => (
            <tr key={index}>
              <th scope="row">{index + 1}</th>
              <td>
                <input className="input input--compact" lang="ja" maxLength={60} value={label.ja} aria-label={t("risks.matrix.levelNameJa", { axis: name, level: index + 1 })} onChange={(e) => onChange(setLevelLabel(matrix, axis, index + 1, "ja", e.target.value))} />
              </td>
              <td>
                <input className="input input--compact" lang="en" maxLength={60} value={label.en} aria-label={t("risks.matrix.levelNameEn", { axis: name, level: index + 1 })} onChange={(e) => onChange(setLevelLabel(matrix, axis, index + 1, "en", e.target.value))} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="matrix-form__resize">
        <button type="button" className="button button--small" disabled={levels.length >= MAX_LEVELS} onClick={() => onChange(resizeAxis(matrix, axis, true))}>
          {t("risks.matrix.addLevel")}
        </button>
        <button type="button" className="button button--small" disabled={levels.length <= MIN_LEVELS} onClick={() => onChange(resizeAxis(matrix, axis, false))}>
          {t("risks.matrix.removeLevel")}
        </button>
      </div>
    </fieldset>
  );
}

function BandEditor({ matrix, onChange }: { matrix: RiskMatrix; onChange(m: RiskMatrix): void }) {
  const { t } = useI18n();
  return (
    <fieldset className="check-list" data-testid="risk-matrix-bands">
      <legend className="field__label">{t("risks.matrix.bands")}</legend>
      <p className="field__hint">{t("risks.matrix.bandsHint")}</p>
      <table className="matrix-form__table">
        <thead>
          <tr>
            <th scope="col">{t("risks.matrix.colour")}</th>
            <th scope="col">{t("risks.matrix.nameJa")}</th>
            <th scope="col">{t("risks.matrix.nameEn")}</th>
          </tr>
        </thead>
        <tbody>
          {matrix.bands.map((band, index) => (
            <tr key={band.id}>
              <td>
                <input type="color" className="matrix-form__colour" value={band.color} aria-label={t("risks.matrix.bandColour", { band: band.en })} onChange={(e) => onChange(setBand(matrix, index, { color: e.target.value }))} />
              </td>
              <td>
                <input className="input input--compact" lang="ja" maxLength={40} value={band.ja} aria-label={t("risks.matrix.bandNameJa", { band: band.id })} onChange={(e) => onChange(setBand(matrix, index, { ja: e.target.value }))} />
              </td>
              <td>
                <input className="input input--compact" lang="en" maxLength={40} value={band.en} aria-label={t("risks.matrix.bandNameEn", { band: band.id })} onChange={(e) => onChange(setBand(matrix, index, { en: e.target.value }))} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}

function CellEditor({ matrix, onChange }: { matrix: RiskMatrix; onChange(m: RiskMatrix): void }) {
  const { t, lang } = useI18n();
  const rows = matrix.likelihood.map((_, l) => l + 1).reverse();
  return (
    <fieldset className="check-list" data-testid="risk-matrix-cells">
      <legend className="field__label">{t("risks.matrix.cells")}</legend>
      <div className="heatmap-scroll">
        <table className="matrix-form__cells">
          <thead>
            <tr>
              <td />
              {matrix.impact.map((label, i) => (
                <th key={i} scope="col">
                  <LevelName level={i + 1} label={label} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((l) => (
              <tr key={l}>
                <th scope="row">
                  <LevelName level={l} label={matrix.likelihood[l - 1]!} />
                </th>
                {matrix.impact.map((_, index) => {
                  const i = index + 1;
                  const value = matrix.cells[l - 1]?.[index] ?? 0;
                  const band = matrix.bands[value];
                  return (
                    <td key={i}>
                      <select
                        className="input input--compact matrix-form__cell"
                        style={band ? bandStyle(band.color) : undefined}
                        value={value}
                        aria-label={t("risks.matrix.cellLabel", { likelihood: l, impact: i })}
                        onChange={(e) => onChange(setCell(matrix, l, i, Number(e.target.value)))}
                      >
                        {matrix.bands.map((b, bi) => (
                          <option key={b.id} value={bi}>
                            {localName(b, lang)}
                          </option>
                        ))}
                      </select>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}

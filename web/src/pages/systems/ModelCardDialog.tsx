import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { modelCardsApi, type CardChange, type ModelCardOptions, type ModelCardPreview } from "../../api/model-cards.ts";
import { systemsApi, type SystemView } from "../../api/systems.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { ImportWarnings } from "./CycloneDxDialog.tsx";
import { cardProblem, changeLines, HF_CARD_FILE, changesSomething, needsName, type FieldSummary } from "./model-card.ts";
import { useUploadAuth } from "./useUploadAuth.ts";

interface ModelCardDialogProps {
  system: SystemView;
  onClose(): void;
  onImported(system: SystemView): void;
}

type Kind = "" | "model" | "dataset";

/**
 * モデルカードを取り込む: pick a Hugging Face README.md, eval results YAML or Model Card Toolkit
 * JSON, see what the server would add or change (with the values it replaces and its warnings),
 * then apply it against the version the preview was made for.
 */
export function ModelCardDialog({ system, onClose, onImported }: ModelCardDialogProps) {
  const { t, number, lang, errorMessage } = useI18n();
  const auth = useUploadAuth();
  const [file, setFile] = useState<File>();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<Kind>("");
  // The preview with the name and kind it was made with: what is applied is what was shown.
  const [preview, setPreview] = useState<ModelCardPreview & { options: ModelCardOptions }>();
  const [error, setError] = useState<unknown>();
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);

  const options = (): ModelCardOptions => ({ ...(name.trim() && { name: name.trim() }), ...(kind && { kind }) });
  const read = async (chosen: File | undefined) => {
    setPreview(undefined);
    setError(undefined);
    if (!chosen) return;
    setBusy(true);
    try {
      const asked = options();
      setPreview({ ...(await modelCardsApi.read(system.id, chosen, auth, asked)), options: asked });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const apply = async () => {
    if (!file || !preview) return;
    setBusy(true);
    setError(undefined);
    setStale(false);
    try {
      await modelCardsApi.read(system.id, file, auth, { ...preview.options, apply: true, version: preview.system.version });
      onImported(await systemsApi.get(system.id));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setStale(true);
        await read(file);
        return;
      }
      setError(err);
      setBusy(false);
    }
  };

  const problem = error !== undefined ? (cardProblem(error, lang) ?? errorMessage(error)) : undefined;
  const summary = (s: FieldSummary | undefined) =>
    s === undefined ? t("modelCard.none") : "text" in s ? s.text : "evaluations" in s ? t("modelCard.evaluationCount", { count: number(s.evaluations) }) : t("modelCard.grams", { grams: number(s.grams) });
  return (
    <Dialog
      title={t("modelCard.title")}
      onClose={onClose}
      testId="model-card-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="button" className="button button--primary" disabled={!changesSomething(preview) || busy} onClick={() => void apply()} data-testid="model-card-apply">
            {busy ? t("common.working") : t("modelCard.apply")}
          </button>
        </>
      }
    >
      <div className="form">
        <p className="dialog-message">{t("modelCard.intro")}</p>
        <ul className="dialog-message">
          <li>
            {t("modelCard.kinds.hf")} <code>{HF_CARD_FILE}</code>
          </li>
          <li>{t("modelCard.kinds.evalResults")}</li>
          <li>{t("modelCard.kinds.toolkit")}</li>
        </ul>
        <Field label={t("modelCard.file")}>
          <input
            type="file"
            accept=".md,.markdown,.yaml,.yml,.json,text/markdown,application/json,application/yaml"
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              setFile(chosen);
              setStale(false);
              void read(chosen);
            }}
            data-testid="model-card-file"
          />
        </Field>
        <Field label={t("modelCard.name")} hint={t("modelCard.nameHint")} optional>
          <input className="input" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} data-testid="model-card-name" aria-invalid={needsName(error) || undefined} />
        </Field>
        <Field label={t("modelCard.kind")} hint={t("modelCard.kindHint")} optional>
          <select className="input" value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="model-card-kind">
            <option value="">{t("modelCard.kind.auto")}</option>
            <option value="model">{t("modelCard.kind.model")}</option>
            <option value="dataset">{t("modelCard.kind.dataset")}</option>
          </select>
        </Field>
        {file && (
          <div>
            <button type="button" className="button" disabled={busy} onClick={() => void read(file)} data-testid="model-card-reread">
              {t("modelCard.reread")}
            </button>
          </div>
        )}
        {stale && <Notice kind="warning">{t("modelCard.stale")}</Notice>}
        {problem !== undefined && (
          <Notice kind="error" testId="model-card-error">
            {problem}
          </Notice>
        )}
        {preview && (
          <div className="bom-preview" data-testid="model-card-preview">
            <p className="muted">
              {t("modelCard.found", { format: t(`modelCard.format.${preview.format}`), models: number(preview.models.length), datasets: number(preview.datasets.length) })}
            </p>
            <ImportWarnings warnings={preview.warnings} testId="model-card-warnings" />
            {!changesSomething(preview) && <Notice kind="info">{t("modelCard.nothing")}</Notice>}
            <h3 className="card__subtitle">{t("modelCard.changes")}</h3>
            <ul className="plain-list model-card-changes">
              {preview.changes.map((change, i) => (
                <ChangeItem key={i} change={change} lines={changeLines(change, preview, system)} summary={summary} />
              ))}
            </ul>
          </div>
        )}
      </div>
    </Dialog>
  );
}

function ChangeItem({ change, lines, summary }: { change: CardChange; lines: ReturnType<typeof changeLines>; summary(s: FieldSummary | undefined): string }) {
  const { t, lang } = useI18n();
  const list = (items: string[]) => new Intl.ListFormat(lang, { type: "conjunction" }).format(items);
  return (
    <li data-testid="model-card-change" data-action={change.action}>
      <span className="chip">{t(`modelCard.action.${change.action}`)}</span> <span className="muted">{t(`modelCard.entry.${change.kind}`)}</span> <strong>{change.name}</strong>
      {change.action === "add" &&
        (lines.length > 0 ? <p className="muted">{t("modelCard.states", { fields: list(lines.map((l) => t(`modelCard.field.${l.field}`))) })}</p> : <p className="muted">{t("modelCard.noFields")}</p>)}
      {change.action === "update" && (
        <ul className="plain-list">
          {lines.map((l, j) => (
            <li key={j}>
              {t("modelCard.replaces", { field: t(`modelCard.field.${l.field}`), before: summary(l.before), after: summary(l.after) })}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

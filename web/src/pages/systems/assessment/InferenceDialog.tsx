import { useState } from "react";
import { assessmentsApi, type AssessmentView, type InferenceProposal } from "../../../api/systems.ts";
import { Dialog } from "../../../components/Dialog.tsx";
import { LoadState } from "../../../components/LoadState.tsx";
import { Notice } from "../../../components/Notice.tsx";
import { useResource } from "../../../hooks/useResource.ts";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import { plainText } from "../../../i18n/text.ts";
import { frameworkName, useFrameworks } from "../useFrameworks.ts";
import { InferenceRow } from "./InferenceRow.tsx";

interface InferenceDialogProps {
  assessment: AssessmentView;
  /** The system's other assessments: the sources answers can be carried over from. */
  others: AssessmentView[];
  onClose(): void;
  onAccepted(count: number): void;
}

/**
 * 他の評価から推定: answers for this assessment's unanswered rows, read through the crosswalks from
 * another assessment of the same system. Full-coverage proposals start ticked; partial ones do not.
 */
export function InferenceDialog({ assessment: a, others, onClose, onAccepted }: InferenceDialogProps) {
  const { t, lang, number, errorMessage } = useI18n();
  const frameworks = useFrameworks();
  const [from, setFrom] = useState(others[0]?.id ?? "");
  const proposals = useResource((signal) => assessmentsApi.inference(a.id, from, signal), `${a.id}:${from}`);
  const items: InferenceProposal[] = proposals.data?.proposals ?? [];
  const [ticked, setTicked] = useState<Set<string> | undefined>();
  const chosen = ticked ?? new Set(items.filter((p) => p.full).map((p) => p.itemId));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setTicked(next);
  };
  const accept = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await assessmentsApi.acceptInference(a.id, from, [...chosen]);
      onAccepted(result.accepted);
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t("systems.infer.title")}
      onClose={onClose}
      testId="inference-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="button" className="button button--primary" disabled={busy || chosen.size === 0} onClick={() => void accept()} data-testid="infer-accept">
            {busy ? t("common.working") : t("systems.infer.accept", { count: number(chosen.size) })}
          </button>
        </>
      }
    >
      <div className="form">
        <p className="dialog-message">{t("systems.infer.intro")}</p>
        <label className="field">
          <span className="field__label">{t("systems.infer.from")}</span>
          <select
            className="input"
            value={from}
            onChange={(e) => {
              setFrom(e.target.value);
              setTicked(undefined);
            }}
            data-testid="infer-from"
          >
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {plainText(frameworkName(frameworks, o.framework, lang, o.frameworkName), lang)}
              </option>
            ))}
          </select>
        </label>
        <p className="muted infer__legend">{t("systems.infer.legend")}</p>
        {proposals.data && proposals.data.keptPersonAnswers > 0 && <p className="muted infer__legend">{t("systems.infer.kept", { count: number(proposals.data.keptPersonAnswers) })}</p>}
        {error !== undefined && <Notice kind="error">{errorMessage(error)}</Notice>}
        <LoadState loading={proposals.loading} error={proposals.error} onRetry={proposals.reload} />
        {proposals.data && items.length === 0 && <p className="muted">{t("systems.infer.none")}</p>}
        {items.length > 0 && (
          <div className="table-wrap infer__table">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t("systems.infer.pick")}</span>
                  </th>
                  <th scope="col">{t("systems.infer.target")}</th>
                  <th scope="col">{t("systems.infer.proposed")}</th>
                  <th scope="col">{t("systems.infer.source")}</th>
                  <th scope="col">{t("systems.infer.chain")}</th>
                  <th scope="col">{t("systems.infer.strength")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <InferenceRow key={p.itemId} proposal={p} checked={chosen.has(p.itemId)} onToggle={(on) => toggle(p.itemId, on)} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </Dialog>
  );
}

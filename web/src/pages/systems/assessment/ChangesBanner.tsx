import { useState } from "react";
import { assessmentsApi, type AssessmentView } from "../../../api/systems.ts";
import { Notice } from "../../../components/Notice.tsx";
import { useI18n } from "../../../i18n/I18nProvider.tsx";

interface ChangesBannerProps {
  assessment: AssessmentView;
  canAcknowledge: boolean;
  onShow(): void;
  onAcknowledged(): void;
}

/** Rows that newly apply or no longer apply since the profile or library changed, until someone confirms them. */
export function ChangesBanner({ assessment: a, canAcknowledge, onShow, onAcknowledged }: ChangesBannerProps) {
  const { t, number, errorMessage } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  if (a.changes.new === 0 && a.changes.removed === 0) return null;
  const acknowledge = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await assessmentsApi.acknowledge(a.id);
      onAcknowledged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Notice kind="warning" testId="changes-banner">
      <p className="changes__text">{t("systems.assess.changes", { added: number(a.changes.new), removed: number(a.changes.removed) })}</p>
      {error !== undefined && <p className="field__error">{errorMessage(error)}</p>}
      <div className="changes__actions">
        <button type="button" className="button button--small" onClick={onShow}>
          {t("systems.assess.showChanges")}
        </button>
        {canAcknowledge && (
          <button type="button" className="button button--small button--primary" disabled={busy} onClick={() => void acknowledge()} data-testid="acknowledge">
            {t("systems.assess.acknowledge")}
          </button>
        )}
      </div>
    </Notice>
  );
}

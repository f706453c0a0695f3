import type { PublicationView } from "../../api/oversight.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { publicationSteps } from "./publication-logic.ts";

/**
 * A publication's due process as a row of steps — 起案 → 事前通知 → 決裁中 → 承認済み → 公表 (→ 取下げ) —
 * the done ones ticked, the current one marked, a notice not needed struck through.
 * `compact` for a list's cell.
 */
export function PublicationSteps({ publication, compact, testId }: { publication: Pick<PublicationView, "status" | "names">; compact?: boolean; testId?: string }) {
  const { t } = useI18n();
  const steps = publicationSteps(publication);
  return (
    <ol className={compact ? "pub-steps pub-steps--compact" : "pub-steps"} aria-label={t("oversight.publication.steps")} data-testid={testId} data-status={publication.status}>
      {steps.map(({ step, state }) => (
        <li key={step} className={`pub-steps__step pub-steps__step--${state}${step === "withdrawn" ? " pub-steps__step--withdrawn" : ""}`} aria-current={state === "current" ? "step" : undefined} data-state={state}>
          <span className="pub-steps__mark" aria-hidden="true">
            {state === "done" ? "✓" : state === "skipped" ? "–" : ""}
          </span>
          <span className="pub-steps__label">{t(`oversight.publicationStatus.${step}`)}</span>
          {state !== "upcoming" && <span className="visually-hidden">{t(`oversight.publication.stepState.${state}`)}</span>}
        </li>
      ))}
    </ol>
  );
}

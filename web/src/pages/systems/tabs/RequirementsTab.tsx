import { useMemo } from "react";
import { applicabilityApi } from "../../../api/endpoints.ts";
import { systemsApi, type SystemView } from "../../../api/systems.ts";
import type { ApplicabilityReport } from "../../../api/types.ts";
import { LoadState } from "../../../components/LoadState.tsx";
import { useResource } from "../../../hooks/useResource.ts";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import { Classifications } from "../../applicability/Classifications.tsx";
import { RequirementList } from "../../applicability/RequirementList.tsx";
import type { ExplainContext } from "../../applicability/RuleExplanation.tsx";
import "../../applicability/result.css";

/** The part of a report about some frameworks: RequirementList groups what it is given by framework. */
function slice(report: ApplicabilityReport, keep: (jurisdiction: string) => boolean): ApplicabilityReport {
  const frameworks = report.frameworks.filter((f) => keep(f.jurisdiction));
  const ids = new Set(frameworks.map((f) => f.framework));
  return { ...report, frameworks, requirements: report.requirements.filter((r) => ids.has(r.framework)) };
}

/**
 * 適用要件: what applies to the system as its saved profile stands, today — its classifications,
 * Japan's duties first, then the EU and international frameworks, each requirement with "why?".
 */
export function RequirementsTab({ system }: { system: SystemView }) {
  const { t, day, number } = useI18n();
  const res = useResource((signal) => systemsApi.applicability(system.id, signal), `${system.id}:${system.version}`);
  const questions = useResource((signal) => applicabilityApi.questions(signal), "questions");
  const report = res.data;
  const context = useMemo<ExplainContext>(
    () => ({
      explanations: new Map((report?.explanations ?? []).map((e) => [e.id, e])),
      questions: new Map((questions.data?.questions ?? []).map((q) => [q.id, q])),
    }),
    [report, questions.data],
  );
  if (!report) return <LoadState loading={res.loading} error={res.error} onRetry={res.reload} />;
  const japan = slice(report, (j) => j === "jp");
  const others = slice(report, (j) => j !== "jp");

  return (
    <div className="requirements-tab result-panel" data-testid="system-requirements">
      <p className="result-panel__meta">{t("applicability.asOfLine", { date: day(report.asOf), version: report.libraryVersion })}</p>
      {report.unanswered.length > 0 && <p className="muted">{t("systems.requirements.unanswered", { count: number(report.unanswered.length) })}</p>}
      <Classifications classifications={report.classifications} context={context} />
      <section className="requirements-tab__section" data-testid="duties-jp">
        <h2 className="result-panel__subtitle">
          {t("systems.requirements.japan")} <span className="count-badge">{number(japan.requirements.length)}</span>
        </h2>
        <p className="card__lead">{t("systems.requirements.japanLead")}</p>
        <RequirementList report={japan} context={context} />
      </section>
      <section className="requirements-tab__section" data-testid="duties-other">
        <h2 className="result-panel__subtitle">
          {t("systems.requirements.other")} <span className="count-badge">{number(others.requirements.length)}</span>
        </h2>
        <RequirementList report={others} context={context} />
      </section>
    </div>
  );
}

import { assessmentsApi, type AssessmentView, type SystemView } from "../../api/systems.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { LoadState } from "../../components/LoadState.tsx";
import { dotStyle } from "../../components/StatusBadge.tsx";
import { ITEM_STATUS_LABELS, ITEM_STATUS_ORDER, ITEM_STATUS_TONES } from "../../components/status-tones.ts";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { systemPath } from "./names.ts";
import { frameworkName, useFrameworks } from "./useFrameworks.ts";


/** Frameworks in scope, each with its assessment's rows by status as one stacked bar (or "not assessed yet"). */
export function PostureBars({ system }: { system: SystemView }) {
  const { t, lang } = useI18n();
  const frameworks = useFrameworks();
  const res = useResource((signal) => assessmentsApi.ofSystem(system.id, signal), `${system.id}:${system.version}`);
  const byFramework = new Map((res.data?.items ?? []).map((a) => [a.framework, a]));
  if (system.frameworks.length === 0) return <p className="muted">{t("systems.overview.noFrameworks")}</p>;
  return (
    <>
      <LoadState loading={res.loading && !res.data} error={res.error} onRetry={res.reload} />
      <ul className="posture" data-testid="posture">
        {system.frameworks.map((id) => {
          const assessment = byFramework.get(id);
          return (
            <li key={id} className="posture__item" data-framework={id}>
              <span className="posture__name">
                <LocalText text={frameworkName(frameworks, id, lang, assessment?.frameworkName)} mark="compact" />
              </span>
              {assessment ? (
                <Link to={systemPath(system.id, "assessments", assessment.id)} className="posture__link">
                  <PostureBar assessment={assessment} />
                </Link>
              ) : (
                <span className="posture__none">{t("systems.overview.notAssessed")}</span>
              )}
            </li>
          );
        })}
      </ul>
      <PostureLegend />
    </>
  );
}

/** One assessment's rows by effective status as a bar, with "met n of total" beside it. */
export function PostureBar({ assessment: a }: { assessment: AssessmentView }) {
  const { t, number } = useI18n();
  const total = Math.max(1, a.total);
  const done = (a.counts.met ?? 0) + (a.counts.not_applicable ?? 0);
  const summary = t("systems.posture.summary", { done: number(done), total: number(a.total) });
  return (
    <span className="posture__bar-row">
      <span className="posture__bar" role="img" aria-label={summary}>
        {ITEM_STATUS_ORDER.map((status) => {
          const n = a.counts[status] ?? 0;
          return n > 0 ? <span key={status} className="posture__seg" style={{ ...dotStyle(ITEM_STATUS_TONES[status].solid), width: `${(n / total) * 100}%` }} title={`${t(ITEM_STATUS_LABELS[status])}: ${number(n)}`} /> : null;
        })}
      </span>
      <span className="posture__count">{summary}</span>
      {a.signedOff && <span className="tag signed-tag">{t("systems.assess.signedOff")}</span>}
    </span>
  );
}

export function PostureLegend() {
  const { t } = useI18n();
  return (
    <p className="posture__legend" aria-hidden="true">
      {ITEM_STATUS_ORDER.map((s) => (
        <span key={s} className="posture__key">
          <span className="tone-dot" style={dotStyle(ITEM_STATUS_TONES[s].solid)} />
          {t(ITEM_STATUS_LABELS[s])}
        </span>
      ))}
    </p>
  );
}

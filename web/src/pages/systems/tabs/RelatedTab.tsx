import type { ReactNode } from "react";
import { incidentsApi, type IncidentSummary } from "../../../api/incidents.ts";
import { risksApi, type RiskView } from "../../../api/risks.ts";
import type { SystemView } from "../../../api/systems.ts";
import type { Page } from "../../../api/types.ts";
import { vendorsApi, type VendorView } from "../../../api/vendors.ts";
import { tasksApi, type TaskView } from "../../../api/workflow.ts";
import { LoadState } from "../../../components/LoadState.tsx";
import { useResource, type Resource } from "../../../hooks/useResource.ts";
import type { MessageKey } from "../../../i18n/en.ts";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import { Link } from "../../../router/router.tsx";
import { useSignedIn } from "../../../session/SessionProvider.tsx";
import { incidentPath } from "../../incidents/incident-rules.ts";
import { RatingBadge } from "../../risks/RatingBadge.tsx";
import { riskPath } from "../../risks/risk-labels.ts";
import { taskPath } from "../../tasks/task-paths.ts";
import { vendorPath } from "../../vendors/vendor-paths.ts";

/** How many of each kind the tab lists; the list page behind "see all" has the rest. */
const SHOWN = 10;

interface SectionProps<T> {
  heading: MessageKey;
  empty: MessageKey;
  res: Resource<Page<T>>;
  /** The list page filtered to this system, when there is one. */
  allHref?: string;
  head: MessageKey[];
  row: (item: T) => ReactNode;
  testId: string;
}

/** One kind of record about the system: a short table, with the way to the full list. */
function Section<T>({ heading, empty, res, allHref, head, row, testId }: SectionProps<T>) {
  const { t, number } = useI18n();
  const page = res.data;
  // A capped total ("1,000+") is shown as at least that many.
  const total = page ? `${number(page.total)}${page.totalCapped ? "+" : ""}` : "";
  return (
    <section className="card related-section" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <header className="related-section__head">
        <h2 className="card__title" id={`${testId}-title`}>
          {t(heading)}
          {page && <span className="related-section__count">{t("systems.related.count", { count: total })}</span>}
        </h2>
        {allHref && page && page.total > page.items.length && <Link to={allHref}>{t("systems.related.seeAll", { count: total })}</Link>}
      </header>
      <LoadState loading={res.loading && !page} error={res.error} onRetry={res.reload} />
      {page && page.items.length === 0 && <p className="muted">{t(empty)}</p>}
      {page && page.items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                {head.map((h) => (
                  <th key={h} scope="col">
                    {t(h)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{page.items.map(row)}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** What a section the caller may not read "loads": nothing, and no request. */
const skip = <T,>(): Promise<Page<T>> => Promise.resolve({ items: [], total: 0, limit: 0, offset: 0 });

/**
 * Everything recorded about one AI system in the other registers — its risks, incidents, tasks
 * and vendors — each linked to its page (which links back here), so the system page is the place
 * to see where a system stands. Each kind shows only when the caller may read it.
 */
export function RelatedTab({ system }: { system: SystemView }) {
  const { t, lang, label, day } = useI18n();
  const { can } = useSignedIn();
  const id = system.id;
  const limit = SHOWN;
  const risks = useResource<Page<RiskView>>((s) => (can("risks.read") ? risksApi.list({ systemId: id, limit, sort: "-rating" }, s) : skip()), `risks:${id}`);
  const incidents = useResource<Page<IncidentSummary>>((s) => (can("incidents.read") ? incidentsApi.list({ systemId: id, limit }, s) : skip()), `incidents:${id}`);
  const tasks = useResource<Page<TaskView>>((s) => (can("tasks.read") ? tasksApi.list({ subjectType: "system", subjectId: id, limit }, s) : skip()), `tasks:${id}`);
  const vendors = useResource<Page<VendorView>>((s) => (can("vendors.read") ? vendorsApi.list({ systemId: id, limit }, s) : skip()), `vendors:${id}`);
  const code = (c: string) => <code className="mono">{c}</code>;

  return (
    <div className="page-stack" data-testid="system-related">
      {can("risks.read") && (
        <Section
          heading="systems.related.risks"
          empty="systems.related.noRisks"
          res={risks}
          allHref={`/risks?systemId=${encodeURIComponent(id)}`}
          head={["systems.related.col.code", "systems.related.col.title", "systems.related.col.rating", "systems.related.col.status"]}
          testId="related-risks"
          row={(r) => (
            <tr key={r.id}>
              <td>{code(r.code)}</td>
              <td>
                <Link to={riskPath(r.id)}>{lang === "ja" ? r.titleJa : r.titleEn}</Link>
              </td>
              <td>
                <RatingBadge rating={r.residual ?? r.inherent} />
              </td>
              <td>{label("risks.status.", r.status)}</td>
            </tr>
          )}
        />
      )}
      {can("incidents.read") && (
        <Section
          heading="systems.related.incidents"
          empty="systems.related.noIncidents"
          res={incidents}
          allHref={`/incidents?systemId=${encodeURIComponent(id)}`}
          head={["systems.related.col.code", "systems.related.col.title", "systems.related.col.severity", "systems.related.col.status"]}
          testId="related-incidents"
          row={(i) => (
            <tr key={i.id}>
              <td>{code(i.code)}</td>
              <td>
                <Link to={incidentPath(i.id)}>{i.title}</Link>
              </td>
              <td>{label("incidents.severity.", i.severity)}</td>
              <td>{label("incidents.status.", i.status)}</td>
            </tr>
          )}
        />
      )}
      {can("tasks.read") && (
        <Section
          heading="systems.related.tasks"
          empty="systems.related.noTasks"
          res={tasks}
          head={["systems.related.col.code", "systems.related.col.title", "systems.related.col.due", "systems.related.col.status"]}
          testId="related-tasks"
          row={(task) => (
            <tr key={task.id}>
              <td>{code(task.code)}</td>
              <td>
                <Link to={taskPath(task.id)}>{task.title}</Link>
              </td>
              <td>{task.dueOn ? day(task.dueOn) : <span className="muted">{t("systems.related.noDue")}</span>}</td>
              <td>{label("tasks.status.", task.status)}</td>
            </tr>
          )}
        />
      )}
      {can("vendors.read") && (
        <Section
          heading="systems.related.vendors"
          empty="systems.related.noVendors"
          res={vendors}
          head={["systems.related.col.code", "systems.related.col.name", "systems.related.col.vendorRating", "systems.related.col.status"]}
          testId="related-vendors"
          row={(v) => (
            <tr key={v.id}>
              <td>{code(v.code)}</td>
              <td>
                <Link to={vendorPath(v.id)}>{v.name}</Link>
              </td>
              <td>{label("vendors.rating.", v.rating)}</td>
              <td>{label("vendors.status.", v.status)}</td>
            </tr>
          )}
        />
      )}
    </div>
  );
}

import type { IntakeDetail } from "../../api/oversight.ts";
import { Card } from "../../components/Card.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { caseLabel } from "../incidents/reference-case.ts";
import { Link } from "../../router/router.tsx";
import { IntakeStatusBadge } from "./OversightBadges.tsx";
import { casePath, intakePath, requestPath } from "./oversight-paths.ts";
import { NameText } from "./SenderName.tsx";

/**
 * What the submission is related to: the request it answers (an answer to a request for
 * information), its case, earlier and later versions from the same sender, another organisation's
 * submission it resembles, the one it repeats, and the closest public case.
 */
export function SubmissionLinks({ item }: { item: IntakeDetail }) {
  const { t, dateTime, number } = useI18n();
  const versions = item.versions.length > 1 ? item.versions : [];
  return (
    <Card title={t("oversight.links.title")} titleId="submission-links-title" testId="submission-links">
      <dl className="facts">
        {item.kind === "rfi-answer" && (
          <>
            <dt>{t("oversight.links.request")}</dt>
            <dd data-testid="submission-request">
              {item.request ? (
                <Link to={requestPath(item.request.id)} data-testid="submission-request-link">
                  <span className="table__mono">{item.request.code}</span> <NameText name={{ ja: item.request.titleJa, en: item.request.titleEn }} />
                </Link>
              ) : (
                <span className="muted">{t("oversight.links.noRequest")}</span>
              )}
            </dd>
          </>
        )}
        <dt>{t("oversight.links.case")}</dt>
        <dd>
          {item.caseId ? (
            <Link to={casePath(item.caseId)} data-testid="submission-case-link">
              {t("oversight.links.openCase")}
            </Link>
          ) : (
            <span className="muted">{t("oversight.links.noCase")}</span>
          )}
        </dd>
        <dt>{t("oversight.links.similar")}</dt>
        <dd>
          {item.similarTo ? (
            <Link to={intakePath(item.similarTo.id)} data-testid="submission-similar-link">
              {t("oversight.flag.similar", { percent: number(Math.round(item.similarTo.similarity * 100)) })}
            </Link>
          ) : (
            <span className="muted">{t("oversight.links.noSimilar")}</span>
          )}
        </dd>
        {item.duplicateOf && (
          <>
            <dt>{t("oversight.links.duplicateOf")}</dt>
            <dd>
              <Link to={intakePath(item.duplicateOf)}>{t("oversight.links.openOriginal")}</Link>
            </dd>
          </>
        )}
        <dt>{t("oversight.links.reference")}</dt>
        <dd data-testid="submission-reference">
          {item.referenceMatch ? (
            <>
              <a href={item.referenceMatch.url} target="_blank" rel="noopener noreferrer">
                {caseLabel(t, item.referenceMatch)}
              </a>{" "}
              <span lang="en">{item.referenceMatch.title}</span>
            </>
          ) : (
            <span className="muted">{t("oversight.links.noReference")}</span>
          )}
        </dd>
      </dl>
      {versions.length > 0 && (
        <>
          <h3 className="card__subtitle">{t("oversight.links.versions")}</h3>
          <ol className="stack-list" data-testid="submission-versions">
            {versions.map((v) => (
              <li key={v.id}>
                {v.id === item.id ? <strong>{dateTime(v.receivedAt)}</strong> : <Link to={intakePath(v.id)}>{dateTime(v.receivedAt)}</Link>} <IntakeStatusBadge status={v.status} />
                {v.id === item.id && <span className="muted"> {t("oversight.links.thisVersion")}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </Card>
  );
}

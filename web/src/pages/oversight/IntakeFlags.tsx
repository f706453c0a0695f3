import type { IntakeSummary } from "../../api/oversight.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { caseLabel } from "../incidents/reference-case.ts";
import { Link } from "../../router/router.tsx";
import { intakePath } from "./oversight-paths.ts";

/**
 * What the queue should notice about a submission: a resubmission, possibly the same incident as
 * another organisation's (with how alike), a duplicate, the closest public case, and how many
 * parts its sender marked confidential.
 */
export function IntakeFlags({ item }: { item: IntakeSummary }) {
  const { t, number } = useI18n();
  const flags = [];
  if (item.supersedes) {
    flags.push(
      <li key="resubmitted" data-testid="flag-resubmitted">
        <span className="tag tag--neutral">{t("oversight.flag.resubmitted")}</span>
      </li>,
    );
  }
  if (item.similarTo) {
    flags.push(
      <li key="similar" data-testid="flag-similar">
        <Link to={intakePath(item.similarTo.id)}>{t("oversight.flag.similar", { percent: number(Math.round(item.similarTo.similarity * 100)) })}</Link>
      </li>,
    );
  }
  if (item.duplicateOf) {
    flags.push(
      <li key="duplicate" data-testid="flag-duplicate">
        <Link to={intakePath(item.duplicateOf)}>{t("oversight.flag.duplicateOf")}</Link>
      </li>,
    );
  }
  if (item.referenceMatch) {
    flags.push(
      <li key="reference" data-testid="flag-reference">
        {t("oversight.flag.reference")}{" "}
        <a href={item.referenceMatch.url} target="_blank" rel="noopener noreferrer">
          {caseLabel(t, item.referenceMatch)}
        </a>{" "}
        <span className="muted intake-flags__title" lang="en">
          {item.referenceMatch.title}
        </span>
      </li>,
    );
  }
  if (item.confidentialParts > 0) {
    flags.push(
      <li key="confidential" data-testid="flag-confidential">
        <span className="confidential-badge confidential-badge--small">{t("oversight.flag.confidential", { count: number(item.confidentialParts) })}</span>
      </li>,
    );
  }
  if (flags.length === 0) return <span className="muted">{t("oversight.none")}</span>;
  return <ul className="intake-flags">{flags}</ul>;
}

import type { ConfidentialMark } from "../../api/oversight.ts";
import { Card } from "../../components/Card.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { partWords } from "./confidential-parts.ts";
import { ConfidentialBadge } from "./OversightBadges.tsx";

/**
 * Every part the sender marked confidential, by name and reason: the authority keeps them to
 * itself; open data and anything published leave them out.
 */
export function ConfidentialList({ marks }: { marks: readonly ConfidentialMark[] }) {
  const { t } = useI18n();
  return (
    <Card title={t("oversight.confidential.title")} titleId="submission-confidential-title" testId="submission-confidential">
      <p className="card__hint">{t("oversight.confidential.explain")}</p>
      {marks.length === 0 ? (
        <p className="muted" data-testid="submission-confidential-none">
          {t("oversight.confidential.none")}
        </p>
      ) : (
        <ul className="stack-list">
          {marks.map((m) => {
            const words = partWords(m.pointer);
            return (
              <li key={m.pointer} data-testid="submission-confidential-part">
                {t(words.key, words.params)} <ConfidentialBadge reason={m.reason} />
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

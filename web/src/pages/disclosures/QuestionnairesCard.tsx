import { useI18n } from "../../i18n/I18nProvider.tsx";
import { questionnairesApi } from "../../api/disclosures.ts";
import { Card } from "../../components/Card.tsx";
import { TableState } from "../../components/TableState.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { WordingBadge } from "./Badges.tsx";
import { QuestionnaireUpload } from "./QuestionnaireUpload.tsx";

/** The questionnaires a report can be written against: Musubi's own (its wording marked) and any loaded as a file, e.g. the official one. */
export function QuestionnairesCard({ canLoad }: { canLoad: boolean }) {
  const { t, lang, number } = useI18n();
  const list = useResource((signal) => questionnairesApi.list(signal), "questionnaires");
  const rows = list.data ?? [];
  return (
    <Card title={t("disclosures.questionnaires.title")} titleId="questionnaires-title" testId="questionnaires">
      <p className="card__hint">{t("disclosures.questionnaires.hint")}</p>
      <div className="table-wrap">
        <table className="table" aria-labelledby="questionnaires-title" aria-busy={list.loading}>
          <thead>
            <tr>
              <th scope="col">{t("disclosures.col.name")}</th>
              <th scope="col">{t("disclosures.col.version")}</th>
              <th scope="col">{t("disclosures.col.wording")}</th>
              <th scope="col">{t("disclosures.col.publisher")}</th>
              <th scope="col" className="table__numeric">
                {t("disclosures.col.questions")}
              </th>
            </tr>
          </thead>
          <tbody>
            <TableState colSpan={5} loading={list.loading} error={list.error} count={rows.length} filtered={false} emptyMessage={t("disclosures.questionnaires.empty")} onRetry={list.reload} />
            {!list.error &&
              rows.map((q) => (
                <tr key={`${q.key}@${q.version}`} data-testid="questionnaire-row">
                  <td>{q.name[lang]}</td>
                  <td>{q.version}</td>
                  <td>
                    <WordingBadge wording={q.wording} />
                  </td>
                  <td>{q.source.publisher}</td>
                  <td className="table__numeric">{number(q.questions.length)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      {canLoad && <QuestionnaireUpload onLoaded={list.reload} />}
    </Card>
  );
}

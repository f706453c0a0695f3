import type { Questionnaire, VendorReview } from "../../api/vendors.ts";
import { Disclosure } from "../../components/Disclosure.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { groupByTopic } from "./rating.ts";
import { RatingBadge } from "./RatingBadge.tsx";

/** The latest due-diligence review: decided and suggested rating, gaps, who and when, and every answer on request. */
export function LatestReview({ review, questionnaire }: { review: VendorReview | null; questionnaire: Questionnaire | undefined }) {
  const { t, lang, number, dateTime } = useI18n();
  return (
    <section className="card" aria-labelledby="vendor-latest-title" data-testid="vendor-latest-review">
      <h2 id="vendor-latest-title" className="card__title">
        {t("vendors.latest.title")}
      </h2>
      {!review ? (
        <p className="muted">{t("vendors.latest.none")}</p>
      ) : (
        <>
          <dl className="facts">
            <dt>{t("vendors.latest.rating")}</dt>
            <dd>
              <RatingBadge rating={review.rating} testId="latest-rating" />
              {review.rating !== review.suggestedRating && <span className="muted review-override">{t("vendors.latest.overridden")}</span>}
            </dd>
            <dt>{t("vendors.latest.suggested")}</dt>
            <dd>
              <RatingBadge rating={review.suggestedRating} testId="latest-suggested" />
            </dd>
            <dt>{t("vendors.latest.gaps")}</dt>
            <dd>{number(review.gaps)}</dd>
            <dt>{t("vendors.latest.reviewer")}</dt>
            <dd>{t("vendors.latest.by", { name: review.reviewer?.displayName ?? "—", date: dateTime(review.createdAt) })}</dd>
            {review.note && (
              <>
                <dt>{t("vendors.latest.note")}</dt>
                <dd className="pre-text">{review.note}</dd>
              </>
            )}
          </dl>
          {questionnaire && (
            <Disclosure summary={t("vendors.latest.answers")} className="latest-answers" testId="latest-answers">
              {() => (
                <>
                  {groupByTopic(questionnaire.questions).map((g) => (
                    <div key={g.topic} className="latest-answers__topic">
                      <h3 className="review-topic__title">{questionnaire.topics[g.topic]?.[lang] ?? g.topic}</h3>
                      <ul className="stack-list latest-answers__list">
                        {g.questions.map((q) => {
                          const a = review.answers[q.id];
                          return (
                            <li key={q.id}>
                              <span className={`answer-pill answer-pill--${a?.answer ?? "none"}`}>{a ? t(`vendors.answer.${a.answer}`) : "—"}</span>
                              <span lang={lang}>{q[lang]}</span>
                              {a?.note && <span className="muted latest-answers__note">{a.note}</span>}
                            </li>
                          );
                        })}
                      </ul>
                    </div>
                  ))}
                </>
              )}
            </Disclosure>
          )}
        </>
      )}
    </section>
  );
}

import type { AnswerSource, HaipAnswer } from "../../api/disclosures.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { sourceRecordHref } from "./disclosure-paths.ts";

/** What a drafted answer rests on: each kind of record, how many, the ones it names (linked), and which changed since. */
export function AnswerSources({ answer }: { answer: HaipAnswer }) {
  const { t, dateTime } = useI18n();
  if (!answer.prefill) return null;
  return (
    <div className="haip-sources" data-testid="answer-sources">
      <p className="haip-sources__lead">{t("disclosures.sources.lead", { date: dateTime(answer.prefill.writtenAt) })}</p>
      <ul className="haip-sources__list">
        {answer.prefill.sources.map((s) => (
          <SourceItem key={s.kind} source={s} />
        ))}
      </ul>
    </div>
  );
}

function SourceItem({ source }: { source: AnswerSource }) {
  const { t, lang, number } = useI18n();
  const { session } = useSignedIn();
  return (
    <li className="haip-source" data-testid="answer-source">
      <span className="haip-source__label">{source.label[lang]}</span>
      <span className="muted">{t("disclosures.sources.count", { count: number(source.count) })}</span>
      {source.changed && <span className="tag haip-source__changed">{t("disclosures.sources.changed")}</span>}
      {source.records.length > 0 && (
        <ul className="haip-source__records">
          {source.records.map((r) => {
            const target = sourceRecordHref(r, session.organization.slug);
            const label = [r.code, r.title[lang] || r.title[lang === "ja" ? "en" : "ja"]].filter(Boolean).join(" ");
            return (
              <li key={`${r.type}:${r.id}`}>
                {!target ? (
                  label
                ) : target.external ? (
                  <a href={target.href} target="_blank" rel="noopener">
                    {label}
                    <span className="visually-hidden">{t("disclosures.newTab")}</span>
                  </a>
                ) : (
                  <Link to={target.href}>{label}</Link>
                )}
              </li>
            );
          })}
          {source.count > source.records.length && <li className="muted">{t("disclosures.sources.more", { count: number(source.count - source.records.length) })}</li>}
        </ul>
      )}
    </li>
  );
}

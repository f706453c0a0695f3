import { useState } from "react";
import { DIFF_CHANGES, haipApi, type DiffChange } from "../../api/disclosures.ts";
import { LoadState } from "../../components/LoadState.tsx";
import { Notice } from "../../components/Notice.tsx";
import { toneStyle } from "../../components/StatusBadge.tsx";
import { ITEM_STATUS_TONES, type Tone } from "../../components/status-tones.ts";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { diffRows } from "./haip-logic.ts";
import { LangText } from "./LangText.tsx";

const CHANGE_TONES: Record<DiffChange, Tone> = {
  added: ITEM_STATUS_TONES.in_progress,
  removed: ITEM_STATUS_TONES.not_met,
  changed: ITEM_STATUS_TONES.partially_met,
  unchanged: ITEM_STATUS_TONES.not_applicable,
};

/** What changed since the last report published for an earlier year: counts, then each question with its answer before and after. */
export function DiffPanel({ reportId, version }: { reportId: string; version: number }) {
  const { t, lang, number, dateTime } = useI18n();
  const res = useResource((signal) => haipApi.diff(reportId, signal), `${reportId}:${version}`);
  const [show, setShow] = useState<"changes" | "all">("changes");
  const diff = res.data;
  if (!diff) return <LoadState loading={res.loading} error={res.error} onRetry={res.reload} />;
  const rows = diffRows(diff, show);

  return (
    <section className="card haip-diff" aria-labelledby="haip-diff-title" data-testid="haip-diff">
      <h2 id="haip-diff-title" className="card__title">
        {t("disclosures.diff.title")}
      </h2>
      <p className="card__hint">
        {diff.previous
          ? t("disclosures.diff.against", { year: t("disclosures.year", { year: diff.previous.year }), n: number(diff.previous.number), date: dateTime(diff.previous.publishedAt, "date") })
          : t("disclosures.diff.none")}
      </p>
      {diff.questionnaireChanged && <Notice kind="info">{t("disclosures.diff.questionnaireChanged")}</Notice>}
      <ul className="haip-diff__counts" data-testid="haip-diff-counts">
        {DIFF_CHANGES.map((c) => (
          <li key={c}>
            <ChangeBadge change={c} /> {number(diff.counts[c])}
          </li>
        ))}
      </ul>
      <label className="checkbox">
        <input type="checkbox" checked={show === "all"} onChange={(e) => setShow(e.target.checked ? "all" : "changes")} data-testid="haip-diff-all" />
        {t("disclosures.diff.showUnchanged")}
      </label>
      {rows.length === 0 && <p className="muted">{t("disclosures.diff.noChanges")}</p>}
      <ol className="haip-diff__list">
        {rows.map((q) => (
          <li key={q.id} className="haip-diff__item" data-testid="haip-diff-item" data-change={q.change}>
            <h3 className="haip-diff__question">
              <span className="haip-answer__id">{q.id}</span> {q.text[lang]} <ChangeBadge change={q.change} />
            </h3>
            <p className="muted haip-diff__section">{q.section[lang]}</p>
            {q.change !== "unchanged" && (
              <div className="haip-diff__sides">
                <div>
                  <p className="field__label">{t("disclosures.diff.before")}</p>
                  {q.before ? <Both text={q.before} /> : <p className="muted">{t("disclosures.diff.absent")}</p>}
                </div>
                <div>
                  <p className="field__label">{t("disclosures.diff.after")}</p>
                  {q.after ? <Both text={q.after} /> : <p className="muted">{t("disclosures.diff.absent")}</p>}
                </div>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function ChangeBadge({ change }: { change: DiffChange }) {
  const { t } = useI18n();
  return (
    <span className="status-badge" style={toneStyle(CHANGE_TONES[change])} data-change={change}>
      {t(`disclosures.diff.change.${change}`)}
    </span>
  );
}

function Both({ text }: { text: { ja: string; en: string } }) {
  return (
    <>
      <LangText text={text.ja} lang="ja" />
      <LangText text={text.en} lang="en" />
    </>
  );
}

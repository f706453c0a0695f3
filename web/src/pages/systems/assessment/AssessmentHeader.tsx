import { ITEM_STATUSES, type AssessmentView } from "../../../api/systems.ts";
import type { BilingualText } from "../../../api/types.ts";
import { LocalText } from "../../../components/LocalText.tsx";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import { StatusBadge } from "../Badges.tsx";
import type { SignOffBlock } from "./sign-off-gate.ts";

interface AssessmentHeaderProps {
  assessment: AssessmentView;
  name: BilingualText;
  canInfer: boolean;
  canSignOff: boolean;
  /** Why the signed-in person cannot sign off now: the button is disabled and says so. */
  signOffBlocks: readonly SignOffBlock[];
  onInfer(): void;
  onSignOff(): void;
}

/**
 * The assessment's name, its rows by status, its sign-off, and the actions on it. Sign-off is
 * disabled, with the reason beside it, while the server would refuse it (open rows, or segregation
 * of duties), so nobody fills in the dialog to be told no.
 */
export function AssessmentHeader({ assessment: a, name, canInfer, canSignOff, signOffBlocks, onInfer, onSignOff }: AssessmentHeaderProps) {
  const { t, number, dateTime } = useI18n();
  const blocked = signOffBlocks.length > 0;
  return (
    <header className="assessment__header">
      <div>
        <h2 id="assessment-title" className="assessment__title">
          <LocalText text={name} mark="compact" />
        </h2>
        <ul className="assessment__counts" aria-label={t("systems.assess.counts")}>
          {ITEM_STATUSES.map((s) => (
            <li key={s}>
              <StatusBadge status={s} /> <span className="assessment__count">{number(a.counts[s] ?? 0)}</span>
            </li>
          ))}
        </ul>
        {a.signedOff ? (
          <p className="assessment__signed" data-testid="signed-off">
            <span className="tag signed-tag">{t("systems.assess.signedOff")}</span>
            {t("systems.assess.signedOffBy", { name: a.signedOff.by?.displayName ?? "—", date: dateTime(a.signedOff.at) })}
            {a.signedOff.note && <span className="assessment__note">{a.signedOff.note}</span>}
          </p>
        ) : (
          <p className="assessment__signed muted">{t("systems.assess.notSignedOff")}</p>
        )}
        {a.libraryChanged && <p className="assessment__library">{t("systems.assess.libraryChanged")}</p>}
        {canSignOff && blocked && (
          <div id="sign-off-blocked" data-testid="sign-off-blocked">
            {signOffBlocks.map((x) => (
              <p key={x.kind} className="assessment__signed muted">
                {x.kind === "open" ? t("systems.assess.blockedOpen", { count: number(x.count) }) : t("systems.assess.blockedAnswered")}
              </p>
            ))}
          </div>
        )}
      </div>
      <div className="assessment__actions">
        {canInfer && (
          <button type="button" className="button" onClick={onInfer} data-testid="infer-open">
            {t("systems.infer.open")}
          </button>
        )}
        {canSignOff && (
          <button
            type="button"
            className="button button--primary"
            onClick={onSignOff}
            disabled={blocked}
            aria-describedby={blocked ? "sign-off-blocked" : undefined}
            data-testid="sign-off-open"
          >
            {t("systems.assess.signOff")}
          </button>
        )}
      </div>
    </header>
  );
}

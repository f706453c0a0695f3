import type { IntakeSummary } from "../../api/oversight.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { scriptLang } from "../../i18n/text.ts";
import { Link } from "../../router/router.tsx";
import { SeverityBadge } from "../incidents/IncidentBadges.tsx";
import { intakeHeadline } from "./intake-documents.ts";
import { IntakeFlags } from "./IntakeFlags.tsx";
import { IntakeStatusBadge } from "./OversightBadges.tsx";
import { intakePath } from "./oversight-paths.ts";
import { SenderName } from "./SenderName.tsx";
import type { ValueWords } from "./useValueWords.ts";

interface IntakeRowProps {
  item: IntakeSummary;
  words: ValueWords;
  /** Whether the row is chosen for a new case; absent when rows cannot be chosen. */
  selected?: boolean | undefined;
  onSelect?: ((selected: boolean) => void) | undefined;
}

/** One submission in the queue: when, from whom, what, how bad, where it stands, the sector and its flags. */
export function IntakeRow({ item, words, selected, onSelect }: IntakeRowProps) {
  const { t, dateTime } = useI18n();
  const headline = intakeHeadline(item, t);
  return (
    <tr data-testid="intake-row" data-status={item.status}>
      {onSelect && (
        <td>
          <input type="checkbox" checked={selected === true} onChange={(e) => onSelect(e.target.checked)} aria-label={t("oversight.queue.select", { headline })} data-testid="intake-select" />
        </td>
      )}
      <td className="table__nowrap">{dateTime(item.receivedAt)}</td>
      <td>
        <SenderName sender={item.sender} />
      </td>
      <td className="table__nowrap">{words.kind(item.kind)}</td>
      <td className="table__primary">
        <Link to={intakePath(item.id)} className="row-link" lang={scriptLang(headline)} data-testid="intake-link">
          {headline}
        </Link>
      </td>
      <td>{item.severity ? <SeverityBadge severity={item.severity} /> : <span className="muted">{t("oversight.none")}</span>}</td>
      <td>
        <IntakeStatusBadge status={item.status} />
      </td>
      <td>{words.sector(item.sector)}</td>
      <td>
        <IntakeFlags item={item} />
      </td>
    </tr>
  );
}

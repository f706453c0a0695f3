import { useState } from "react";
import { ITEM_STATUSES, type ItemStatus, type ItemView } from "../../../api/systems.ts";
import { LocalText } from "../../../components/LocalText.tsx";
import { ITEM_STATUS_LABELS } from "../../../components/status-tones.ts";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import { distinctTitle, plainText } from "../../../i18n/text.ts";
import { Link } from "../../../router/router.tsx";
import { nodePath } from "../../library/vocabulary.ts";
import { StatusBadge } from "../Badges.tsx";
import { reasonText } from "./item-reason.ts";
import { todayIso } from "../../../components/dates.ts";

interface ItemRowProps {
  item: ItemView;
  canAnswer: boolean;
  canAddEvidence: boolean;
  /** Resolves when saved; `not_applicable` opens the dialog for the justification instead. */
  onStatus(status: ItemStatus): Promise<void> | void;
  onEdit(): void;
  onAddEvidence(): void;
}

const DONE: readonly ItemStatus[] = ["met", "not_applicable"];

/** One requirement of the assessment: its answer (or what its controls say), owner, due date, controls and evidence. */
export function ItemRow({ item, canAnswer, canAddEvidence, onStatus, onEdit, onAddEvidence }: ItemRowProps) {
  const { t, lang, day } = useI18n();
  const [busy, setBusy] = useState(false);
  const r = item.requirement;
  const label = plainText(r.label, lang);
  const overdue = item.dueDate !== null && item.dueDate < todayIso() && !DONE.includes(item.effective);
  const change = (status: ItemStatus) => {
    const pending = onStatus(status);
    if (!pending) return;
    setBusy(true);
    pending.catch(() => undefined).finally(() => setBusy(false));
  };

  return (
    <tr className={item.applicable ? "item-row" : "item-row table__row--muted"} data-testid={`item-${r.id}`} data-status={item.effective}>
      <td className="item-row__requirement">
        <Link to={nodePath(r.urn)} className="item-row__label">
          <LocalText text={r.label} mark="none" />
        </Link>
        {distinctTitle(r.label, r.title, lang) && (
          <span className="item-row__title">
            <LocalText text={r.title} mark="compact" />
          </span>
        )}
        <span className="item-row__marks">
          {item.change && <span className={`change-tag change-tag--${item.change}`}>{t(`systems.assess.change.${item.change}`)}</span>}
          {item.timing === "upcoming" && item.appliesFrom && <span className="date-badge date-badge--upcoming">{t("applicability.fromDate", { date: day(item.appliesFrom) })}</span>}
          {item.answerSource === "inferred" && <span className="tag tag--neutral">{t("systems.assess.inferred")}</span>}
        </span>
        {item.justification && (
          <span className="item-row__note" data-testid="item-reason">
            {t(reasonText(item.answer ?? item.effective).line, { text: item.justification })}
          </span>
        )}
        {item.comment && <span className="item-row__note">{item.comment}</span>}
      </td>
      <td className="item-row__status">
        {canAnswer && item.applicable ? (
          <select
            className="input input--compact"
            aria-label={t("systems.assess.statusFor", { requirement: label })}
            value={item.answer ?? "not_started"}
            disabled={busy}
            onChange={(e) => change(e.target.value as ItemStatus)}
            data-testid="item-status"
          >
            {ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(ITEM_STATUS_LABELS[s])}
              </option>
            ))}
          </select>
        ) : (
          <StatusBadge status={item.effective} />
        )}
        {item.answer === null && item.fromControls && (
          <span className="item-row__from-controls">
            {t("systems.assess.fromControls")} <StatusBadge status={item.fromControls} />
          </span>
        )}
      </td>
      <td>{item.owner?.displayName ?? <span className="muted">—</span>}</td>
      <td className={overdue ? "table__nowrap review-date--overdue" : "table__nowrap"}>{item.dueDate ? day(item.dueDate) : <span className="muted">—</span>}</td>
      <td>
        {item.controls.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <ul className="mini-list">
            {item.controls.map((c) => (
              <li key={c.id} title={lang === "ja" ? c.titleJa : c.titleEn}>
                <code>{c.code}</code> <StatusBadge status={c.status} />
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        {item.evidence.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <ul className="mini-list" data-testid="item-evidence">
            {item.evidence.map((e) => (
              <li key={e.id} className={e.validUntil && e.validUntil < todayIso() ? "evidence--expired" : undefined}>
                {e.kind === "file" ? (
                  <a href={`/api/evidence/${encodeURIComponent(e.id)}/file`} className="evidence__title" target="_blank" rel="noreferrer">
                    {e.title}
                  </a>
                ) : (
                  <span className="evidence__title">{e.title}</span>
                )}
                {e.via === "control" && <span className="tag tag--neutral">{t("systems.evidence.viaControl")}</span>}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="table__actions">
        {canAnswer && item.applicable && (
          <button type="button" className="button button--small" onClick={onEdit} data-testid="item-edit">
            {t("systems.assess.editRow")}
          </button>
        )}
        {canAddEvidence && (
          <button type="button" className="button button--small" onClick={onAddEvidence} data-testid="item-add-evidence">
            {t("systems.evidence.add")}
          </button>
        )}
      </td>
    </tr>
  );
}

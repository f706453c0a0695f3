import type { EvidenceView } from "../../api/compliance.ts";
import { evidenceApi } from "../../api/compliance.ts";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { controlPath } from "../controls/control-paths.ts";
import { ShaCode } from "./ShaCode.tsx";

interface EvidenceRowProps {
  evidence: EvidenceView;
  /** Hide the "supports" column (on a control's page, where it is the control itself). */
  showLinks?: boolean;
  onEditValidity: (() => void) | undefined;
  onDelete: (() => void) | undefined;
}

/** One piece of evidence: what it is, the file (download, SHA-256), how long it is valid, what it supports. */
export function EvidenceRow({ evidence: e, showLinks = true, onEditValidity, onDelete }: EvidenceRowProps) {
  const { t, day, number } = useI18n();
  return (
    <tr data-testid="evidence-row">
      <td>
        <span className="table__primary">{e.title}</span>
        <span className="tag tag--neutral">{t(`evidence.kind.${e.kind}`)}</span>
        {e.note && <p className="evidence-row__note">{e.note}</p>}
      </td>
      <td className="evidence-row__content">
        {e.file && (
          <>
            <a href={evidenceApi.fileUrl(e.id)} download={e.file.name} data-testid="evidence-download">
              {e.file.name}
            </a>
            <span className="muted evidence-row__size">{t("evidence.size", { kb: number(Math.max(1, Math.round(e.file.size / 1024))) })}</span>
            <br />
            <ShaCode sha256={e.file.sha256} />
          </>
        )}
        {e.url && /^https?:\/\//i.test(e.url) && (
          <a href={e.url} target="_blank" rel="noopener noreferrer" className="evidence-row__url">
            {e.url}
          </a>
        )}
        {e.url && !/^https?:\/\//i.test(e.url) && <span className="evidence-row__url">{e.url}</span>}
      </td>
      <td className="table__nowrap">
        <StatusBadge kind="evidence" status={e.status} />
        <div className="muted evidence-row__dates">
          {e.validUntil ? t("evidence.validUntil", { date: day(e.validUntil.slice(0, 10)) }) : t("evidence.noExpiry")}
        </div>
      </td>
      {showLinks && (
        <td>
          {e.links.length === 0 && <span className="muted">{t("evidence.noLinks")}</span>}
          <ul className="evidence-row__links">
            {e.links.map((l) => (
              <li key={`${l.type}:${l.id}`}>
                <span className="chip">{t(`evidence.linkType.${l.type}`)}</span>
                {l.type === "control" ? <Link to={controlPath(l.id)}>{l.label}</Link> : <span>{l.label}</span>}
              </li>
            ))}
          </ul>
        </td>
      )}
      {(onEditValidity || onDelete) && (
        <td className="table__actions">
          {onEditValidity && (
            <button type="button" className="button button--small" onClick={onEditValidity}>
              {t("evidence.editValidity")}
            </button>
          )}
          {onDelete && (
            <button type="button" className="button button--small button--danger-outline" onClick={onDelete}>
              {t("common.delete")}
            </button>
          )}
        </td>
      )}
    </tr>
  );
}

import type { VendorLink } from "../../api/vendors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { unlinkedNames } from "../systems/form/vendor-field.ts";
import { RatingBadge } from "./RatingBadge.tsx";
import { vendorPath } from "./vendor-paths.ts";
import "./vendors.css";

/**
 * A system's vendors on its page: each register vendor linked to its page (which lists the system
 * back), with its rating, and any vendor name recorded only as text, marked as not in the register.
 */
export function SystemVendorList({ links, names }: { links: readonly VendorLink[]; names: readonly string[] }) {
  const { t } = useI18n();
  const unlinked = unlinkedNames(names, links);
  if (links.length === 0 && unlinked.length === 0) return <span className="muted">—</span>;
  return (
    <span className="system-vendors" data-testid="system-vendors">
      {links.map((v) => (
        <span key={v.id} className="chip" data-testid="system-vendor-link">
          <Link to={vendorPath(v.id)}>{v.name}</Link> <RatingBadge rating={v.rating} testId="system-vendor-rating" />
        </span>
      ))}
      {unlinked.map((n) => (
        <span key={n} className="chip system-vendors__unlinked" data-testid="system-vendor-name">
          {n} <span className="muted">{t("vendors.systemField.notInRegister")}</span>
        </span>
      ))}
    </span>
  );
}

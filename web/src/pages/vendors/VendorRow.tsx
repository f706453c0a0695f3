import type { VendorView } from "../../api/vendors.ts";
import type { FieldView } from "../../api/fields.ts";
import { CustomCells } from "../../components/custom/CustomColumns.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { RatingBadge } from "./RatingBadge.tsx";
import { vendorPath } from "./vendor-paths.ts";
import { ContractEnd, NextReview } from "./VendorDates.tsx";

/** One vendor in the list: name and kind, rating, status, contract end, next review and how many systems depend on it. */
export function VendorRow({ vendor: v, custom, personName }: { vendor: VendorView; custom: readonly FieldView[]; personName(id: string): string | undefined }) {
  const { t, number } = useI18n();
  return (
    <tr data-testid="vendor-row" data-vendor-id={v.id} className={v.status === "offboarded" ? "table__row--muted" : undefined}>
      <td className="table__mono table__nowrap">
        <Link to={vendorPath(v.id)}>{v.code}</Link>
      </td>
      <td className="table__primary">
        <Link to={vendorPath(v.id)} className="row-link">
          {v.name}
        </Link>
        <span className="muted vendor-row__kind">{t(`vendors.kind.${v.kind}`)}</span>
      </td>
      <td>
        <RatingBadge rating={v.rating} />
      </td>
      <td>
        <span className={`vendor-status vendor-status--${v.status}`}>{t(`vendors.status.${v.status}`)}</span>
      </td>
      <td className="table__nowrap">
        <ContractEnd vendor={v} />
      </td>
      <td className="table__nowrap">
        <NextReview vendor={v} />
      </td>
      <td className="table__numeric" data-testid="vendor-systems-count">
        {number(v.systems.length)}
      </td>
      <td>{v.owner?.displayName ?? <span className="muted">{t("vendors.noOwner")}</span>}</td>
      <CustomCells fields={custom} values={v.custom} personName={personName} />
    </tr>
  );
}

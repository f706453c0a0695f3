import type { VendorView } from "../../api/vendors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** The contract's end date, marked when it ends within 90 days (or has ended while the vendor is active). */
export function ContractEnd({ vendor }: { vendor: Pick<VendorView, "contractEnd" | "contractEndingSoon"> }) {
  const { t, day } = useI18n();
  if (!vendor.contractEnd) return <span className="muted">{t("vendors.noDate")}</span>;
  return (
    <span className="due" data-testid="vendor-contract-end-date">
      {day(vendor.contractEnd)}
      {vendor.contractEndingSoon && (
        <span className="ending-badge" data-testid="vendor-ending-soon">
          {t("vendors.endingSoon")}
        </span>
      )}
    </span>
  );
}

/** When the next review falls due, marked when it is overdue. */
export function NextReview({ vendor }: { vendor: Pick<VendorView, "nextReviewOn" | "reviewOverdue"> }) {
  const { t, day } = useI18n();
  if (!vendor.nextReviewOn) return <span className="muted">{t("vendors.noDate")}</span>;
  return (
    <span className={vendor.reviewOverdue ? "due due--overdue" : "due"} data-testid="vendor-next-review">
      {day(vendor.nextReviewOn)}
      {vendor.reviewOverdue && (
        <span className="overdue-badge" data-testid="vendor-review-overdue">
          {t("vendors.reviewOverdue")}
        </span>
      )}
    </span>
  );
}

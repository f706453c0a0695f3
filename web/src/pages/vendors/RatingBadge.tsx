import type { Rating } from "../../api/vendors.ts";
import { toneStyle } from "../../components/StatusBadge.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { RATING_TONES } from "./rating.ts";

/** A vendor's risk rating as a coloured pill, green (low) to dark red (critical), grey before any review. */
export function RatingBadge({ rating, testId }: { rating: Rating; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className="status-badge" style={toneStyle(RATING_TONES[rating])} data-rating={rating} data-testid={testId ?? "vendor-rating"}>
      {t(`vendors.rating.${rating}`)}
    </span>
  );
}

import type { CSSProperties } from "react";
import type { RiskMatrix, RiskRating } from "../../api/risks.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { bandAt, localName, textOn } from "./risk-matrix.ts";

/** Band colours as CSS custom properties (set through the CSSOM, which the CSP allows). */
export function bandStyle(color: string): CSSProperties {
  return { "--band": color, "--band-text": textOn(color) } as CSSProperties;
}

interface RatingBadgeProps {
  rating: RiskRating | null;
  /** With the matrix, the tooltip names the levels ("Likely × Major"). */
  matrix?: RiskMatrix | undefined;
}

/**
 * A rating as its band's colour and name with the levels (`High 4×3`), the way the heat map
 * shows it, so a row in the register and its cell on the map look alike.
 */
export function RatingBadge({ rating, matrix }: RatingBadgeProps) {
  const { t, lang } = useI18n();
  if (!rating) return <span className="muted">{t("risks.rating.none")}</span>;
  const l = matrix?.likelihood[rating.likelihood - 1];
  const i = matrix?.impact[rating.impact - 1];
  const title = l && i ? t("risks.rating.tooltip", { likelihood: localName(l, lang), impact: localName(i, lang) }) : undefined;
  const levels = `${rating.likelihood}×${rating.impact}`;
  if (!rating.band) {
    return (
      <span className="rating-badge rating-badge--none" title={title}>
        {t("risks.rating.noBand")} <span className="rating-badge__levels">{levels}</span>
      </span>
    );
  }
  return (
    <span className="rating-badge" style={bandStyle(rating.band.color)} title={title} data-band={rating.band.id}>
      {localName(rating.band, lang)} <span className="rating-badge__levels">{levels}</span>
    </span>
  );
}

/** The rating two level selects describe, as it will show once saved; nothing while either is unchosen (""). */
export function RatingPreview({ matrix, likelihood, impact }: { matrix: RiskMatrix; likelihood: string; impact: string }) {
  if (!likelihood || !impact) return null;
  const [l, i] = [Number(likelihood), Number(impact)];
  return <RatingBadge rating={{ likelihood: l, impact: i, band: bandAt(matrix, l, i) }} matrix={matrix} />;
}

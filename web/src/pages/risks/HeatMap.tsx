import { useId } from "react";
import { HEATMAP_BASES, type HeatmapBasis, type HeatmapView, type LevelLabel, type RiskMatrix } from "../../api/risks.ts";
import { Notice } from "../../components/Notice.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { MessageKey } from "../../i18n/en.ts";
import { bandStyle } from "./RatingBadge.tsx";
import { bandTotals, heatRows, localName, type CellPick, type HeatCell } from "./risk-matrix.ts";

const BASIS_LABELS: Record<HeatmapBasis, MessageKey> = { current: "risks.heatmap.basis.current", inherent: "risks.heatmap.basis.inherent" };

interface HeatMapProps {
  matrix: RiskMatrix;
  data: HeatmapView | undefined;
  error: unknown;
  basis: HeatmapBasis;
  onBasis(basis: HeatmapBasis): void;
  /** The cell filtering the list; only the current basis can filter (the list filters by current rating). */
  pick: CellPick | undefined;
  onPick(cell: HeatCell): void;
  onClearPick(): void;
  /** The band filtering the list, picked from the legend. */
  band: string;
  onBand(band: string): void;
  /** Which risks the map counts ("all risks", or one system's). */
  scope: string;
}

/**
 * The heat map: likelihood (highest at the top) × impact, each cell in its band's colour with the
 * number of risks rated there. A table, so screen readers announce both levels of every cell; a
 * cell is a toggle button that filters the register below.
 */
export function HeatMap(props: HeatMapProps) {
  const { matrix, data, error, basis, onBasis, pick, band, onBand, scope } = props;
  const { t, lang, number, errorMessage } = useI18n();
  const titleId = useId();
  const rows = heatRows(matrix, data?.counts);
  const interactive = basis === "current";
  return (
    <section className="card heatmap-card" aria-labelledby={titleId}>
      <div className="heatmap-card__header">
        <h2 className="card__title" id={titleId}>
          {t("risks.heatmap.title")}
        </h2>
        <div className="segmented" role="group" aria-label={t("risks.heatmap.basis")}>
          {HEATMAP_BASES.map((b) => (
            <button key={b} type="button" className="segmented__button" aria-pressed={basis === b} onClick={() => onBasis(b)} data-testid={`heatmap-basis-${b}`}>
              {t(BASIS_LABELS[b])}
            </button>
          ))}
        </div>
      </div>
      <p className="heatmap-card__scope muted">
        {scope}
        {data && ` · ${t("risks.heatmap.total", { count: number(data.total) })}`}
      </p>
      {error !== undefined && <Notice kind="error">{errorMessage(error)}</Notice>}
      <div className="heatmap-layout">
        <div className="heatmap-scroll">
          <table className="heatmap" data-testid="risk-heatmap" data-basis={basis} aria-busy={!data && error === undefined}>
            <caption className="visually-hidden">{t("risks.heatmap.caption", { basis: t(BASIS_LABELS[basis]) })}</caption>
            <thead>
              <tr>
                <td colSpan={2} />
                <th scope="colgroup" colSpan={matrix.impact.length} className="heatmap__axis">
                  {t("risks.heatmap.impact")}
                </th>
              </tr>
              <tr>
                <td colSpan={2} />
                {matrix.impact.map((label, i) => (
                  <th key={i} scope="col" className="heatmap__level heatmap__level--col">
                    <LevelName level={i + 1} label={label} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={row.likelihood}>
                  {index === 0 && (
                    <th scope="rowgroup" rowSpan={rows.length} className="heatmap__axis heatmap__axis--vertical">
                      <span>{t("risks.heatmap.likelihood")}</span>
                    </th>
                  )}
                  <th scope="row" className="heatmap__level heatmap__level--row">
                    <LevelName level={row.likelihood} label={row.label} />
                  </th>
                  {row.cells.map((cell) => (
                    <td key={cell.impact} className="heatmap__td">
                      <Cell cell={cell} matrix={matrix} interactive={interactive} pressed={pick?.likelihood === cell.likelihood && pick.impact === cell.impact} onPick={() => props.onPick(cell)} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Legend matrix={matrix} data={data} band={band} onBand={interactive ? onBand : undefined} />
      </div>
      {!interactive && <p className="card__hint">{t("risks.heatmap.inherentHint")}</p>}
      {pick && (
        <p className="heatmap-card__pick" data-testid="heatmap-pick">
          {t("risks.heatmap.picked", { likelihood: cellName(matrix, "likelihood", pick.likelihood, lang), impact: cellName(matrix, "impact", pick.impact, lang) })}
          <button type="button" className="button button--small" onClick={props.onClearPick} data-testid="heatmap-clear">
            {t("risks.heatmap.clear")}
          </button>
        </p>
      )}
    </section>
  );
}

function cellName(matrix: RiskMatrix, axis: "likelihood" | "impact", level: number, lang: "ja" | "en"): string {
  const label = matrix[axis][level - 1];
  return label ? `${level} ${localName(label, lang)}` : String(level);
}

interface CellProps {
  cell: HeatCell;
  matrix: RiskMatrix;
  interactive: boolean;
  pressed: boolean;
  onPick(): void;
}

/** One cell: the count on the band colour, a toggle button on the current basis. */
function Cell({ cell, matrix, interactive, pressed, onPick }: CellProps) {
  const { t, lang, number } = useI18n();
  const label = t("risks.heatmap.cell", {
    likelihood: cellName(matrix, "likelihood", cell.likelihood, lang),
    impact: cellName(matrix, "impact", cell.impact, lang),
    band: cell.band ? localName(cell.band, lang) : t("risks.rating.noBand"),
    count: number(cell.count),
  });
  const className = `heatmap__cell${cell.count === 0 ? " heatmap__cell--empty" : ""}${pressed ? " heatmap__cell--picked" : ""}`;
  const style = cell.band ? bandStyle(cell.band.color) : undefined;
  const testId = `heatmap-cell-${cell.likelihood}-${cell.impact}`;
  if (!interactive) {
    return (
      <span className={className} style={style} data-testid={testId} data-count={cell.count}>
        <span aria-hidden="true">{number(cell.count)}</span>
        <span className="visually-hidden">{label}</span>
      </span>
    );
  }
  return (
    <button type="button" className={className} style={style} aria-pressed={pressed} aria-label={label} title={label} onClick={onPick} data-testid={testId} data-count={cell.count}>
      {number(cell.count)}
    </button>
  );
}

/** The bands with their totals; on the current basis a band is a toggle that filters the register by it. */
function Legend({ matrix, data, band, onBand }: { matrix: RiskMatrix; data: HeatmapView | undefined; band: string; onBand: ((band: string) => void) | undefined }) {
  const { t, lang, number } = useI18n();
  return (
    <ul className="stack-list heatmap-legend" aria-label={t("risks.heatmap.legend")} data-testid="heatmap-legend">
      {bandTotals(matrix, data?.byBand)
        .slice()
        .reverse()
        .map(({ band: b, n }) => {
          const content = (
            <>
              <span className="heatmap-legend__swatch" style={bandStyle(b.color)} aria-hidden="true" />
              <span className="heatmap-legend__name">{localName(b, lang)}</span>
              <span className="heatmap-legend__n">{number(n)}</span>
            </>
          );
          return (
            <li key={b.id}>
              {onBand ? (
                <button
                  type="button"
                  className="heatmap-legend__item"
                  aria-pressed={band === b.id}
                  onClick={() => onBand(band === b.id ? "" : b.id)}
                  title={t("risks.heatmap.bandFilter", { band: localName(b, lang) })}
                  data-testid={`heatmap-band-${b.id}`}
                >
                  {content}
                </button>
              ) : (
                <span className="heatmap-legend__item" data-testid={`heatmap-band-${b.id}`}>
                  {content}
                </span>
              )}
            </li>
          );
        })}
    </ul>
  );
}

/** A level as the heat map's axes name it: its number, then its name in the UI language. */
export function LevelName({ level, label }: { level: number; label: LevelLabel }) {
  const { lang } = useI18n();
  return (
    <>
      <span className="heatmap__num">{level}</span>
      {localName(label, lang)}
    </>
  );
}

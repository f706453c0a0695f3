import type { RiskMatrix } from "../../api/risks.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { levelOption } from "./risk-matrix.ts";

interface LevelSelectProps {
  matrix: RiskMatrix;
  axis: "likelihood" | "impact";
  value: string;
  onChange(value: string): void;
  /** The first, empty choice ("choose…", or "not assessed" for a residual level). */
  emptyLabel: string;
  testId?: string;
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}

/** A likelihood or impact level, named as the organisation's matrix names it ("3 · Possible"). */
export function LevelSelect({ matrix, axis, value, onChange, emptyLabel, testId, ...aria }: LevelSelectProps) {
  const { lang } = useI18n();
  const levels = matrix[axis].map((_, i) => i + 1);
  const known = value === "" || levels.includes(Number(value));
  return (
    <select className="input" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} {...aria}>
      <option value="">{emptyLabel}</option>
      {!known && <option value={value}>{value}</option>}
      {levels.map((l) => (
        <option key={l} value={String(l)}>
          {levelOption(matrix, axis, l, lang)}
        </option>
      ))}
    </select>
  );
}

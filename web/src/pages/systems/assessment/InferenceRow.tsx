import type { InferenceProposal } from "../../../api/systems.ts";
import { LocalText } from "../../../components/LocalText.tsx";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import { plainText } from "../../../i18n/text.ts";
import { StatusBadge } from "../Badges.tsx";

/** One proposal: the row, the answer it would get, where from, through which crosswalk steps, and how strong. */
export function InferenceRow({ proposal: p, checked, onToggle }: { proposal: InferenceProposal; checked: boolean; onToggle(on: boolean): void }) {
  const { t, lang } = useI18n();
  const target = plainText(p.requirement.label, lang);
  return (
    <tr data-testid={`proposal-${p.itemId}`} data-full={p.full}>
      <td>
        <input type="checkbox" checked={checked} onChange={(e) => onToggle(e.target.checked)} aria-label={t("systems.infer.pickRow", { requirement: target })} />
      </td>
      <td>
        <LocalText text={p.requirement?.label} mark="none" />
      </td>
      <td>
        <StatusBadge status={p.proposed} />
      </td>
      <td>
        <span className="infer__source">
          <LocalText text={p.source?.requirement?.frameworkName} mark="compact" />
          {" · "}
          <LocalText text={p.source?.requirement?.label} mark="none" />
        </span>
        <StatusBadge status={p.source.answer} />
      </td>
      <td>
        <ol className="chain" aria-label={t("systems.infer.chain")}>
          {(p.chain ?? []).map((step, i) => (
            <li key={i} className={`chain__step chain__step--${step.relationship}`} title={plainText(step.rationale, lang)}>
              <span className="chain__rel">{t(`systems.infer.rel.${step.relationship}`)}</span>
              {step.provenance === "official" && <span className="tag tag--neutral">{t("systems.infer.official")}</span>}
            </li>
          ))}
        </ol>
      </td>
      <td>
        <span className={p.full ? "strength strength--full" : "strength strength--partial"}>
          {t(p.full ? "systems.infer.full" : "systems.infer.partial")}
        </span>
        <span className="muted infer__weakest">{t(`systems.infer.rel.${p.relationship}`)}</span>
      </td>
    </tr>
  );
}

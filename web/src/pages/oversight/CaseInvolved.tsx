import type { CaseDetail } from "../../api/oversight.ts";
import { Card } from "../../components/Card.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { NameText } from "./SenderName.tsx";

/** The organisations whose submissions the case groups, and the AI systems each reported. */
export function CaseInvolved({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  return (
    <Card title={t("oversight.case.involved")} titleId="case-involved-title" testId="case-involved">
      {detail.involved.length === 0 ? (
        <p className="muted">{t("oversight.case.noneInvolved")}</p>
      ) : (
        <ul className="stack-list case-involved">
          {detail.involved.map((o) => (
            <li key={o.party} data-testid="case-organisation">
              <strong>
                <NameText name={o.name} />
              </strong>
              {o.systems.length === 0 ? (
                <span className="muted"> {t("oversight.case.noSystems")}</span>
              ) : (
                <ul className="plain-list case-involved__systems">
                  {o.systems.map((s) => (
                    <li key={s.code} data-testid="case-system">
                      <span className="table__mono">{s.code}</span> <NameText name={s.name} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

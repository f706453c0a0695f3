import { useState } from "react";
import { evidenceApi, type ControlView } from "../../api/compliance.ts";
import { Card } from "../../components/Card.tsx";
import { Pager } from "../../components/Pager.tsx";
import { usePagedList } from "../../hooks/usePagedList.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { EvidenceDialog } from "../evidence/EvidenceDialog.tsx";
import { EvidenceTable } from "../evidence/EvidenceTable.tsx";
import "../evidence/evidence.css";

/** The evidence linked to a control, with its expiry, and a way to add more. */
export function ControlEvidence({ control, onChanged }: { control: ControlView; onChanged(): void }) {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const manage = can("evidence.manage");
  const [paging, setPaging] = useState({ limit: 10, offset: 0 });
  const list = usePagedList(evidenceApi.list, { ...paging, sort: "-createdAt", targetType: "control" as const, targetId: control.id });
  const [adding, setAdding] = useState(false);

  return (
    <Card
      title={t("controls.evidence.title")}
      titleId="control-evidence-title"
      testId="control-evidence"
      actions={
        manage && (
          <button type="button" className="button button--small button--primary" onClick={() => setAdding(true)} data-testid="add-control-evidence">
            {t("evidence.add")}
          </button>
        )
      }
    >
      <p className="card__lead">{t("controls.evidence.lead")}</p>
      <EvidenceTable list={list} manage={manage} filtered={false} emptyMessage={t("controls.evidence.none")} showLinks={false} onChanged={onChanged} />
      {list.page && list.page.total > paging.limit && <Pager total={list.page.total} limit={paging.limit} offset={paging.offset} onChange={setPaging} />}
      {adding && (
        <EvidenceDialog
          link={{ type: "control", id: control.id }}
          onClose={() => setAdding(false)}
          onCreated={() => {
            list.reload();
            onChanged();
          }}
        />
      )}
    </Card>
  );
}

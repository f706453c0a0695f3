import { useState } from "react";
import { assessmentsApi, type AssessmentView, type ItemGroup, type ItemListParams, type ItemStatus, type ItemView, type SystemView } from "../../../api/systems.ts";
import type { BilingualText } from "../../../api/types.ts";
import { LoadState } from "../../../components/LoadState.tsx";
import { LocalText } from "../../../components/LocalText.tsx";
import { Notice } from "../../../components/Notice.tsx";
import type { NoticeMessage } from "../../../components/notice-message.ts";
import { Pager } from "../../../components/Pager.tsx";
import { TableState } from "../../../components/TableState.tsx";
import { usePagedList } from "../../../hooks/usePagedList.ts";
import { useResource } from "../../../hooks/useResource.ts";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../../session/SessionProvider.tsx";
import { AssessmentHeader } from "./AssessmentHeader.tsx";
import { ChangesBanner } from "./ChangesBanner.tsx";
import { EvidenceDialog } from "./EvidenceDialog.tsx";
import { InferenceDialog } from "./InferenceDialog.tsx";
import { ItemDialog } from "./ItemDialog.tsx";
import { ItemRow } from "./ItemRow.tsx";
import { fetchSignOffCheck, signOffBlocks } from "./sign-off-gate.ts";
import { SignOffDialog } from "./SignOffDialog.tsx";
import { useItemSaver } from "./useItemSaver.ts";
import { XlsxActions } from "./XlsxActions.tsx";
import { XlsxImportDialog } from "./XlsxImportDialog.tsx";
import { appliedNotice } from "./xlsx-report.ts";

interface AssessmentPanelProps {
  assessmentId: string;
  system: SystemView;
  /** The framework's name in the UI language. */
  name: BilingualText;
  /** The system's other assessments, to infer answers from. */
  others: AssessmentView[];
  canAnswer: boolean;
  onChanged(): void;
}

interface Filters {
  limit: number;
  offset: number;
  group: ItemGroup | "";
  change: "" | "new" | "removed" | "any";
}

const COLUMNS = 7;

function listParams(f: Filters): ItemListParams {
  return {
    limit: f.limit,
    offset: f.offset,
    ...(f.group && { group: f.group }),
    ...(f.change && { change: f.change }),
    ...((f.change === "removed" || f.change === "any") && { includeRemoved: "true" as const }),
  };
}

/** One assessment: its counts and sign-off, pending changes, and its rows to answer, with evidence. */
export function AssessmentPanel({ assessmentId, system, name, others, canAnswer, onChanged }: AssessmentPanelProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { can, session } = useSignedIn();
  const canSignOff = can("assessments.sign_off");
  const assessment = useResource((signal) => assessmentsApi.get(assessmentId, signal), assessmentId);
  const check = useResource((signal) => (canSignOff ? fetchSignOffCheck(assessmentId, signal) : Promise.resolve(undefined)), assessmentId);
  const [filters, setFilters] = useState<Filters>({ limit: 50, offset: 0, group: "", change: "" });
  const items = usePagedList((p: ItemListParams, signal) => assessmentsApi.items(assessmentId, p, signal), listParams(filters));
  const [editing, setEditing] = useState<{ item: ItemView; status?: ItemStatus }>();
  const [evidenceFor, setEvidenceFor] = useState<ItemView>();
  const [dialog, setDialog] = useState<"signOff" | "infer" | "xlsx">();
  const [notice, setNotice] = useState<NoticeMessage>();
  const refresh = () => {
    assessment.reload();
    check.reload();
    onChanged();
  };
  const saver = useItemSaver(items, refresh, setNotice);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, offset: 0, ...patch }));
  const a = assessment.data;

  if (!a) return <LoadState loading={assessment.loading} error={assessment.error} onRetry={assessment.reload} />;
  return (
    <section className="assessment" data-testid="assessment-panel" aria-labelledby="assessment-title">
      <AssessmentHeader
        assessment={a}
        name={name}
        canInfer={canAnswer && others.length > 0}
        canSignOff={canSignOff}
        signOffBlocks={signOffBlocks(a, check.data, session.user.id)}
        onInfer={() => setDialog("infer")}
        onSignOff={() => setDialog("signOff")}
      />
      {notice && (
        <Notice kind={notice.kind} onDismiss={() => setNotice(undefined)} testId="assessment-notice">
          {notice.text(i18n)}
        </Notice>
      )}
      <ChangesBanner assessment={a} canAcknowledge={canAnswer} onShow={() => set({ change: "any" })} onAcknowledged={refresh} />
      <div className="toolbar">
        <select className="input" aria-label={t("systems.assess.filter.group")} value={filters.group} onChange={(e) => set({ group: e.target.value as ItemGroup | "" })} data-testid="items-group">
          <option value="">{t("systems.assess.filter.allRows")}</option>
          <option value="open">{t("systems.assess.filter.open")}</option>
          <option value="gap">{t("systems.assess.filter.gap")}</option>
          <option value="done">{t("systems.assess.filter.done")}</option>
        </select>
        <select className="input" aria-label={t("systems.assess.filter.change")} value={filters.change} onChange={(e) => set({ change: e.target.value as Filters["change"] })}>
          <option value="">{t("systems.assess.filter.anyChange")}</option>
          <option value="any">{t("systems.assess.filter.changed")}</option>
          <option value="new">{t("systems.assess.change.new")}</option>
          <option value="removed">{t("systems.assess.change.removed")}</option>
        </select>
        <XlsxActions assessmentId={assessmentId} canImport={canAnswer} onImport={() => setDialog("xlsx")} />
      </div>
      <div className="table-wrap">
        <table className="table items-table" aria-busy={items.loading} data-testid="items-table">
          <thead>
            <tr>
              <th scope="col">{t("systems.assess.col.requirement")}</th>
              <th scope="col">{t("systems.assess.col.status")}</th>
              <th scope="col">{t("systems.assess.col.owner")}</th>
              <th scope="col">{t("systems.assess.col.due")}</th>
              <th scope="col">{t("systems.assess.col.controls")}</th>
              <th scope="col">{t("systems.assess.col.evidence")}</th>
              <th scope="col" className="table__actions">{t("common.actions")}</th>
            </tr>
          </thead>
          <tbody>
            <TableState
              colSpan={COLUMNS}
              loading={items.loading}
              error={items.error}
              count={items.page?.items.length ?? 0}
              filtered={filters.group !== "" || filters.change !== ""}
              emptyMessage={t("systems.assess.noRows")}
              onRetry={items.reload}
              onClearFilters={() => set({ group: "", change: "" })}
            />
            {!items.error &&
              items.page?.items.map((item) => (
                <ItemRow
                  key={item.id}
                  item={item}
                  canAnswer={canAnswer}
                  canAddEvidence={can("evidence.manage") && canAnswer}
                  onStatus={(status) => (status === "not_applicable" ? setEditing({ item, status }) : saver.save(item, { status }))}
                  onEdit={() => setEditing({ item })}
                  onAddEvidence={() => setEvidenceFor(item)}
                />
              ))}
          </tbody>
        </table>
      </div>
      {items.page && <Pager total={items.page.total} limit={filters.limit} offset={filters.offset} onChange={(p) => setFilters((f) => ({ ...f, ...p }))} />}
      {editing && <ItemDialog item={editing.item} presetStatus={editing.status} onSave={(input) => saver.save(editing.item, input, { quiet: true })} onClose={() => setEditing(undefined)} />}
      {evidenceFor && (
        <EvidenceDialog
          item={evidenceFor}
          onClose={() => setEvidenceFor(undefined)}
          onAdded={() => {
            setEvidenceFor(undefined);
            items.reload();
            setNotice({ kind: "success", text: (i) => i.t("systems.evidence.added") });
          }}
        />
      )}
      {dialog === "signOff" && <SignOffDialog assessment={a} name={name} check={check.data} onClose={() => setDialog(undefined)} onSigned={refresh} onShowOpen={() => set({ group: "open", change: "" })} />}
      {dialog === "infer" && (
        <InferenceDialog
          assessment={a}
          others={others}
          onClose={() => setDialog(undefined)}
          onAccepted={(n) => {
            items.reload();
            refresh();
            setNotice({ kind: "success", text: (i) => i.t("systems.infer.accepted", { count: i.number(n) }) });
          }}
        />
      )}
      {dialog === "xlsx" && (
        <XlsxImportDialog
          assessmentId={assessmentId}
          onClose={() => setDialog(undefined)}
          onApplied={(result) => {
            items.reload();
            refresh();
            setNotice(appliedNotice(result));
          }}
        />
      )}
      <p className="assessment__foot muted">
        <LocalText text={name} mark="none" /> {t("systems.assess.version", { version: a.frameworkVersion })} · {system.code}
      </p>
    </section>
  );
}

import { useState } from "react";
import type { SystemView } from "../../../api/systems.ts";
import { vendorLinksOf } from "../../../api/vendors.ts";
import { RecordCustomFacts } from "../../../components/custom/RecordCustomFacts.tsx";
import { departmentName } from "../../../hooks/useDepartments.ts";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import { ReviewDate } from "../Badges.tsx";
import { CycloneDxDialog } from "../CycloneDxDialog.tsx";
import { ModelCardDialog } from "../ModelCardDialog.tsx";
import { SystemEditor } from "../form/SystemEditor.tsx";
import { PostureBars } from "../PostureBars.tsx";
import { TechnologyTables } from "../TechnologyTables.tsx";
import { SystemVendorList } from "../../vendors/SystemVendorList.tsx";

interface OverviewTabProps {
  system: SystemView;
  canEdit: boolean;
  onChange(system: SystemView): void;
}

/** 概要: the stated facts and the organisation's own fields, owners, frameworks in scope with their posture, and the technology it is built from. */
export function OverviewTab({ system: s, canEdit, onChange }: OverviewTabProps) {
  const { t, lang, day, dateTime } = useI18n();
  const [editing, setEditing] = useState(false);
  const [importing, setImporting] = useState(false);
  const [readingCard, setReadingCard] = useState(false);
  const regions = new Intl.DisplayNames([lang], { type: "region", fallback: "code" });
  const none = <span className="muted">—</span>;
  const list = (values: string[], show = (v: string) => v) =>
    values.length === 0 ? none : values.map((v) => <span key={v} className="chip">{show(v)}</span>);

  if (editing) {
    return (
      <SystemEditor
        system={s}
        onSaved={(next) => {
          onChange(next);
          setEditing(false);
        }}
        onCancel={() => setEditing(false)}
      />
    );
  }

  return (
    <div className="overview" data-testid="system-overview">
      {canEdit && (
        <div className="overview__actions">
          <button type="button" className="button" onClick={() => setImporting(true)} data-testid="bom-import">
            {t("systems.bom.open")}
          </button>
          <button type="button" className="button" onClick={() => setReadingCard(true)} data-testid="model-card-import">
            {t("modelCard.open")}
          </button>
          <button type="button" className="button button--primary" onClick={() => setEditing(true)} data-testid="system-edit">
            {t("systems.edit")}
          </button>
        </div>
      )}
      <div className="two-column">
        <div className="stack">
          <section className="card">
            <h2 className="card__title">{t("systems.overview.facts")}</h2>
            <dl className="facts">
              <dt>{t("systems.field.purpose")}</dt>
              <dd className="overview__purpose">{s.purpose || none}</dd>
              <dt>{t("systems.field.businessOwnerId")}</dt>
              <dd>{s.businessOwner ? `${s.businessOwner.displayName} <${s.businessOwner.email}>` : none}</dd>
              <dt>{t("systems.field.technicalOwnerId")}</dt>
              <dd>{s.technicalOwner ? `${s.technicalOwner.displayName} <${s.technicalOwner.email}>` : none}</dd>
              <dt>{t("systems.field.departmentId")}</dt>
              <dd>{s.department ? `${s.department.code} — ${departmentName(s.department, lang)}` : none}</dd>
              <dt>{t("systems.field.lastReviewedAt")}</dt>
              <dd>{s.lastReviewedAt ? day(s.lastReviewedAt) : none}</dd>
              <dt>{t("systems.field.nextReviewAt")}</dt>
              <dd>
                <ReviewDate date={s.nextReviewAt} lifecycle={s.lifecycle} />
              </dd>
              <dt>{t("systems.field.countries")}</dt>
              <dd>{list(s.countries, (c) => (c === "EU" ? t("systems.form.eu") : `${regions.of(c) ?? c} (${c})`))}</dd>
              <dt>{t("systems.field.vendors")}</dt>
              <dd>
                <SystemVendorList links={vendorLinksOf(s)} names={s.vendors} />
              </dd>
              <dt>{t("systems.field.tags")}</dt>
              <dd>{list(s.tags)}</dd>
              <dt>{t("systems.overview.updated")}</dt>
              <dd>{t("systems.overview.updatedLine", { date: dateTime(s.updatedAt), version: s.version })}</dd>
            </dl>
          </section>
          <RecordCustomFacts entity="system" values={s.custom} />
        </div>
        <section className="card">
          <h2 className="card__title">{t("systems.overview.posture")}</h2>
          {s.classifiedOn && <p className="card__lead">{t("systems.overview.classifiedOn", { date: day(s.classifiedOn) })}</p>}
          <PostureBars system={s} />
        </section>
      </div>
      <TechnologyTables system={s} />
      {importing && (
        <CycloneDxDialog
          system={s}
          onClose={() => setImporting(false)}
          onImported={(next) => {
            onChange(next);
            setImporting(false);
          }}
        />
      )}
      {readingCard && (
        <ModelCardDialog
          system={s}
          onClose={() => setReadingCard(false)}
          onImported={(next) => {
            onChange(next);
            setReadingCard(false);
          }}
        />
      )}
    </div>
  );
}

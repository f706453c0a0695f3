import { CONTROL_STATUSES, type ControlStatus, type ControlView } from "../../api/compliance.ts";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { StatusButtons } from "../../components/StatusButtons.tsx";
import { ITEM_STATUS_LABELS, ITEM_STATUS_TONES } from "../../components/status-tones.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { groupByFramework } from "./control-paths.ts";

interface ControlFactsProps {
  control: ControlView;
  /** Changes the status; absent for people who may not manage controls. */
  onStatus: ((status: ControlStatus) => Promise<void>) | undefined;
}

/** The control's status (one click to change it), owner, description and what it covers. */
export function ControlFacts({ control, onStatus }: ControlFactsProps) {
  const { t, number, dateTime } = useI18n();
  const frameworks = groupByFramework(control.requirements).length;
  return (
    <section className="card control-facts" aria-label={t("controls.facts")}>
      <dl className="facts">
        <dt>{t("controls.field.code")}</dt>
        <dd className="table__mono">{control.code}</dd>
        <dt>{t("controls.field.status")}</dt>
        <dd>
          {onStatus ? (
            <StatusButtons
              statuses={CONTROL_STATUSES}
              current={control.status}
              onStatus={onStatus}
              tone={(s) => ITEM_STATUS_TONES[s]}
              label={(s) => t(ITEM_STATUS_LABELS[s])}
              groupLabel={t("controls.changeStatus")}
              testId="status-buttons"
            />
          ) : (
            <StatusBadge status={control.status} />
          )}
        </dd>
        <dt>{t("controls.field.owner")}</dt>
        <dd>{control.owner?.displayName ?? <span className="muted">{t("controls.noOwner")}</span>}</dd>
        <dt>{t("controls.field.description")}</dt>
        <dd className="pre-text">{control.description || <span className="muted">{t("controls.noDescription")}</span>}</dd>
        <dt>{t("controls.col.coverage")}</dt>
        <dd data-testid="control-coverage">
          {t("controls.coverage.long", { requirements: number(control.requirements.length), frameworks: number(frameworks), rows: number(control.rows) })}
        </dd>
        <dt>{t("controls.col.updated")}</dt>
        <dd>{dateTime(control.updatedAt)}</dd>
      </dl>
    </section>
  );
}

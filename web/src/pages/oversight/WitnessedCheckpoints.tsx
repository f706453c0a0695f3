import { oversightApi, type WitnessedCheckpoint } from "../../api/oversight.ts";
import { LoadState } from "../../components/LoadState.tsx";
import { Notice } from "../../components/Notice.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/**
 * The ledger checkpoints the authority witnessed for one registered organisation: each signed head
 * of its audit ledger as it arrived, newest first. A checkpoint that contradicts an earlier one —
 * another hash for a number already seen, or a number below the highest — means the
 * organisation's ledger was rewritten or rolled back, and is flagged at the top. Loaded when shown.
 */
export function WitnessedCheckpoints({ connectionId }: { connectionId: string }) {
  const { t, number } = useI18n();
  const list = useResource((signal) => oversightApi.checkpoints(connectionId, signal), connectionId);
  if (!list.data) return <LoadState loading={list.loading} error={list.error} onRetry={list.reload} />;
  const rows = list.data;
  const conflicts = rows.filter((r) => r.conflict !== null);
  return (
    <div className="checkpoints" data-testid="registration-checkpoints">
      <p className="table__note">{t("oversight.checkpoints.explain")}</p>
      {conflicts.length > 0 && (
        <Notice kind="error" testId="checkpoint-conflict-warning">
          {t("oversight.checkpoints.conflictWarning", { count: number(conflicts.length) })}
        </Notice>
      )}
      {rows.length === 0 ? (
        <p className="muted" data-testid="checkpoints-none">
          {t("oversight.checkpoints.none")}
        </p>
      ) : (
        <ol className="checkpoint-list">
          {rows.map((c) => (
            <CheckpointRow key={`${c.seq}-${c.hash}`} checkpoint={c} />
          ))}
        </ol>
      )}
      {rows.length >= 100 && <p className="table__note">{t("oversight.checkpoints.limited", { count: number(100) })}</p>}
    </div>
  );
}

function CheckpointRow({ checkpoint: c }: { checkpoint: WitnessedCheckpoint }) {
  const { t, dateTime, number } = useI18n();
  return (
    <li className={c.conflict ? "checkpoint checkpoint--conflict" : "checkpoint"} data-testid="checkpoint" data-conflict={c.conflict ?? undefined}>
      <span className="checkpoint__seq">{t("oversight.checkpoints.seq", { seq: number(c.seq) })}</span>
      <span className="checkpoint__when">{t("oversight.checkpoints.when", { signed: dateTime(c.signedAt), received: dateTime(c.receivedAt) })}</span>
      {c.conflict && <strong className="checkpoint__conflict">{t(c.conflict === "rewritten" ? "oversight.checkpoints.rewritten" : "oversight.checkpoints.rolledBack")}</strong>}
      <code className="proof-value checkpoint__hash" title={t("oversight.checkpoints.hash")}>
        {c.hash}
      </code>
    </li>
  );
}

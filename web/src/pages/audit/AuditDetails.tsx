import type { AuditEntry } from "../../api/types.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { entryChanges } from "./changes.ts";
import { ChangesTable } from "./ChangesTable.tsx";
import { Hash } from "./Hash.tsx";
import type { AuditRefs } from "./ledger.api.ts";
import { useLedgerWords, useLibraryNames } from "./useLedgerWords.ts";

/** An entry opened up: the fields it changed, in words, then its place in the chain. */
export function AuditDetails({ entry, refs }: { entry: AuditEntry; refs: AuditRefs }) {
  const { t } = useI18n();
  const words = useLedgerWords(refs, useLibraryNames());
  const rows = entryChanges(entry, words);
  const recorded = entry.before !== null || entry.after !== null;
  return (
    <div className="audit-details" data-testid={`audit-details-${entry.seq}`}>
      <section>
        <h3 className="audit-details__heading">{t("audit.details.changes")}</h3>
        {rows.length === 0 ? (
          <p className="audit-details__empty">{t(recorded ? "audit.details.noChanges" : "audit.details.noContent")}</p>
        ) : (
          <>
            <ChangesTable rows={rows} />
            <p className="audit-details__hint">{t("audit.details.onlyChanged")}</p>
          </>
        )}
      </section>
      <section>
        <h3 className="audit-details__heading">{t("audit.details.chain")}</h3>
        <dl className="audit-details__chain">
          <dt>{t("audit.details.prevHash")}</dt>
          <dd>
            <Hash value={entry.prevHash} full />
          </dd>
          <dt>{t("audit.details.hash")}</dt>
          <dd>
            <Hash value={entry.hash} full />
          </dd>
          {entry.requestId && (
            <>
              <dt>{t("audit.details.requestId")}</dt>
              <dd>
                <code className="hash hash--full">{entry.requestId}</code>
              </dd>
            </>
          )}
        </dl>
      </section>
    </div>
  );
}

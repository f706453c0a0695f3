import { useState } from "react";
import { auditApi } from "../../api/endpoints.ts";
import type { VerifyReport } from "../../api/types.ts";
import { Notice } from "../../components/Notice.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Hash } from "./Hash.tsx";

/** "Verify chain": walks the organisation's ledger on the server and shows intact or the first break. */
export function VerifyPanel() {
  const { t, label, dateTime, number, errorMessage } = useI18n();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<VerifyReport>();
  const [error, setError] = useState<unknown>();

  const verify = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setReport(await auditApi.verify());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="verify">
      <button type="button" className="button" onClick={verify} disabled={busy} data-testid="audit-verify">
        {busy ? t("audit.verifying") : t("audit.verify")}
      </button>
      {error !== undefined && <Notice kind="error">{errorMessage(error)}</Notice>}
      {report && (
        <div className={report.ok ? "verify__report verify__report--ok" : "verify__report verify__report--broken"} data-testid="audit-verify-result" data-ok={report.ok}>
          <p className="verify__verdict" role="status">
            <span aria-hidden="true">{report.ok ? "✓" : "✗"}</span>
            {report.ok ? t("audit.verify.ok") : t("audit.verify.broken")}
          </p>
          <dl className="verify__facts">
            <div>
              <dt>{t("audit.verify.entries")}</dt>
              <dd>{number(report.entries)}</dd>
            </div>
            <div>
              <dt>{t("audit.verify.headSeq")}</dt>
              <dd>{number(report.headSeq)}</dd>
            </div>
            <div className="verify__hash">
              <dt>{t("audit.verify.headHash")}</dt>
              <dd>
                <Hash value={report.headHash} full />
              </dd>
            </div>
            <div>
              <dt>{t("audit.verify.verifiedAt")}</dt>
              <dd>{dateTime(report.verifiedAt, "precise")}</dd>
            </div>
          </dl>
          {report.firstBreak && (
            <div className="verify__break">
              <p>
                <strong>{t("audit.verify.firstBreak")}</strong>
                {" "}
                {t("audit.verify.breakAt", { seq: report.firstBreak.seq, reason: label("audit.breakReason.", report.firstBreak.reason) })}
              </p>
              <dl className="audit-details__chain">
                <dt>{t("audit.verify.expected")}</dt>
                <dd>
                  <Hash value={report.firstBreak.expected} full />
                </dd>
                <dt>{t("audit.verify.found")}</dt>
                <dd>
                  <Hash value={report.firstBreak.found} full />
                </dd>
              </dl>
            </div>
          )}
          {report.ok && <p className="verify__hint">{t("audit.verify.headHint")}</p>}
        </div>
      )}
    </div>
  );
}

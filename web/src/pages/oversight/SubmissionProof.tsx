import { Card } from "../../components/Card.tsx";
import { Disclosure } from "../../components/Disclosure.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

interface SubmissionProofProps {
  payloadSha256: string;
  /** The signed message as received (compact JWS); null for a report from the public form. */
  message: string | null;
}

/**
 * The proof of who sent what: the payload's SHA-256 and the signed message, which anyone can verify
 * against the sender's registered key. The message is long, so it stays folded until asked for.
 */
export function SubmissionProof({ payloadSha256, message }: SubmissionProofProps) {
  const { t } = useI18n();
  return (
    <Card title={t("oversight.proof.title")} titleId="submission-proof-title" testId="submission-proof">
      <p className="card__hint">{t("oversight.proof.explain")}</p>
      <dl className="facts">
        <dt>{t("oversight.proof.sha256")}</dt>
        <dd>
          <code className="proof-value" lang="zxx" translate="no" data-testid="submission-sha256">
            {payloadSha256}
          </code>
        </dd>
      </dl>
      {message ? (
        <Disclosure summary={t("oversight.proof.message")} testId="submission-message">
          {() => <pre className="proof-value proof-value--block" lang="zxx" translate="no">
              {message}
            </pre>}
        </Disclosure>
      ) : (
        <p className="muted">{t("oversight.proof.noMessage")}</p>
      )}
    </Card>
  );
}

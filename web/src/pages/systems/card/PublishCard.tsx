import { useState } from "react";
import { publicationsApi } from "../../../api/disclosures.ts";
import type { SystemView } from "../../../api/systems.ts";
import { ConfirmDialog } from "../../../components/ConfirmDialog.tsx";
import { Notice } from "../../../components/Notice.tsx";
import { useResource } from "../../../hooks/useResource.ts";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../../session/SessionProvider.tsx";
import { PublicLink } from "../../disclosures/PublicLink.tsx";

/**
 * The system's card on the public trust page: the version served now, if any, with its public
 * address, and — for those who speak for the organisation — publishing the card as it stands.
 */
export function PublishCard({ system }: { system: Pick<SystemView, "id" | "code"> }) {
  const { t, number, dateTime } = useI18n();
  const { can } = useSignedIn();
  const list = useResource((signal) => publicationsApi.list(signal), `publications:${system.id}`);
  const [confirming, setConfirming] = useState(false);
  const [published, setPublished] = useState<{ number: number; publicPath: string }>();
  const live = list.data?.find((p) => p.kind === "system-card" && p.subject === system.code && !p.withdrawnAt);

  return (
    <section className="card" aria-labelledby="card-publish-title" data-testid="card-publish">
      <h2 className="card__title" id="card-publish-title">
        {t("disclosures.card.title")}
      </h2>
      <p className="card__hint">{t("disclosures.card.hint")}</p>
      {published ? (
        <Notice kind="success" testId="card-published">
          {t("disclosures.card.published", { n: number(published.number) })} <PublicLink path={published.publicPath} />
        </Notice>
      ) : live ? (
        <p data-testid="card-live">
          {t("disclosures.card.live", { n: number(live.number), date: dateTime(live.publishedAt) })} <PublicLink path={live.publicPath} />
        </p>
      ) : (
        list.data && <p className="muted">{t("disclosures.card.notPublished")}</p>
      )}
      {can("disclosures.publish") && (
        <div className="system-card-tab__links">
          <button type="button" className="button" onClick={() => setConfirming(true)} data-testid="card-publish-button">
            {live || published ? t("disclosures.card.publishAgain") : t("disclosures.card.publish")}
          </button>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={t("disclosures.card.publish")}
          message={t("disclosures.card.confirm")}
          confirmLabel={t("disclosures.card.publish")}
          onConfirm={async () => {
            const pub = await publicationsApi.publishCard(system.id);
            setPublished({ number: pub.number, publicPath: pub.publicPath });
            list.reload();
          }}
          onClose={() => setConfirming(false)}
        />
      )}
    </section>
  );
}

import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { dealingsApi, type LibraryUpdatePreview } from "../../api/dealings.ts";
import { Card } from "../../components/Card.tsx";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { LoadState } from "../../components/LoadState.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText } from "../../i18n/text.ts";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { BilingualBody } from "../oversight/BilingualBody.tsx";
import type { DealingPartProps } from "./DealingPage.tsx";
import { advisoryOf } from "./dealing-views.ts";
import { LibraryUpdatePreviewCard } from "./LibraryUpdatePreviewCard.tsx";

/**
 * An advisory from an authority: its text and, when it carries a library update, what installing
 * it would do (the framework's diff against the installed version, the systems whose applicable
 * requirements change) and — for those who manage the library — the installation, after which each
 * affected system's owner has a review task.
 */
export function AdvisoryDealing({ dealing, onConflict, onReload, onNotice }: DealingPartProps) {
  const { t } = useI18n();
  const advisory = advisoryOf(dealing.body);
  return (
    <>
      <Card title={t("dealings.advisory.text")} titleId="dealing-advisory-title" testId="dealing-advisory">
        <BilingualBody body={advisory.body} />
        {!advisory.libraryUpdate && <p className="card__hint">{t("dealings.advisory.noUpdate")}</p>}
      </Card>
      {advisory.libraryUpdate && <LibraryUpdateSection dealingId={dealing.id} version={dealing.version} accepted={dealing.status === "accepted"} onConflict={onConflict} onReload={onReload} onNotice={onNotice} />}
    </>
  );
}

interface LibraryUpdateSectionProps {
  dealingId: string;
  version: number;
  accepted: boolean;
  onConflict(): void;
  onReload(): void;
  onNotice: DealingPartProps["onNotice"];
}

function LibraryUpdateSection({ dealingId, version, accepted, onConflict, onReload, onNotice }: LibraryUpdateSectionProps) {
  const { t, lang, number } = useI18n();
  const { can } = useSignedIn();
  const preview = useResource((signal) => dealingsApi.libraryUpdate(dealingId, signal), `${dealingId}:${version}`);
  const [installing, setInstalling] = useState(false);
  const [installed, setInstalled] = useState<LibraryUpdatePreview>();
  if (!preview.data) return <LoadState loading={preview.loading} error={preview.error} onRetry={preview.reload} />;
  const p = preview.data;
  const done = accepted || installed !== undefined;
  const install = async () => {
    try {
      const result = await dealingsApi.accept(dealingId, version);
      setInstalled(result);
      // The entry is installed now: read it again (its status and version changed).
      onReload();
      onNotice({ kind: "success", text: (i) => i.t(result.systems.length ? "dealings.advisory.installedWithReviews" : "dealings.advisory.installed", { name: plainText(result.name, i.lang), count: i.number(result.systems.length) }) });
    } catch (err) {
      if (err instanceof ApiError && err.code === "conflict") {
        onConflict();
        return;
      }
      throw err;
    }
  };
  return (
    <>
      <LibraryUpdatePreviewCard
        preview={p}
        installed={done}
        actions={
          !done &&
          can("library.manage") &&
          p.problems.length === 0 && (
            <button type="button" className="button button--primary" onClick={() => setInstalling(true)} data-testid="library-update-install">
              {t("dealings.advisory.install")}
            </button>
          )
        }
      />
      {done && (
        <p className="card__lead" data-testid="library-update-installed">
          {t((installed ?? p).systems.length ? "dealings.advisory.installedNoteReviews" : "dealings.advisory.installedNote", { count: number((installed ?? p).systems.length) })}
        </p>
      )}
      {!done && !can("library.manage") && <p className="muted">{t("dealings.advisory.whoInstalls")}</p>}
      {installing && (
        <ConfirmDialog
          title={t("dealings.advisory.installTitle", { name: plainText(p.name, lang) })}
          message={t(p.systems.length ? "dealings.advisory.installConfirmSystems" : "dealings.advisory.installConfirm", { count: number(p.systems.length) })}
          confirmLabel={t("dealings.advisory.install")}
          onConfirm={install}
          onClose={() => setInstalling(false)}
        />
      )}
    </>
  );
}

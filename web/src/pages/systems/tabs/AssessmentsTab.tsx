import { useState } from "react";
import { assessmentsApi, type SystemView } from "../../../api/systems.ts";
import { LoadState } from "../../../components/LoadState.tsx";
import { LocalText } from "../../../components/LocalText.tsx";
import { Notice } from "../../../components/Notice.tsx";
import type { NoticeMessage } from "../../../components/notice-message.ts";
import { useResource } from "../../../hooks/useResource.ts";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import { plainText } from "../../../i18n/text.ts";
import { navigate } from "../../../router/router.tsx";
import { useSignedIn } from "../../../session/SessionProvider.tsx";
import { AssessmentPanel } from "../assessment/AssessmentPanel.tsx";
import { systemPath } from "../names.ts";
import { PostureBar } from "../PostureBars.tsx";
import { frameworkName, useFrameworks } from "../useFrameworks.ts";

/** Whether the caller may answer this system's rows: answerers, and system owners only for their own systems. */
export function useCanAnswer(system: SystemView): boolean {
  const { session, can } = useSignedIn();
  const me = session.user.id;
  return can("assessments.answer") && (can("systems.manage") || system.businessOwner?.id === me || system.technicalOwner?.id === me);
}

/** 評価: the system's assessments, one per framework in scope; start one; open one to answer its rows. */
export function AssessmentsTab({ system, selected }: { system: SystemView; selected: string | undefined }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const canAnswer = useCanAnswer(system);
  const frameworks = useFrameworks();
  const list = useResource((signal) => assessmentsApi.ofSystem(system.id, signal), `${system.id}:${system.version}`);
  const [framework, setFramework] = useState("");
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage>();
  const assessments = list.data?.items ?? [];
  const open = assessments.find((a) => a.id === selected) ?? (selected ? undefined : assessments[0]);
  const startable = system.frameworks.filter((f) => !assessments.some((a) => a.framework === f));
  const nameOf = (id: string) => plainText(frameworkName(frameworks, id, lang), lang);

  const run = async (action: () => Promise<NoticeMessage | undefined>) => {
    setBusy(true);
    setNotice(undefined);
    try {
      setNotice(await action());
    } catch (err) {
      setNotice({ kind: "error", text: (i) => i.errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };
  const start = () =>
    run(async () => {
      const created = await assessmentsApi.start(system.id, framework || startable[0]!);
      list.reload();
      setFramework("");
      navigate(systemPath(system.id, "assessments", created.id), { replace: true });
      return { kind: "success", text: (i) => i.t("systems.assess.started", { total: i.number(created.total) }) };
    });
  const resync = () =>
    run(async () => {
      const r = await assessmentsApi.resync(system.id);
      list.reload();
      return { kind: "success", text: (i) => i.t("systems.assess.resynced", { added: i.number(r.added), removed: i.number(r.removed) }) };
    });

  return (
    <div className="assessments-tab" data-testid="system-assessments">
      {notice && (
        <Notice kind={notice.kind} onDismiss={() => setNotice(undefined)} testId="assessments-notice">
          {notice.text(i18n)}
        </Notice>
      )}
      {canAnswer && (
        <div className="toolbar assessments-tab__start">
          {startable.length > 0 ? (
            <>
              <select className="input" aria-label={t("systems.assess.framework")} value={framework || startable[0]} onChange={(e) => setFramework(e.target.value)} data-testid="assessment-framework">
                {startable.map((f) => (
                  <option key={f} value={f}>
                    {nameOf(f)}
                  </option>
                ))}
              </select>
              <button type="button" className="button button--primary" disabled={busy} onClick={() => void start()} data-testid="assessment-start">
                {t("systems.assess.start")}
              </button>
            </>
          ) : (
            <span className="muted">{t(system.frameworks.length === 0 ? "systems.assess.noScope" : "systems.assess.allStarted")}</span>
          )}
          {assessments.length > 0 && (
            <button type="button" className="button" disabled={busy} onClick={() => void resync()} title={t("systems.assess.resyncHint")}>
              {t("systems.assess.resync")}
            </button>
          )}
        </div>
      )}
      <LoadState loading={list.loading && !list.data} error={list.error} onRetry={list.reload} />
      {list.data && assessments.length === 0 && <p className="muted">{t("systems.assess.none")}</p>}
      {assessments.length > 0 && (
        <div className="assessment-cards" role="tablist" aria-label={t("systems.tab.assessments")}>
          {assessments.map((a) => (
            <button
              key={a.id}
              type="button"
              role="tab"
              aria-selected={open?.id === a.id}
              className={open?.id === a.id ? "assessment-card assessment-card--active" : "assessment-card"}
              onClick={() => navigate(systemPath(system.id, "assessments", a.id), { replace: true })}
              data-testid={`assessment-card-${a.framework}`}
            >
              <span className="assessment-card__name">
                <LocalText text={frameworkName(frameworks, a.framework, lang, a.frameworkName)} mark="compact" />
              </span>
              <PostureBar assessment={a} />
            </button>
          ))}
        </div>
      )}
      {open && (
        <AssessmentPanel
          key={open.id}
          assessmentId={open.id}
          system={system}
          name={frameworkName(frameworks, open.framework, lang, open.frameworkName)}
          others={assessments.filter((a) => a.id !== open.id)}
          canAnswer={canAnswer}
          onChanged={list.reload}
        />
      )}
    </div>
  );
}

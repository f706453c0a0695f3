import { useState } from "react";
import { tasksApi } from "../../api/workflow.ts";
import { LoadState } from "../../components/LoadState.tsx";
import { Notice } from "../../components/Notice.tsx";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** A task's comments, oldest first, and a box to add one (recorded in the ledger). */
export function TaskComments({ taskId, canComment, generation }: { taskId: string; canComment: boolean; generation: number }) {
  const { t, dateTime, errorMessage } = useI18n();
  const comments = useResource((signal) => tasksApi.comments(taskId, signal), `${taskId}:${generation}`);
  const [body, setBody] = useState("");

  const form = useFormSave({}, async () => {
    if (!body.trim()) return;
    const all = await tasksApi.addComment(taskId, body.trim());
    comments.update(() => all);
    setBody("");
  });
  const { error } = form;

  return (
    <section className="card" aria-labelledby="task-comments-title" data-testid="task-comments">
      <h2 id="task-comments-title" className="card__title">
        {t("tasks.comments.title")}
      </h2>
      {!comments.data && <LoadState loading={comments.loading} error={comments.error} onRetry={comments.reload} />}
      {comments.data && comments.data.length === 0 && <p className="muted">{t("tasks.comments.none")}</p>}
      {comments.data && comments.data.length > 0 && (
        <ol className="stack-list comment-list">
          {comments.data.map((c) => (
            <li key={c.id} className="comment" data-testid="comment">
              <div className="comment__meta">
                <strong>{c.author?.displayName ?? t("tasks.comments.system")}</strong>
                <span className="muted">{dateTime(c.createdAt)}</span>
              </div>
              <p className="comment__body">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canComment && (
        <form className="form comment-form" onSubmit={form.onSubmit} noValidate>
          {error !== undefined && <Notice kind="error">{errorMessage(error)}</Notice>}
          <label className="visually-hidden" htmlFor="task-comment-body">
            {t("tasks.comments.add")}
          </label>
          <textarea
            id="task-comment-body"
            className="input"
            rows={2}
            maxLength={8000}
            placeholder={t("tasks.comments.placeholder")}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            data-testid="comment-body"
          />
          <div className="form__actions">
            <button type="submit" className="button" disabled={form.busy || !body.trim()} data-testid="comment-add">
              {form.busy ? t("common.saving") : t("tasks.comments.add")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

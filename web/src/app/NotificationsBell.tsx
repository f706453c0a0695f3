import { useCallback, useEffect, useId, useRef, useState } from "react";
import { notificationsApi, type NotificationItem, type NotificationList } from "../api/workflow.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { subjectPath } from "../pages/tasks/task-paths.ts";
import { Link } from "../router/router.tsx";
import "./notifications.css";

/** How often the unread count is refreshed while the page is visible. */
const POLL_MS = 60_000;
const LIMIT = 20;

/**
 * The bell beside the user menu: the unread count, and a list of my latest notifications linked to
 * what they are about. Polls every minute (while the tab is visible) and whenever it is opened.
 */
export function NotificationsBell() {
  const { t, lang, number, dateTime, errorMessage } = useI18n();
  const [open, setOpen] = useState(false);
  const [data, setData] = useState<NotificationList>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const inflight = useRef<AbortController | undefined>(undefined);
  const panelId = useId();

  const load = useCallback(async () => {
    inflight.current?.abort();
    const controller = new AbortController();
    inflight.current = controller;
    setLoading(true);
    try {
      setData(await notificationsApi.list(LIMIT, controller.signal));
      setError(undefined);
    } catch (err) {
      if (!controller.signal.aborted) setError(err);
    } finally {
      if (inflight.current === controller) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => {
      if (!document.hidden) void load();
    }, POLL_MS);
    return () => {
      window.clearInterval(timer);
      inflight.current?.abort();
    };
  }, [load]);

  useEffect(() => {
    if (!open) return;
    void load();
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open, load]);

  const markRead = async (ids?: string[]) => {
    const now = new Date().toISOString();
    // Show it read at once; the next poll brings the server's count either way.
    setData((d) => d && { unread: ids ? Math.max(0, d.unread - d.items.filter((n) => ids.includes(n.id) && !n.readAt).length) : 0, items: d.items.map((n) => (!ids || ids.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n)) });
    try {
      await notificationsApi.markRead(ids);
    } catch (err) {
      setError(err);
      void load();
    }
  };

  const unread = data?.unread ?? 0;
  const follow = (n: NotificationItem) => {
    if (!n.readAt) void markRead([n.id]);
    setOpen(false);
  };

  return (
    <div className="notif" ref={root}>
      <button
        ref={button}
        type="button"
        className="notif__trigger"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        data-testid="notifications-bell"
      >
        <svg className="notif__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" fill="currentColor" />
        </svg>
        {/* Named by its words, not an aria-label, so the count it shows is part of its name (WCAG 2.5.3). */}
        <span className="visually-hidden">{unread > 0 ? t("notifications.openUnread", { count: number(unread) }) : t("notifications.open")}</span>
        {unread > 0 && (
          <span className="notif__count" data-testid="notifications-count" aria-hidden="true">
            {unread > 99 ? "99+" : number(unread)}
          </span>
        )}
      </button>
      <div id={panelId} className="notif__panel" role="region" aria-label={t("notifications.title")} hidden={!open} data-testid="notifications-panel">
        {open && (
          <>
            <div className="notif__head">
              <h2 className="notif__title">{t("notifications.title")}</h2>
              <button type="button" className="link-button notif__all" disabled={unread === 0} onClick={() => markRead()} data-testid="notifications-mark-all">
                {t("notifications.markAllRead")}
              </button>
            </div>
            {error !== undefined && (
              <p className="notif__error" role="alert">
                {errorMessage(error)}
              </p>
            )}
            {!data && loading && <p className="notif__empty">{t("common.loading")}</p>}
            {data && data.items.length === 0 && <p className="notif__empty">{t("notifications.none")}</p>}
            {data && data.items.length > 0 && (
              <ul className="notif__list">
                {data.items.map((n) => {
                  const path = n.subject ? subjectPath(n.subject.type, n.subject.id) : undefined;
                  const body = (
                    <>
                      <span className="notif__text" lang={lang}>
                        {n.title[lang] || n.title.ja || n.title.en}
                      </span>
                      <span className="notif__time">{dateTime(n.createdAt)}</span>
                    </>
                  );
                  return (
                    <li key={n.id} className={n.readAt ? "notif__item" : "notif__item notif__item--unread"} data-testid="notification" data-event={n.event} data-unread={!n.readAt || undefined}>
                      {!n.readAt && <span className="visually-hidden">{t("notifications.unread")}</span>}
                      {path ? (
                        <Link to={path} className="notif__link" onClick={() => follow(n)}>
                          {body}
                        </Link>
                      ) : (
                        <div className="notif__link">{body}</div>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </>
        )}
      </div>
    </div>
  );
}

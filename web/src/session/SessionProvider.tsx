import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { ApiError, configureClient } from "../api/client.ts";
import { authApi } from "../api/endpoints.ts";
import type { Permission, SessionView } from "../api/types.ts";
import { forgetSessionHint, hasSessionHint } from "./session-hint.ts";

export type SessionState =
  | { status: "loading" }
  | { status: "anonymous"; notice?: "ended" | "signedOut" }
  | { status: "signedIn"; session: SessionView };

interface SessionContextValue {
  state: SessionState;
  /** Signs in; throws the ApiError (invalid_credentials, rate_limited…) for the form to show. */
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Re-reads the session (after a change to the signed-in user). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

/** Loads `/api/auth/session`, keeps the CSRF token for writes, and returns to sign-in on any 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  const accept = useCallback((session: SessionView) => {
    configureClient({ csrfToken: session.csrfToken });
    setState({ status: "signedIn", session });
  }, []);

  const refresh = useCallback(async () => {
    // No sign-in on this browser: nothing to ask the server, so the sign-in page makes no failing request.
    if (!hasSessionHint()) {
      setState({ status: "anonymous" });
      return;
    }
    try {
      accept(await authApi.session());
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        forgetSessionHint();
        setState({ status: "anonymous" });
      } else throw err;
    }
  }, [accept]);

  useEffect(() => {
    configureClient({
      onUnauthenticated: () => {
        forgetSessionHint();
        configureClient({ csrfToken: undefined });
        setState((prev) => (prev.status === "signedIn" ? { status: "anonymous", notice: "ended" } : prev));
      },
    });
    refresh().catch(() => setState({ status: "anonymous" }));
    return () => configureClient({ onUnauthenticated: undefined });
  }, [refresh]);

  const value = useMemo<SessionContextValue>(
    () => ({
      state,
      refresh,
      async signIn(email, password) {
        const session = await authApi.login(email, password);
        configureClient({ csrfToken: session.csrfToken });
        // The login answer carries the CSRF token; re-read the session so the view is the canonical one.
        try {
          accept(await authApi.session());
        } catch {
          accept(session);
        }
      },
      async signOut() {
        try {
          await authApi.logout();
        } finally {
          configureClient({ csrfToken: undefined });
          setState({ status: "anonymous", notice: "signedOut" });
        }
      },
    }),
    [state, refresh, accept],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error("useSession() outside <SessionProvider>");
  return ctx;
}

/** The signed-in session and a permission check driven by the server's `permissions` list. */
export function useSignedIn(): { session: SessionView; can: (permission: Permission) => boolean } {
  const { state } = useSession();
  if (state.status !== "signedIn") throw new Error("useSignedIn() without a session");
  const { session } = state;
  return { session, can: (permission) => session.permissions.includes(permission) };
}

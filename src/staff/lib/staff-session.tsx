import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { useLocation, useNavigate } from "react-router";
import { rememberCsrfToken, StaffApiError, type StaffSession } from "./staff-api";

interface SessionContextValue {
  /** undefined: not asked yet; null: not signed in. */
  session: StaffSession | null | undefined;
  setSession(session: StaffSession | null): void;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

export function StaffSessionProvider({ children, initial }: { children: ReactNode; initial?: StaffSession | null }) {
  const [session, setState] = useState<StaffSession | null | undefined>(() => {
    if (initial) rememberCsrfToken(initial.csrfToken);
    return initial;
  });
  const setSession = useCallback((next: StaffSession | null) => {
    rememberCsrfToken(next?.csrfToken);
    setState(next);
  }, []);
  const value = useMemo(() => ({ session, setSession }), [session, setSession]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useStaffSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useStaffSession needs a StaffSessionProvider");
  return value;
}

/** Only an address inside the staff area, so `?next=` can never send someone to another site. */
export function safeNext(next: string | null): string {
  return next && /^\/(?!\/)/.test(next) && !next.includes("\\") ? next : "/";
}

/**
 * What a page does with an API error it does not handle itself: 401 (the session ended) goes back
 * to sign in, keeping where the person was so they come back to it. Returns true when handled.
 */
export function useSessionEnded(): (error: unknown) => boolean {
  const navigate = useNavigate();
  const location = useLocation();
  const { setSession } = useStaffSession();
  return useCallback(
    (error: unknown) => {
      if (error instanceof StaffApiError && error.status === 401) {
        const here = `${location.pathname}${location.search}`;
        // Leave first, so the signed-in pages are gone before the session is.
        void navigate(`/sign-in?next=${encodeURIComponent(here)}&ended=1`, { replace: true });
        setSession(null);
        return true;
      }
      return false;
    },
    [navigate, location.pathname, location.search, setSession],
  );
}

import { useCallback, useEffect, useState } from "react";
import { StaffApiError } from "./staff-api";
import { useSessionEnded } from "./staff-session";

export type Loaded<T> = { status: "loading" } | { status: "ready"; data: T } | { status: "not-found" } | { status: "not-allowed" } | { status: "error" };

/**
 * Load something from the staff API for a page: loading, ready, not found (404: unknown, or another
 * council's, which look the same), not allowed (403) or failed. A 401 goes back to sign in.
 * `key` changes when the page should load again (a new filter, a new page number).
 */
export function useLoad<T>(load: () => Promise<T>, key: string): [Loaded<T>, () => void] {
  const [attempt, setAttempt] = useState(0);
  const current = `${attempt}:${key}`;
  // What came back, for which load: anything older than the current key shows as loading.
  const [result, setResult] = useState<{ for: string; value: Loaded<T> } | undefined>();
  const sessionEnded = useSessionEnded();
  useEffect(() => {
    let live = true;
    load().then(
      (data) => {
        if (live) setResult({ for: current, value: { status: "ready", data } });
      },
      (error: unknown) => {
        if (!live || sessionEnded(error)) return;
        const value: Loaded<T> =
          error instanceof StaffApiError && error.status === 404
            ? { status: "not-found" }
            : error instanceof StaffApiError && error.status === 403
              ? { status: "not-allowed" }
              : { status: "error" };
        setResult({ for: current, value });
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names what the load depends on
  }, [current]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [result?.for === current ? result.value : { status: "loading" }, retry];
}

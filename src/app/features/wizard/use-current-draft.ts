import { useCallback, useEffect, useState } from "react";
import type { DraftRecord } from "../../../domain/draft";
import { draftRepository } from "../../lib/draft-repository";
import { hasStoredData } from "../../lib/stored-data";

export type CurrentDraftState =
  | { status: "loading" }
  | { status: "none" }
  | { status: "ready"; draft: DraftRecord }
  | { status: "needs-checking"; id: string }
  /** Sealed with a PIN and this tab has no key: the person must unlock first. */
  | { status: "locked" }
  | { status: "unavailable" };

const repository = draftRepository();

/**
 * The draft the person is working on, loaded once per page from IndexedDB. With no database on the
 * device (a first visit), there is none, and the database is not opened: opening it makes it, which
 * on a cheap phone is a long task while the first question is becoming usable (issue 9), and would
 * leave a trace of Speak Up on a shared phone before anything was answered. The first answer makes it.
 */
export function useCurrentDraft(): { state: CurrentDraftState; reload: () => void } {
  const [state, setState] = useState<CurrentDraftState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  useEffect(() => {
    let cancelled = false;
    hasStoredData()
      .then((stored) => (stored === false ? undefined : repository.current()))
      .then((loaded) => {
        if (cancelled) return;
        if (!loaded) setState({ status: "none" });
        else if (loaded.status === "ok") setState({ status: "ready", draft: loaded.draft });
        else if (loaded.status === "locked") setState({ status: "locked" });
        else setState({ status: "needs-checking", id: loaded.id });
      })
      .catch(() => {
        if (!cancelled) setState({ status: "unavailable" });
      });
    return () => {
      cancelled = true;
    };
  }, [attempt]);
  return { state, reload };
}

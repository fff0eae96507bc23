import { useCallback, useEffect, useState } from "react";
import type { DraftRecord } from "../../../domain/draft";
import { draftRepository } from "../../lib/draft-repository";

export type CurrentDraftState =
  | { status: "loading" }
  | { status: "none" }
  | { status: "ready"; draft: DraftRecord }
  | { status: "needs-checking"; id: string }
  /** Sealed with a PIN and this tab has no key: the person must unlock first. */
  | { status: "locked" }
  | { status: "unavailable" };

const repository = draftRepository();

/** The draft the person is working on, loaded once per page from IndexedDB. */
export function useCurrentDraft(): { state: CurrentDraftState; reload: () => void } {
  const [state, setState] = useState<CurrentDraftState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  useEffect(() => {
    let cancelled = false;
    repository
      .current()
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

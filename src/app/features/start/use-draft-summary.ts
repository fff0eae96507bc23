import { useEffect, useState } from "react";
import type { LoadedDraft } from "../../lib/draft-repository";
import { hasStoredData } from "../../lib/stored-data";

export type DraftSummary =
  | { status: "loading" }
  /** `waiting`: the current draft's complaint is in the outbox, on its way (so it is not "carried on"). */
  | { status: "ready"; current: LoadedDraft | undefined; count: number; waiting: boolean };

/** No drafts (one object, so looking again and finding nothing draws nothing again). */
const NOTHING_STORED: DraftSummary = { status: "ready", current: undefined, count: 0, waiting: false };

/**
 * The current draft and how many there are, kept live (a draft started, sent or deleted in another
 * tab shows at once; on a device with nothing stored yet, as soon as this tab is shown or focused
 * again). The drafts store (Dexie) is loaded here, after the start page is on screen,
 * rather than with the page: the start page draws without it (first-load budget, issue 9).
 */
export function useDraftSummary(): DraftSummary {
  const [summary, setSummary] = useState<DraftSummary>({ status: "loading" });
  useEffect(() => {
    let stopped = false;
    let subscribed = false;
    let unsubscribe: (() => void) | undefined;
    const subscribe = () =>
      void Promise.all([import("dexie"), import("../../lib/draft-repository"), import("../../lib/outbox-repository")])
        .then(([{ liveQuery }, { draftRepository }, { outboxRepository, isWaitingToSend }]) => {
          if (stopped) return;
          const repository = draftRepository();
          const outbox = outboxRepository();
          const subscription = liveQuery(async (): Promise<DraftSummary> => {
            const current = await repository.current();
            const id = current?.status === "ok" ? current.draft.id : current?.id;
            const waiting = id !== undefined && isWaitingToSend(await outbox.get(id));
            return { status: "ready", current, count: await repository.count(), waiting };
          }).subscribe({
            next: (next) => setSummary(next),
            // A device that cannot read its drafts still gets Start now.
            error: () => setSummary(NOTHING_STORED),
          });
          unsubscribe = () => subscription.unsubscribe();
        })
        .catch(() => {
          if (!stopped) setSummary(NOTHING_STORED);
        });
    // A first visit has nothing stored: say so without loading the stores, and look again when the
    // page is shown or focused, in case a draft was started in another tab meanwhile.
    const lookAgain = () => {
      if (document.visibilityState === "visible") void check();
    };
    const stopLooking = () => {
      window.removeEventListener("focus", lookAgain);
      document.removeEventListener("visibilitychange", lookAgain);
    };
    const check = async () => {
      const stored = await hasStoredData();
      if (stopped || subscribed) return;
      if (stored === false) {
        setSummary(NOTHING_STORED);
        return;
      }
      subscribed = true;
      stopLooking();
      subscribe();
    };
    window.addEventListener("focus", lookAgain);
    document.addEventListener("visibilitychange", lookAgain);
    void check();
    return () => {
      stopped = true;
      stopLooking();
      unsubscribe?.();
    };
  }, []);
  return summary;
}

/** Start a new draft for `councilId` (the drafts store is loaded only when asked). */
export async function createDraft(councilId: string): Promise<void> {
  const { draftRepository } = await import("../../lib/draft-repository");
  await draftRepository().create(councilId);
}

import { useEffect, useState } from "react";
import type { LoadedDraft } from "../../lib/draft-repository";

export type DraftSummary =
  | { status: "loading" }
  /** `waiting`: the current draft's complaint is in the outbox, on its way (so it is not "carried on"). */
  | { status: "ready"; current: LoadedDraft | undefined; count: number; waiting: boolean };

/**
 * The current draft and how many there are, kept live (a draft started, sent or deleted in another
 * tab shows at once). The drafts store (Dexie) is loaded here, after the start page is on screen,
 * rather than with the page: the start page draws without it (first-load budget, issue 9).
 */
export function useDraftSummary(): DraftSummary {
  const [summary, setSummary] = useState<DraftSummary>({ status: "loading" });
  useEffect(() => {
    let stopped = false;
    let unsubscribe: (() => void) | undefined;
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
          error: () => setSummary({ status: "ready", current: undefined, count: 0, waiting: false }),
        });
        unsubscribe = () => subscription.unsubscribe();
      })
      .catch(() => {
        if (!stopped) setSummary({ status: "ready", current: undefined, count: 0, waiting: false });
      });
    return () => {
      stopped = true;
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

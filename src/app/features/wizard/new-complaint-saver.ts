import { draftRepository, type DraftRepository } from "../../lib/draft-repository";

/** The id the first question saves under until its draft exists (the autosave keeps unsaved answers by it). */
export const NEW_COMPLAINT_ID = "new-complaint";

const repository = draftRepository();

/**
 * Saves for the first question when no draft is known yet: while the device's draft is still being
 * read, or when there is none. The first answer goes to the current draft if there is one, or
 * creates a draft for the council on screen; every later answer goes to the same draft. Opening the
 * page and answering nothing creates nothing (the empty save that records the step is skipped).
 * A locked draft is never replaced by a new one: the save fails, the answer is kept in memory and
 * the page moves to Unlock.
 */
export function newComplaintSaver(initialCouncilId: string, drafts: Pick<DraftRepository, "current" | "create" | "saveAnswers"> = repository) {
  let target: Promise<string> | undefined;
  let councilId = initialCouncilId;
  const draftId = (): Promise<string> =>
    drafts.current().then(async (loaded) => {
      if (!loaded) return (await drafts.create(councilId)).id;
      if (loaded.status === "ok") return loaded.draft.id;
      throw new Error(`The current draft cannot take answers now (${loaded.status})`);
    });
  return {
    /** The council a draft made from now on is for (the one on screen: the chosen one replaces the preview). */
    setCouncil(id: string): void {
      councilId = id;
    },
    saveAnswers(_id: string, patch: Parameters<DraftRepository["saveAnswers"]>[1], step?: string): Promise<void> {
      if (!target && Object.keys(patch).length === 0) return Promise.resolve();
      const chosen = (target ??= draftId());
      // A failure (storage off, locked) is tried afresh on the next save, not remembered.
      chosen.catch(() => {
        if (target === chosen) target = undefined;
      });
      return chosen.then((id) => drafts.saveAnswers(id, patch, step));
    },
  };
}

import { useLiveQuery } from "dexie-react-hooks";
import type { DraftAnswers } from "../../../domain/draft";
import { draftRepository } from "../../lib/draft-repository";

const repository = draftRepository();

/**
 * The draft's answers as stored now, live: a change saved by another tab (or window) of Speak Up
 * shows up here without a reload. Undefined while loading or when the draft can't be read.
 */
export function useLiveAnswers(draftId: string): DraftAnswers | undefined {
  return useLiveQuery(
    () =>
      repository.get(draftId).then(
        (loaded) => (loaded?.status === "ok" ? loaded.draft.answers : undefined),
        () => undefined,
      ),
    [draftId],
  );
}

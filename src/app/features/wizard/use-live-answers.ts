import type { DraftAnswers } from "../../../domain/draft";
import { draftRepository } from "../../lib/draft-repository";
import { useLiveAnswer } from "../../lib/use-live-answer";
import { NEW_COMPLAINT_ID } from "./new-complaint-saver";

const repository = draftRepository();

/**
 * The draft's answers as stored now, live: a change saved by another tab (or window) of Speak Up
 * shows up here without a reload. Undefined while loading (never another draft's answers while this
 * one's are on their way), when the draft can't be read, and for the first question's stand-in
 * before a draft exists, which is never stored: reading it would open (and so make) the database on
 * a first visit (issue 9).
 */
export function useLiveAnswers(draftId: string): DraftAnswers | undefined {
  return useLiveAnswer(
    draftId,
    async () =>
      draftId === NEW_COMPLAINT_ID
        ? undefined
        : repository.get(draftId).then(
            (loaded) => (loaded?.status === "ok" ? loaded.draft.answers : undefined),
            () => undefined,
          ),
    [],
  );
}

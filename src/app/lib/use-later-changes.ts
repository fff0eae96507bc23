import type { SentRecord } from "./db";
import { draftRepository } from "./draft-repository";
import { useLiveAnswer } from "./use-live-answer";

const drafts = draftRepository();

/**
 * The draft holding answers changed after the body the council got (issue 11, bug 2), while it is
 * still on this phone, live: undefined when there is none or the person has deleted it, and while
 * the answer for this complaint's draft is on its way (never another complaint's draft).
 */
export function useLaterChangesDraft(sent: Pick<SentRecord, "laterChangesDraftId">): string | undefined {
  const id = sent.laterChangesDraftId;
  return useLiveAnswer(id, async () => (id !== undefined && (await drafts.has(id)) ? id : undefined), []);
}

/** Make the kept draft the one the questions open, so Check your answers shows it. */
export async function openLaterChanges(id: string): Promise<void> {
  await drafts.setCurrent(id);
}

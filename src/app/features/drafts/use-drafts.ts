import { useLiveQuery } from "dexie-react-hooks";
import { draftRepository, type LoadedDraft } from "../../lib/draft-repository";

const repository = draftRepository();

export type DraftListState = { status: "loading" } | { status: "error" } | { status: "ready"; drafts: LoadedDraft[] };

export type DraftState = { status: "loading" } | { status: "error" } | { status: "missing" } | { status: "found"; entry: LoadedDraft };

/**
 * Every draft on this device, newest-changed first. A live query: a draft changed, renamed or
 * deleted in another tab shows here at once.
 */
export function useDraftList(): DraftListState {
  return useLiveQuery<DraftListState, DraftListState>(
    () =>
      repository.list().then(
        (drafts): DraftListState => ({ status: "ready", drafts }),
        (): DraftListState => ({ status: "error" }),
      ),
    [],
    { status: "loading" },
  );
}

/** One draft, kept up to date the same way (so a draft deleted in another tab shows as gone). */
export function useDraft(id: string): DraftState {
  return useLiveQuery<DraftState, DraftState>(
    () =>
      repository.get(id).then(
        (entry): DraftState => (entry ? { status: "found", entry } : { status: "missing" }),
        (): DraftState => ({ status: "error" }),
      ),
    [id],
    { status: "loading" },
  );
}

export function renamePath(id: string): string {
  return `/drafts/${encodeURIComponent(id)}/rename`;
}

export function deletePath(id: string): string {
  return `/drafts/${encodeURIComponent(id)}/delete`;
}

export const DRAFTS_PATH = "/drafts";

import { useCallback, useEffect, useRef, useState } from "react";
import type { DraftAnswers } from "../../../domain/draft";
import { draftRepository, type DraftRepository } from "../../lib/draft-repository";
import { classifyStorageError, reportStorageProblem } from "../../lib/storage-health";
import { saveBeforeUpdate } from "../../lib/save-before-update";
import { askToPersist } from "../../lib/storage-persistence";

export const AUTOSAVE_DELAY_MS = 300;
const defaultRepository = draftRepository();

export type SaveStatus = "idle" | "saved" | "failed";

/**
 * Answers typed but not saved yet, per draft. Kept at module level, not in the hook, so a save
 * that fails (phone full, private window) does not lose them when the person moves to another
 * step: the next step's autosave tries them again, and the page can still offer them to copy.
 */
const unsaved = new Map<string, Partial<DraftAnswers>>();

/** What this page holds for the draft that is not saved on the device yet (empty when all is saved). */
export function unsavedAnswers(draftId: string): Partial<DraftAnswers> {
  return { ...unsaved.get(draftId) };
}

/** Patches being written right now, per draft (a save is on its way to IndexedDB). */
const inFlight = new Map<string, Set<Partial<DraftAnswers>>>();

/**
 * Whether this page still has its own change to `field` waiting to be saved or being saved.
 * A stored value seen meanwhile is older than what is on screen (perhaps this page's own earlier
 * save), so it must not replace what the person is typing.
 */
export function hasLocalChange(draftId: string, field: keyof DraftAnswers): boolean {
  const waiting = unsaved.get(draftId);
  if (waiting && Object.hasOwn(waiting, field)) return true;
  for (const patch of inFlight.get(draftId) ?? []) if (Object.hasOwn(patch, field)) return true;
  return false;
}

function takeUnsaved(draftId: string): Partial<DraftAnswers> | undefined {
  const patch = unsaved.get(draftId);
  unsaved.delete(draftId);
  return patch;
}

/** Put back a patch that failed to save. Anything typed while it was being saved is newer, so it wins. */
function keepUnsaved(draftId: string, patch: Partial<DraftAnswers>): void {
  unsaved.set(draftId, { ...patch, ...unsaved.get(draftId) });
}

/**
 * Save answers no later than 300 ms after a change, even while the person keeps typing, and at once when the page is hidden or
 * closed (pagehide, visibilitychange) or the step unmounts, so nothing typed is lost. A failed save keeps the answers in memory,
 * says why on the page (storage-health) and is tried again on the next change or flush. After the first answers are saved the
 * browser is asked to keep the device's data (storage-persistence).
 */
export function useAutosave(draftId: string, step: string, repository: Pick<DraftRepository, "saveAnswers"> = defaultRepository) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [status, setStatus] = useState<SaveStatus>("idle");

  /** Save a patch (with the step); on failure keep it for the next try. Never rejects. */
  const save = useCallback(
    (patch: Partial<DraftAnswers>): Promise<void> => {
      const saving = inFlight.get(draftId) ?? new Set();
      inFlight.set(draftId, saving.add(patch));
      const done = () => {
        saving.delete(patch);
        if (saving.size === 0 && inFlight.get(draftId) === saving) inFlight.delete(draftId);
      };
      return repository.saveAnswers(draftId, patch, step).then(
        () => {
          done();
          // Something typed earlier may still be waiting: the problem is over only when nothing is.
          if (!unsaved.has(draftId)) reportStorageProblem("none");
          if (Object.keys(patch).length === 0) return;
          setStatus("saved");
          // Not awaited: saving never waits on the browser's answer, and askToPersist never rejects.
          void askToPersist();
        },
        (error: unknown) => {
          // Kept as unsaved before it stops being in flight, so the field never looks settled in between.
          keepUnsaved(draftId, patch);
          done();
          reportStorageProblem(classifyStorageError(error));
          setStatus("failed");
        },
      );
    },
    [draftId, repository, step],
  );

  const flush = useCallback(async () => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
    const patch = takeUnsaved(draftId);
    if (!patch) return;
    await save(patch);
  }, [draftId, save]);

  // "Update now" (a new version of the app) saves what is typed here before the page reloads.
  useEffect(() => saveBeforeUpdate(flush), [flush]);

  const schedule = useCallback(
    (patch: Partial<DraftAnswers>) => {
      unsaved.set(draftId, { ...unsaved.get(draftId), ...patch });
      // At most 300 ms after the first unsaved change, even while the person keeps typing.
      timer.current ??= setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [draftId, flush],
  );

  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => {
      if (document.visibilityState === "hidden") void flush();
    };
    window.addEventListener("pagehide", onHide);
    document.addEventListener("visibilitychange", onVisibility);
    // Record the step as soon as it is shown, so "Carry on" returns here, and try again anything
    // an earlier step could not save.
    void save(takeUnsaved(draftId) ?? {});
    return () => {
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onVisibility);
      void flush();
    };
  }, [draftId, flush, save]);

  return { schedule, flush, status };
}

import { useCallback, useEffect, useRef, useState } from "react";
import type { DraftAnswers } from "../../../domain/draft";
import { draftRepository } from "../../lib/draft-repository";

export const AUTOSAVE_DELAY_MS = 300;
const repository = draftRepository();

export type SaveStatus = "idle" | "saved" | "failed";

/**
 * Save answers no later than 300 ms after a change, even while the person keeps typing, and at once when the page is hidden or
 * closed (pagehide, visibilitychange) or the step unmounts, so nothing typed is lost.
 */
export function useAutosave(draftId: string, step: string) {
  const pending = useRef<Partial<DraftAnswers> | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [status, setStatus] = useState<SaveStatus>("idle");

  const flush = useCallback(async () => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
    const patch = pending.current;
    if (!patch) return;
    pending.current = undefined;
    try {
      await repository.saveAnswers(draftId, patch, step);
      setStatus("saved");
    } catch {
      // Keep the unsaved change so the next flush tries again; the page says saving failed.
      // Anything typed while this save was in flight is newer, so it wins.
      pending.current = Object.assign({}, patch, pending.current as Partial<DraftAnswers> | undefined);
      setStatus("failed");
    }
  }, [draftId, step]);

  const schedule = useCallback(
    (patch: Partial<DraftAnswers>) => {
      pending.current = { ...pending.current, ...patch };
      // At most 300 ms after the first unsaved change, even while the person keeps typing.
      timer.current ??= setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => {
      if (document.visibilityState === "hidden") void flush();
    };
    window.addEventListener("pagehide", onHide);
    document.addEventListener("visibilitychange", onVisibility);
    // Record the step as soon as it is shown, so "Carry on" returns here.
    void repository.saveAnswers(draftId, {}, step).catch(() => setStatus("failed"));
    return () => {
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onVisibility);
      void flush();
    };
  }, [draftId, flush, step]);

  return { schedule, flush, status };
}

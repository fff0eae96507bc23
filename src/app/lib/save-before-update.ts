/**
 * Saving every open draft before the app updates or reloads itself (issue 6). A page that holds
 * answers not yet saved registers its flush here; "Update now" (lib/pwa.ts) waits for all of them
 * before the new version takes over, so a reload never drops what was just typed.
 */

/** Saves what the page holds; resolves when it is on the device (or the save has failed). */
export type DraftFlush = () => Promise<unknown>;

/** The longest "Update now" waits for a save before it stops and says the words are not saved (a stuck database). */
export const FLUSH_TIMEOUT_MS = 5_000;

const flushes = new Set<DraftFlush>();

/**
 * Register a page's flush while it is shown. Returns the function that unregisters it, so it can be
 * the whole body of an effect: `useEffect(() => saveBeforeUpdate(flush), [flush]);`
 */
export function saveBeforeUpdate(flush: DraftFlush): () => void {
  flushes.add(flush);
  return () => {
    flushes.delete(flush);
  };
}

/**
 * Run every registered flush and wait for all of them, for at most `timeoutMs`. Resolves true when
 * every save has finished, false when one is still running (a stuck database): the caller must not
 * reload then, or the words that save holds are lost. Never rejects: a save that fails keeps its
 * answers on the page and says so there (use-autosave, storage-health).
 */
export async function flushAllDrafts(timeoutMs: number = FLUSH_TIMEOUT_MS): Promise<boolean> {
  if (flushes.size === 0) return true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(resolve, timeoutMs, false);
  });
  const all = Promise.allSettled([...flushes].map((flush) => Promise.resolve().then(flush))).then(() => true);
  const finished = await Promise.race([all, timeout]);
  clearTimeout(timer);
  return finished;
}

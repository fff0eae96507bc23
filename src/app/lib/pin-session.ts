/**
 * The unlocked PIN key, held in memory only: never stored, never sent. Locking drops it, after
 * which the drafts cannot be read until the PIN is entered again. Shaped for React's
 * `useSyncExternalStore(subscribe, getKey)`.
 */

import { listeners } from "./listeners";

/** Dispatched on `window` by the Exit this page button: lock at once. */
export const EXIT_EVENT = "speakup:exit";

/** How long the page may stay hidden before the app locks. */
export const AUTO_LOCK_MS = 5 * 60_000;

let current: CryptoKey | undefined;
const lockListeners = listeners();
const notify = lockListeners.notify;

export function getKey(): CryptoKey | undefined {
  return current;
}

export function setKey(key: CryptoKey): void {
  if (current === key) return;
  current = key;
  notify();
}

/** Drop the key from memory and tell subscribers. */
export function lock(): void {
  if (current === undefined) return;
  current = undefined;
  notify();
}

/** Listen for lock and unlock; returns the function that stops listening. */
export const subscribe = lockListeners.subscribe;

/**
 * Lock when the page has been hidden for `timeoutMs`, and at once on `EXIT_EVENT`. Returns the
 * function that stops watching.
 *
 * Phones freeze timers in hidden pages, so the timer alone could be cleared on return before it
 * ever ran: the time hidden is also measured when the page becomes visible again.
 */
export function startAutoLock(doc: Document = document, timeoutMs: number = AUTO_LOCK_MS): () => void {
  const view = doc.defaultView;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let hiddenAt: number | undefined;

  function cancel(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    hiddenAt = undefined;
  }

  function onVisibilityChange(): void {
    if (doc.visibilityState === "hidden") {
      if (hiddenAt !== undefined) return;
      hiddenAt = Date.now();
      timer = setTimeout(() => {
        cancel();
        lock();
      }, timeoutMs);
      return;
    }
    const hiddenFor = hiddenAt === undefined ? 0 : Date.now() - hiddenAt;
    cancel();
    if (hiddenFor >= timeoutMs) lock();
  }

  function onExit(): void {
    cancel();
    lock();
  }

  doc.addEventListener("visibilitychange", onVisibilityChange);
  view?.addEventListener(EXIT_EVENT, onExit);
  // Started while already hidden (opened in a background tab): the clock starts now.
  if (doc.visibilityState === "hidden") onVisibilityChange();

  return () => {
    cancel();
    doc.removeEventListener("visibilitychange", onVisibilityChange);
    view?.removeEventListener(EXIT_EVENT, onExit);
  };
}

/**
 * Whether this tab has left through Exit this page and not pressed Carry on since. Kept in
 * sessionStorage because it outlives the page in exactly the ways that matter: Back to Speak Up,
 * a tab reopened after closing, and a reload all keep it, and it stays in this tab only. While it
 * is set the app shows a neutral page instead of anything typed. Shaped for React's
 * `useSyncExternalStore(subscribeToExit, hasExited)`.
 */

import { TAB_KEYS } from "./storage-keys";
import { listeners } from "./listeners";

const KEY = TAB_KEYS.exited;

let exited: boolean | undefined;
const exitListeners = listeners();
const notify = exitListeners.notify;

function stored(): boolean {
  try {
    return window.sessionStorage.getItem(KEY) === "1";
  } catch {
    // Storage turned off: only this page's memory remembers the exit.
    return false;
  }
}

function store(value: boolean): void {
  try {
    if (value) window.sessionStorage.setItem(KEY, "1");
    else window.sessionStorage.removeItem(KEY);
  } catch {
    // As above: the neutral page still shows until this page is gone.
  }
}

export function hasExited(): boolean {
  exited ??= stored();
  return exited;
}

/** Remember the exit for this tab and tell subscribers (synchronously, so the screen can change before leaving). */
export function markExited(): void {
  store(true);
  if (exited === true) return;
  exited = true;
  notify();
}

/** The person pressed Carry on: show the app again. */
export function carryOn(): void {
  store(false);
  if (exited === false) return;
  exited = false;
  notify();
}

/** Listen for exit and Carry on; returns the function that stops listening. */
export const subscribeToExit = exitListeners.subscribe;

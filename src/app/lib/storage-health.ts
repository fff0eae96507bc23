/**
 * Whether saving on this device is working, so the page can say so instead of losing what was
 * typed silently. Errors are told apart by name (strings), so this file needs no Dexie import:
 * Dexie's wrapped errors (`Dexie.QuotaExceededError`, `Dexie.OpenFailedError`…) keep the
 * browser's names, and the browser's own error is kept as `inner`.
 */

import { listeners } from "./listeners";

export type StorageProblem = "none" | "unavailable" | "quota-full" | "failed";

/** The phone or the browser's share of it is full. Firefox once used its own name. */
const QUOTA_FULL = new Set(["QuotaExceededError", "NS_ERROR_DOM_QUOTA_REACHED"]);

/** IndexedDB is missing (some private windows) or will not open or stay open. */
const UNAVAILABLE = new Set(["MissingAPIError", "InvalidStateError", "DatabaseClosedError", "OpenFailedError", "UnknownError"]);

/** Legacy `DOMException.code` for a full quota (older Safari). */
const QUOTA_EXCEEDED_CODE = 22;

/** How deep to follow `inner` / `cause` / `failures`: enough for Dexie's wrapping, safe against cycles. */
const MAX_DEPTH = 5;

/** The error and every error it wraps: Dexie's `inner` and `failures`, and the standard `cause`. */
function errorChain(error: unknown): object[] {
  const seen = new Set<object>();
  const visit = (value: unknown, depth: number) => {
    if (typeof value !== "object" || value === null || seen.has(value) || depth > MAX_DEPTH) return;
    seen.add(value);
    const wrapped = value as { inner?: unknown; cause?: unknown; failures?: unknown };
    visit(wrapped.inner, depth + 1);
    visit(wrapped.cause, depth + 1);
    if (Array.isArray(wrapped.failures)) for (const failure of wrapped.failures) visit(failure, depth + 1);
  };
  visit(error, 0);
  return [...seen];
}

function nameOf(error: object): string | undefined {
  return "name" in error && typeof error.name === "string" ? error.name : undefined;
}

function isQuotaFull(error: object): boolean {
  const name = nameOf(error);
  if (name !== undefined && QUOTA_FULL.has(name)) return true;
  return typeof DOMException !== "undefined" && error instanceof DOMException && error.code === QUOTA_EXCEEDED_CODE;
}

/**
 * What a failed save means for the person: the phone is full, saving is not possible here at
 * all, or something else went wrong. A full quota anywhere in the chain wins (a database that
 * fails to open because the disk is full is a full phone, not a missing database).
 */
export function classifyStorageError(error: unknown): Exclude<StorageProblem, "none"> {
  const chain = errorChain(error);
  if (chain.some(isQuotaFull)) return "quota-full";
  if (chain.some((e) => UNAVAILABLE.has(nameOf(e) ?? ""))) return "unavailable";
  return "failed";
}

let current: StorageProblem = "none";
const problemListeners = listeners();

/** Set by autosave: the problem when a save fails, "none" when a save succeeds with nothing left unsaved. */
export function reportStorageProblem(problem: StorageProblem): void {
  if (problem === current) return;
  current = problem;
  problemListeners.notify();
}

/** An external store for `useSyncExternalStore`: the current storage problem on this page. */
export const storageProblemStore = {
  subscribe: problemListeners.subscribe,
  getSnapshot(): StorageProblem {
    return current;
  },
};

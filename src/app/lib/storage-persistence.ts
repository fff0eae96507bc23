import { runningInstalled } from "./display-mode";
import type { StoragePersistenceSetting } from "./settings-repository";
import { listeners } from "./listeners";

/**
 * Asking the browser to keep Speak Up's data (`navigator.storage.persist()`), so a phone short of
 * space does not clear a half-written complaint. Browsers that prompt (Firefox) are asked once
 * per device; the answer is remembered in the settings table. Chrome says yes mostly to apps on
 * the home screen, so a device that said no is asked once more when the app runs installed.
 */

export type PersistenceResult = "persisted" | "denied" | "unsupported";

export interface PersistenceState {
  /** Undefined until the browser has been asked (or its earlier answer read) on this page. */
  result: PersistenceResult | undefined;
  /** The person hid "Add Speak Up to your home screen". */
  noticeDismissed: boolean;
}

const INITIAL: PersistenceState = { result: undefined, noticeDismissed: false };

/** The settings table, loaded only when asked: every page imports this module, most never ask (issue 9). */
async function settings() {
  const { settingsRepository } = await import("./settings-repository");
  return settingsRepository();
}
let state: PersistenceState = INITIAL;
let asking: Promise<PersistenceResult> | undefined;
const stateListeners = listeners();

function setState(next: PersistenceState): void {
  state = next;
  stateListeners.notify();
}

/** Keep the browser's answer on this device; a device that cannot save simply asks again next time. */
async function remember(setting: StoragePersistenceSetting): Promise<void> {
  await settings()
    .then((table) => table.rememberStoragePersistence(setting))
    .catch(() => undefined);
}

async function ask(): Promise<PersistenceState> {
  const storage = typeof navigator === "undefined" ? undefined : navigator.storage;
  if (typeof storage?.persist !== "function") return { result: "unsupported", noticeDismissed: false };
  const previous = await (await settings()).storagePersistence().catch(() => undefined);
  const noticeDismissed = previous?.noticeDismissed ?? false;
  if (typeof storage.persisted === "function" && (await storage.persisted())) return { result: "persisted", noticeDismissed };
  const installed = runningInstalled();
  if (previous && (previous.askedInstalled || !installed)) {
    // Asked before and not kept now: a yes since taken back by the browser is a no.
    return { result: "denied", noticeDismissed };
  }
  const granted = await storage.persist();
  const answer: StoragePersistenceSetting = {
    answer: granted ? "persisted" : "denied",
    askedAt: new Date().toISOString(),
    askedInstalled: installed,
    noticeDismissed,
  };
  await remember(answer);
  return { result: granted ? "persisted" : "denied", noticeDismissed };
}

/**
 * Ask the browser to keep this device's data, at most once per page and once per device (see
 * above). Call it after the first successful save; it never rejects. A browser without the
 * Storage API, or one that throws, gives "unsupported" and no notice is shown.
 */
export function askToPersist(): Promise<PersistenceResult> {
  asking ??= ask()
    .catch((): PersistenceState => ({ result: "unsupported", noticeDismissed: false }))
    .then((next) => {
      setState(next);
      return next.result ?? "unsupported";
    });
  return asking;
}

/** An external store for `useSyncExternalStore`: what the browser said, and whether the notice was hidden. */
export const persistenceStore = {
  subscribe: stateListeners.subscribe,
  getSnapshot(): PersistenceState {
    return state;
  },
};

/** For tests: forget what was asked on this page (the device's answer stays in the settings table). */
export function resetStoragePersistenceForTests(): void {
  asking = undefined;
  setState(INITIAL);
}

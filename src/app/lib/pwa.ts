import { runningInstalled } from "./display-mode";
import { flushAllDrafts } from "./save-before-update";
import { storageProblemStore } from "./storage-health";
import { listeners } from "./listeners";

/**
 * The installable, offline app (issue 6): registering the service worker (src/app/sw.ts), offering
 * a new version without ever reloading by itself, and the browser's "add to home screen" prompt.
 *
 * A new version waits (the worker never skips waiting on its own). Each open tab offers it with
 * "Update now" / "Later". "Update now" saves every open draft first (save-before-update.ts), then
 * tells the waiting worker to take over, and reloads only once it controls the page. Other tabs
 * are not reloaded: they keep running the old code, which is safe because it is already loaded,
 * and offer "Reload this page to finish updating" instead.
 *
 * Updates are watched on the registration itself rather than through workbox-window's `waiting`
 * event, which stops following updates after the first one a page sees; a tab open for days with
 * hourly checks can see several.
 */

/** How often an open app asks the server whether there is a new version. */
export const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/**
 * What the update banner shows:
 * - `none`: nothing (no new version, or the person chose Later);
 * - `ready`: a new version is waiting (Update now / Later);
 * - `updating`: saving drafts, then waiting for the new version to take over this page;
 * - `not-saved`: a draft could not be saved on the device, or its save did not finish in time, so the update did not start;
 * - `reload`: another tab updated; this page still runs the old code until it is reloaded;
 * - `failed`: the new version did not take over in time; the page keeps working on this version.
 */
export type UpdateStatus = "none" | "ready" | "updating" | "not-saved" | "reload" | "failed";

/** How long "Update now" waits for the new version to take over before saying it did not work. */
export const UPDATE_TIMEOUT_MS = 10_000;

/** The parts of a ServiceWorker this module uses (tests pass a fake). */
export interface WorkerLike extends EventTarget {
  readonly state: string;
  postMessage(message: unknown): void;
}

/** The parts of a ServiceWorkerRegistration this module uses. */
export interface RegistrationLike extends EventTarget {
  readonly waiting: WorkerLike | null;
  readonly installing: WorkerLike | null;
  update(): Promise<unknown>;
}

/** The parts of navigator.serviceWorker this module uses. */
export interface ContainerLike extends EventTarget {
  readonly controller: unknown;
}

export interface UpdateEnvironment {
  container: ContainerLike;
  /** Reload the page (location.reload in the app). */
  reload: () => void;
  /** Whether a service worker controlled the page when it loaded (read before registering). */
  hadController?: boolean;
  document?: Document;
  checkEveryMs?: number;
  /** How long Update now waits for the new version to take over (tests shorten it). */
  timeoutMs?: number;
}

let status: UpdateStatus = "none";
const updateListeners = listeners();

function setStatus(next: UpdateStatus): void {
  if (next === status) return;
  status = next;
  updateListeners.notify();
}

/** An external store for `useSyncExternalStore`: what the update banner shows. */
export const updateStore = {
  subscribe: updateListeners.subscribe,
  getSnapshot(): UpdateStatus {
    return status;
  },
};

interface UpdateActions {
  apply(): Promise<void>;
  dismiss(): void;
}

let actions: UpdateActions | undefined;

/** "Update now" (or "Reload now"): save every open draft, then take the new version. Never rejects. */
export function applyUpdate(): Promise<void> {
  return actions?.apply() ?? Promise.resolve();
}

/** "Later": hide the banner until the next visit, or until a newer version is found. */
export function dismissUpdate(): void {
  actions?.dismiss();
}

/**
 * Follow a registration for new versions and drive the update banner. Checks for a new version when
 * the page becomes visible and every hour. Returns a function that stops it all.
 */
export function watchForUpdates(registration: RegistrationLike, environment: UpdateEnvironment): () => void {
  const { container, reload, document: doc = document, checkEveryMs = UPDATE_CHECK_INTERVAL_MS, timeoutMs = UPDATE_TIMEOUT_MS } = environment;
  // A page with no controller is on its first visit: the first worker claiming it is no update.
  let hadController = environment.hadController ?? container.controller != null;
  /** The new version on offer. */
  let offered: WorkerLike | undefined;
  /** The version the person said Later to. */
  let dismissed: WorkerLike | undefined;
  /** Another tab updated: this page's job is only to reload. */
  let updatedElsewhere = false;
  let reloadDismissed = false;
  /** This page asked the new version to take over, so it reloads when it does. */
  let asked = false;
  let giveUp: ReturnType<typeof setTimeout> | undefined;

  const offer = (worker: WorkerLike) => {
    // A worker waiting while no version controls this page is the first install, not a new
    // version: the first visit shows nothing (it takes over by itself, see sw.ts clientsClaim).
    if (container.controller == null) return;
    offered = worker;
    if (worker === dismissed || status === "updating" || status === "reload") return;
    setStatus("ready");
  };

  const follow = (worker: WorkerLike | null) => {
    if (!worker) return;
    const onStateChange = () => {
      if (worker.state === "installed" && registration.waiting === worker) offer(worker);
      if (worker.state === "redundant") {
        worker.removeEventListener("statechange", onStateChange);
        // Replaced by a newer version before anyone took it: nothing to offer until that one is ready.
        if (worker === offered && status === "ready") setStatus("none");
      }
    };
    worker.addEventListener("statechange", onStateChange);
  };

  const onUpdateFound = () => follow(registration.installing);

  const onControllerChange = () => {
    // Only once the new version controls this page: the reload then gets the new app shell.
    if (asked) {
      clearTimeout(giveUp);
      reload();
      return;
    }
    if (!hadController) {
      hadController = true;
      return;
    }
    updatedElsewhere = true;
    if (!reloadDismissed) setStatus("reload");
  };

  const check = () => {
    registration.update().catch(() => {
      // Offline, or the server is away: the next check tries again.
    });
  };
  const onVisibilityChange = () => {
    if (doc.visibilityState === "visible") check();
  };

  actions = {
    async apply() {
      if (status === "updating") return;
      if (status === "failed") {
        // Try again from the start: the worker may have been replaced or gone in the meantime.
        asked = false;
      }
      const worker = offered ?? registration.waiting;
      if (!updatedElsewhere && !worker) {
        setStatus("none");
        return;
      }
      setStatus("updating");
      const saved = await flushAllDrafts();
      // A save that failed, or one still running, keeps the words only in this page: a reload would lose them.
      if (!saved || storageProblemStore.getSnapshot() !== "none") {
        setStatus("not-saved");
        return;
      }
      if (updatedElsewhere) {
        reload();
        return;
      }
      if (!worker || worker.state === "redundant") {
        setStatus("failed");
        return;
      }
      asked = true;
      worker.postMessage({ type: "SKIP_WAITING" });
      // A worker that never takes over (already replaced, or the browser refused) must not leave
      // "Updating Speak Up" on screen for ever: say so, and keep this version working.
      clearTimeout(giveUp);
      giveUp = setTimeout(() => {
        if (status !== "updating") return;
        asked = false;
        setStatus("failed");
      }, timeoutMs);
    },
    dismiss() {
      if (updatedElsewhere) reloadDismissed = true;
      else dismissed = offered;
      setStatus("none");
    },
  };

  if (registration.waiting) offer(registration.waiting);
  follow(registration.installing);
  registration.addEventListener("updatefound", onUpdateFound);
  container.addEventListener("controllerchange", onControllerChange);
  doc.addEventListener("visibilitychange", onVisibilityChange);
  const timer = setInterval(check, checkEveryMs);

  return () => {
    registration.removeEventListener("updatefound", onUpdateFound);
    container.removeEventListener("controllerchange", onControllerChange);
    doc.removeEventListener("visibilitychange", onVisibilityChange);
    clearInterval(timer);
    clearTimeout(giveUp);
    actions = undefined;
    setStatus("none");
  };
}

/**
 * Register the service worker (with workbox-window) so the app opens offline after one visit, and
 * watch for new versions. Registration waits for the page's load event so it never competes with
 * the first paint. Not in development: the Vite dev server builds no service worker.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const container = navigator.serviceWorker;
  // Read now: on a first visit the new worker may claim the page before registration resolves.
  const hadController = container.controller !== null;
  // Loaded here rather than with the page: registering waits for the load event anyway.
  import("workbox-window")
    .then(({ Workbox }) => new Workbox("/sw.js", { scope: "/" }).register())
    .then((registration) => {
      if (registration) watchForUpdates(registration, { container, hadController, reload: () => window.location.reload() });
    })
    .catch(() => {
      // No service worker (blocked, private mode): the app still works while online.
    });
}

/** Chromium's install prompt event (not in TypeScript's DOM lib). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: "accepted" | "dismissed" }>;
}

let installPrompt: BeforeInstallPromptEvent | undefined;
/** Hidden for this visit only: kept in memory, never stored. */
let installHintDismissed = false;
const installListeners = listeners();
const notifyInstall = installListeners.notify;

/** An external store for `useSyncExternalStore`: whether to show "Add Speak Up to your home screen". */
export const installHintStore = {
  subscribe: installListeners.subscribe,
  getSnapshot(): boolean {
    return installPrompt !== undefined && !installHintDismissed && !runningInstalled();
  },
};

/**
 * Keep the browser's install prompt (where it offers one: Chromium browsers) for the hint's
 * "Add to home screen" button, instead of the browser's own banner. Returns a stop function.
 */
export function listenForInstallPrompt(target: Window = window): () => void {
  const onBeforeInstallPrompt = (event: Event) => {
    event.preventDefault();
    installPrompt = event as BeforeInstallPromptEvent;
    notifyInstall();
  };
  const onInstalled = () => {
    installPrompt = undefined;
    notifyInstall();
  };
  target.addEventListener("beforeinstallprompt", onBeforeInstallPrompt);
  target.addEventListener("appinstalled", onInstalled);
  return () => {
    target.removeEventListener("beforeinstallprompt", onBeforeInstallPrompt);
    target.removeEventListener("appinstalled", onInstalled);
    installPrompt = undefined;
    installHintDismissed = false;
    notifyInstall();
  };
}

/** "Add to home screen": show the browser's prompt. It can be shown once, so the hint goes either way. */
export async function promptInstall(): Promise<"accepted" | "dismissed" | "unavailable"> {
  const event = installPrompt;
  if (!event) return "unavailable";
  installPrompt = undefined;
  notifyInstall();
  try {
    await event.prompt();
    return (await event.userChoice).outcome;
  } catch {
    return "unavailable";
  }
}

/** "Not now" on the hint: hidden until the next visit. */
export function dismissInstallHint(): void {
  installHintDismissed = true;
  notifyInstall();
}

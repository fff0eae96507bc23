import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from "workbox-precaching";
import { ExpirationPlugin } from "workbox-expiration";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { CacheFirst } from "workbox-strategies";
import { isLanguageFile, LANGUAGE_CACHE } from "./lib/language-cache";
import { drainForBackgroundSync, OUTBOX_SYNC_TAG } from "./lib/outbox-sender";

/**
 * The service worker (issue 6): the app opens with no network after one visit, waiting sends go
 * out when the phone is back online, and a new version waits until the person says so.
 * Built by vite-plugin-pwa (injectManifest), which puts the list of files to keep in place of
 * `self.__WB_MANIFEST`: the app shell, all JS and CSS (English is bundled in the JS), the
 * council settings, the icons and the manifest (globPatterns in vite.config.ts). Other languages'
 * words and the Tigrinya font are not precached (nobody should download six languages): they are
 * kept the first time they are fetched (docs/decisions/013-languages-load-and-cache.md).
 */

/** Background Sync is not in TypeScript's WebWorker lib yet (Chromium-only API). */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

// Pre-rendered pages are found by address: `/` is index.html (directoryIndex) and `/what-happens`
// is what-happens.html (cleanURLs), so they open offline exactly as they were drawn at build time.
precacheAndRoute(self.__WB_MANIFEST, { directoryIndex: "index.html", cleanURLs: true });
// A new version's activate step deletes caches left by older Workbox versions.
cleanupOutdatedCaches();

// Every other page address is the shell (the layout around "Loading…"; the router draws the page).
// /api/ is never answered from a cache: nothing registers a route for it, so it always goes to
// the network. Nor is the staff area (/staff, issue 12): its pages and files always come from the
// server, and none of them is in the precache.
registerRoute(new NavigationRoute(createHandlerBoundToURL("/shell.html"), { denylist: [/^\/api\//, /^\/staff(\/|$)/] }));

// A language's words and font: file names carry a hash, so a kept copy is never out of date; old
// versions' files drop out once there are more than the newest few languages' worth.
registerRoute(
  ({ url }) => url.origin === self.location.origin && isLanguageFile(url.pathname),
  new CacheFirst({ cacheName: LANGUAGE_CACHE, plugins: [new ExpirationPlugin({ maxEntries: 150, purgeOnQuotaError: true })] }),
);

// On the very first install there is no older version, so the new worker takes the open page
// straight away (it then works offline without a reload). Updates still wait: see SKIP_WAITING.
clientsClaim();

// Never skip waiting on our own: a page may hold a half-typed form. The page asks, after it has
// saved every open draft (lib/pwa.ts, "Update now").
self.addEventListener("message", (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === "SKIP_WAITING") void self.skipWaiting();
});

self.addEventListener("sync", (event: Event) => {
  const sync = event as SyncEvent;
  // Rejects while something still waits, so the browser tries the sync again later.
  if (sync.tag === OUTBOX_SYNC_TAG) sync.waitUntil(drainForBackgroundSync());
});

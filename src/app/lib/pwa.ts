import { registerSW } from "virtual:pwa-register";

/**
 * Register the service worker (workbox-window under vite-plugin-pwa) so the app opens offline after
 * one visit. Registration waits for load so it never competes with the first paint.
 */
export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  registerSW({ immediate: false });
}

/**
 * Keeps a chosen language's files for offline use. The service worker keeps every file it serves
 * from /assets/locale-… (and the Tigrinya font) in the "speak-up-languages" cache (sw.ts), but on a
 * first visit the worker may not control the page yet when the language is chosen, so the page
 * puts the files it has just fetched into that cache itself
 * (docs/decisions/013-languages-load-and-cache.md).
 */
export const LANGUAGE_CACHE = "speak-up-languages";

/** Is `pathname` one of the files a language brings (its words, its font)? */
export function isLanguageFile(pathname: string): boolean {
  return /^\/assets\/(locale-|noto-sans-ethiopic-)/.test(pathname);
}

export async function keepLanguageFiles(code: string): Promise<void> {
  if (typeof caches === "undefined" || typeof performance === "undefined") return;
  const urls = performance
    .getEntriesByType("resource")
    .map((entry) => new URL(entry.name, location.href))
    .filter((url) => url.origin === location.origin && isLanguageFile(url.pathname))
    .filter(
      (url) =>
        url.pathname.startsWith(`/assets/locale-${code}-`) ||
        url.pathname.startsWith("/assets/locale-pseudo") ||
        url.pathname.startsWith("/assets/noto-sans-ethiopic-"),
    )
    .map((url) => url.pathname);
  const cache = await caches.open(LANGUAGE_CACHE);
  const missing: string[] = [];
  for (const url of new Set(urls)) if (!(await cache.match(url))) missing.push(url);
  if (missing.length > 0) await cache.addAll(missing);
}

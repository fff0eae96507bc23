import type { i18n } from "i18next";
import { ENGLISH, languageInfo, PSEUDO, rememberLanguage, showLanguage } from "./languages";

/**
 * The words of every language but English, one chunk per language and namespace
 * (`assets/locale-<code>-<namespace>-<hash>.js`, named in vite.config.ts), fetched only for the
 * language chosen, and changing language. This module itself is loaded only once a language other
 * than English is chosen (or the picker is pressed), so the first page carries none of it
 * (docs/decisions/013-languages-load-and-cache.md).
 */

type Words = Record<string, unknown>;

const files = import.meta.glob<Words>(["../../../locales/*/*.json", "!../../../locales/en-GB/*.json", "!../../../locales/*/_meta.json"], {
  import: "default",
});
const metas = import.meta.glob<LanguageMeta>("../../../locales/*/_meta.json", { import: "default" });

/** locales/<code>/_meta.json: whether someone who speaks the language natively has checked it. */
export interface LanguageMeta {
  reviewed: boolean;
  reviewer: string | null;
  reviewedOn: string | null;
}

const path = (code: string, file: string) => `../../../locales/${code}/${file}.json`;

/** One namespace of `code`, or `undefined` when that file does not exist yet (English shows instead). */
export async function loadNamespace(code: string, namespace: string): Promise<Words | undefined> {
  if (import.meta.env.VITE_PSEUDO_LOCALES === "1" && code === PSEUDO) {
    const { pseudoNamespace } = await import("./pseudo-locale");
    return pseudoNamespace(namespace);
  }
  const load = files[path(code, namespace)];
  return load ? load() : undefined;
}

export async function loadMeta(code: string): Promise<LanguageMeta | undefined> {
  if (import.meta.env.VITE_PSEUDO_LOCALES === "1" && code === PSEUDO) return { reviewed: false, reviewer: null, reviewedOn: null };
  const load = metas[path(code, "_meta")];
  return load ? load() : undefined;
}

/** Downloads in progress or done, per i18next instance, so each file is fetched once. */
const loading = new WeakMap<i18n, Map<string, Promise<void>>>();

/** The namespaces whose English words `instance` holds so far: the ones this visit has shown. */
function namespacesShown(instance: i18n): string[] {
  return Object.keys((instance.store.data[ENGLISH] as Record<string, unknown> | undefined) ?? {});
}

/** Every namespace `code` has a file for (for the pseudo-languages, every English one). */
function namespacesOf(code: string): string[] {
  if (import.meta.env.VITE_PSEUDO_LOCALES === "1" && code === PSEUDO)
    return [
      "check",
      "common",
      "complaints",
      "confirmation",
      "drafts",
      "eligibility",
      "info",
      "language",
      "pwa",
      "settings",
      "start",
      "storage",
      "timeline",
      "validation",
      "wizard",
    ];
  const prefix = `../../../locales/${code}/`;
  return Object.keys(files)
    .filter((key) => key.startsWith(prefix))
    .map((key) => key.slice(prefix.length, -".json".length));
}

/**
 * `code`'s words for `namespaces` (by default, the ones English has so far), added to `instance`,
 * each file fetched once. A namespace not translated yet is left to English (fallbackLng); a
 * failed download (offline) throws, and is tried again next time.
 */
export function loadLanguageWords(code: string, instance: i18n, namespaces: readonly string[] = namespacesShown(instance)): Promise<void> {
  // A script phones often lack comes with the words (fonts.ts); the words never wait for it.
  if (languageInfo(code).font === "ethiopic") void import("./fonts").then((fonts) => fonts.loadEthiopicFont()).catch(() => undefined);
  let loaded = loading.get(instance);
  if (!loaded) {
    loaded = new Map();
    loading.set(instance, loaded);
  }
  const started = loaded;
  return Promise.all(
    namespaces.map((namespace) => {
      const add = async () => {
        const words = await loadNamespace(code, namespace);
        if (words) instance.addResourceBundle(code, namespace, words, true, true);
      };
      const key = `${code}/${namespace}`;
      let pending = started.get(key);
      if (!pending) {
        pending = add().catch((error: unknown) => {
          started.delete(key);
          throw error;
        });
        started.set(key, pending);
      }
      return pending;
    }),
  ).then(() => undefined);
}

/**
 * Change the language on screen and remember it on this device: fetches the new language's words
 * for everything this visit has shown, switches, then fetches the rest of that language in the
 * background so every page works offline.
 */
export async function changeLanguage(code: string, instance: i18n): Promise<void> {
  const target = languageInfo(code).code;
  if (target !== ENGLISH) await loadLanguageWords(target, instance);
  rememberLanguage(target);
  await instance.changeLanguage(target);
  showLanguage(target);
  keepForOffline(target, instance);
}

/** Fetch every namespace of `code` and keep its files for offline use (lib/language-cache.ts). */
export function keepForOffline(code: string, instance: i18n): void {
  if (code === ENGLISH) return;
  void loadLanguageWords(code, instance, namespacesOf(code))
    .then(() => import("./language-cache"))
    .then(({ keepLanguageFiles }) => keepLanguageFiles(code))
    .catch(() => {
      // Offline now: tried again on the next visit.
    });
}

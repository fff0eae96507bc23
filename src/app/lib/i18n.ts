import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import common from "../../../locales/en-GB/common.json";
import start from "../../../locales/en-GB/start.json";
import storage from "../../../locales/en-GB/storage.json";
import { ENGLISH, languageInfo, showLanguage } from "./languages";

/**
 * English defines the keys (style.md rule 7). The words every page's layout and the start and
 * help pages need come with the app; the rest (the questions, Check your answers, Your
 * complaints…) come in one chunk with the first page that needs them (`loadLaterWords`, called
 * by router.tsx), so the start page downloads less (issue 9). Other languages' words are fetched
 * only for the language chosen, per namespace (language-words.ts; issue 14).
 */
export const firstWords = { common, start, storage } as const;

export const defaultNamespace = "common";

/** The words that come later, by group: the help pages' own, and everything else. */
const LATER_WORDS = {
  info: () => import("./info-words").then((module) => module.infoWords),
  all: () =>
    Promise.all([import("./later-words"), import("./info-words"), import("../../../locales/en-GB/pwa.json")]).then(([later, info, pwa]) => ({
      ...later.laterWords,
      ...info.infoWords,
      pwa: pwa.default,
    })),
  /** A new version, add to home screen: loaded with those messages, after the page is on screen (components/layout.tsx). */
  pwa: () => import("../../../locales/en-GB/pwa.json").then((module) => ({ pwa: module.default })),
  /** The language picker's and the "not checked yet" notice's, loaded with them (components/layout.tsx). */
  language: () => import("../../../locales/en-GB/language.json").then((module) => ({ language: module.default })),
} satisfies Record<string, () => Promise<Record<string, object>>>;

export type WordsGroup = keyof typeof LATER_WORDS;

const loading = new Map<WordsGroup, Promise<void>>();

/**
 * The language on screen's own words for the namespaces English has (language-words.ts, fetched
 * only once a language other than English is chosen). A failed download throws.
 */
function loadOwnWords(instance: i18n): Promise<void> {
  const code = instance.language;
  if (code === ENGLISH) return Promise.resolve();
  return import("./language-words").then((module) => module.loadLanguageWords(code, instance));
}

/**
 * Add a group of words to `instance` (set up by initI18n first), in English and then in the
 * language on screen. Each group is downloaded once; a failed download (offline before the first
 * visit finished) is tried again next time.
 */
export function loadLaterWords(group: WordsGroup = "all", instance: i18n = i18next): Promise<void> {
  const add = async () => {
    const words = await LATER_WORDS[group]();
    for (const [namespace, resources] of Object.entries(words)) instance.addResourceBundle(ENGLISH, namespace, resources, true, false);
  };
  if (instance !== i18next) return add().then(() => loadOwnWords(instance));
  let pending = loading.get(group);
  if (!pending) {
    pending = add().catch((error: unknown) => {
      loading.delete(group);
      throw error;
    });
    loading.set(group, pending);
  }
  return pending.then(() => loadOwnWords(instance));
}

/** Not HTML escaping (React escapes): direction isolation, only where the page is right to left. */
export function isolateInRtl(value: string): string {
  return typeof document !== "undefined" && document.documentElement.dir === "rtl" ? `\u2068${value}\u2069` : value;
}

/** How every i18next instance is set up, in the browser and in the pre-renderer alike (one set of words, one config). */
export function i18nOptions(language: string = ENGLISH, words: Record<string, object> = firstWords) {
  return {
    resources: { [ENGLISH]: words },
    lng: language,
    fallbackLng: ENGLISH,
    // Codes exactly as in locales/languages.json ("en-GB", "ar").
    load: "currentOnly",
    defaultNS: defaultNamespace,
    ns: Object.keys(words),
    // In a right-to-left page each value ({{reference}}, {{phone}}, a council's English name, an
    // email) is a bidi isolate (U+2068…U+2069), so it keeps its own order inside the sentence.
    interpolation: { escapeValue: true, escape: isolateInRtl },
    returnNull: false,
  } as const;
}

/**
 * Start i18next in `language` (English words come with the app; another language's first words
 * are fetched before anything is drawn) and set the document's language and direction to match.
 * Offline before that language's words were ever fetched: English, rather than nothing.
 */
export async function initI18n(language: string = ENGLISH, instance: i18n = i18next): Promise<i18n> {
  await instance.use(initReactI18next).init(i18nOptions(languageInfo(language).code));
  await loadOwnWords(instance).catch(() => instance.changeLanguage(ENGLISH));
  showLanguage(instance.language);
  return instance;
}

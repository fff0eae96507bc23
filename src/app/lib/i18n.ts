import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import common from "../../../locales/en-GB/common.json";
import pwa from "../../../locales/en-GB/pwa.json";
import start from "../../../locales/en-GB/start.json";
import storage from "../../../locales/en-GB/storage.json";

/**
 * English defines the keys (style.md rule 7). The words every page's layout and the start and
 * help pages need come with the app; the rest (the questions, Check your answers, Your
 * complaints…) come in one chunk with the first page that needs them (`loadLaterWords`, called
 * by router.tsx), so the start page downloads less (issue 9).
 */
export const firstWords = { common, start, pwa, storage } as const;

export const defaultNamespace = "common";
export const supportedLanguages = ["en-GB"] as const;
export type Language = (typeof supportedLanguages)[number];

/** The words that come later, by group: the help pages' own, and everything else. */
const LATER_WORDS = {
  info: () => import("./info-words").then((module) => module.infoWords),
  all: () => Promise.all([import("./later-words"), import("./info-words")]).then(([later, info]) => ({ ...later.laterWords, ...info.infoWords })),
} satisfies Record<string, () => Promise<Record<string, object>>>;

export type WordsGroup = keyof typeof LATER_WORDS;

const loading = new Map<WordsGroup, Promise<void>>();

/**
 * Add a group of words to `instance` (set up by initI18n first). Each group is downloaded once;
 * a failed download (offline before the first visit finished) is tried again next time.
 */
export function loadLaterWords(group: WordsGroup = "all", instance: i18n = i18next): Promise<void> {
  const add = async () => {
    const words = await LATER_WORDS[group]();
    for (const [namespace, resources] of Object.entries(words)) instance.addResourceBundle("en-GB", namespace, resources, true, false);
  };
  if (instance !== i18next) return add();
  let pending = loading.get(group);
  if (!pending) {
    pending = add().catch((error: unknown) => {
      loading.delete(group);
      throw error;
    });
    loading.set(group, pending);
  }
  return pending;
}

/** How every i18next instance is set up, in the browser and in the pre-renderer alike (one set of words, one config). */
export function i18nOptions(language: Language = "en-GB", words: Record<string, object> = firstWords) {
  return {
    resources: { [language]: words },
    lng: language,
    fallbackLng: "en-GB",
    defaultNS: defaultNamespace,
    ns: Object.keys(words),
    interpolation: { escapeValue: false },
    returnNull: false,
  } as const;
}

/** Start i18next and set the document's language and direction to match. */
export async function initI18n(language: Language = "en-GB", instance: i18n = i18next): Promise<i18n> {
  await instance.use(initReactI18next).init(i18nOptions(language));
  document.documentElement.lang = instance.language;
  document.documentElement.dir = instance.dir(instance.language);
  return instance;
}

import { languages } from "../../../locales/languages.json";
import { DEVICE_KEYS } from "./storage-keys";

/**
 * The languages Speak Up knows (locales/languages.json), and which one this device uses
 * (docs/decisions/013-languages-load-and-cache.md). Part of the first page, so kept tiny: no
 * words here, only names, directions and the Intl locale each language formats dates with.
 */
export interface LanguageInfo {
  /** The folder under locales/ and the i18next language code. */
  code: string;
  /** The language in its own name, as the picker shows it. */
  name: string;
  dir: "ltr" | "rtl";
  /** A script phones often lack, self-hosted and loaded only with this language (fonts.ts). */
  font?: "ethiopic";
  /** Offered in the picker: only once locales/<code>/ is complete (locales.test.ts). */
  registered: boolean;
  /** A generated test language (never in a real build): see pseudo-locale.ts. */
  pseudo?: boolean;
}

export const ENGLISH = "en-GB";

/** The accented, lengthened pseudo-language (pseudo-text.ts). */
export const PSEUDO = "en-XA";

/** Pseudo-languages exist only in a build made with VITE_PSEUDO_LOCALES=1 (the end-to-end build). */
const PSEUDO_LANGUAGES: LanguageInfo[] =
  import.meta.env.VITE_PSEUDO_LOCALES === "1"
    ? [
        // Android's pseudo-locale code: a valid language tag, so lang="en-XA" passes axe.
        { code: PSEUDO, name: "Ƥśéûđö", dir: "ltr", registered: true, pseudo: true },
      ]
    : [];

export const ALL_LANGUAGES: readonly LanguageInfo[] = [...(languages as LanguageInfo[]), ...PSEUDO_LANGUAGES];

/** The languages the picker offers, English first. */
export const availableLanguages: readonly LanguageInfo[] = ALL_LANGUAGES.filter((language) => language.registered);

export function languageInfo(code: string): LanguageInfo {
  return availableLanguages.find((language) => language.code === code) ?? (availableLanguages[0] as LanguageInfo);
}

/**
 * The first of the browser's preferred languages that Speak Up has ("fa-IR" finds "fa", "en-US"
 * finds English), or English.
 */
export function preferredLanguage(preferences: readonly string[]): string {
  const base = (code: string) => code.toLowerCase().split("-")[0];
  for (const preference of preferences) {
    const found = availableLanguages.find((language) => base(language.code) === base(preference));
    if (found) return found.code;
  }
  return ENGLISH;
}

/** Where the choice is kept on this device: read before the first render, so localStorage. */
export const LANGUAGE_STORAGE_KEY = DEVICE_KEYS.language;

/** The language chosen on this device, else the browser's preferred one Speak Up has. */
export function chosenLanguage(): string {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // Storage blocked: the browser's preference, every visit.
  }
  if (stored && availableLanguages.some((language) => language.code === stored)) return stored;
  return preferredLanguage(typeof navigator === "undefined" ? [] : (navigator.languages ?? [navigator.language]));
}

export function rememberLanguage(code: string): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, code);
  } catch {
    // Not kept: the picker still changes this visit.
  }
}

/**
 * `<html lang dir>` for the language on screen (its font comes with its words: language-words.ts).
 * Only what differs is written: any write, even of the same value, has the browser work out every
 * element's style again (a 16 ms task when the app started on a pre-rendered English page).
 */
export function showLanguage(code: string): void {
  const info = languageInfo(code);
  const html = document.documentElement;
  if (html.lang !== info.code) html.lang = info.code;
  if (html.dir !== info.dir) html.dir = info.dir;
}

/**
 * The Intl locale dates are written in for `code`: always the Gregorian calendar (Persian and
 * Pashto default to the Solar Hijri one, which a council letter never uses).
 */
export function intlLocale(code: string): string {
  return code === ENGLISH ? ENGLISH : `${code}-u-ca-gregory`;
}

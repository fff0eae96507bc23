import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import check from "../../../locales/en-GB/check.json";
import common from "../../../locales/en-GB/common.json";
import complaints from "../../../locales/en-GB/complaints.json";
import confirmation from "../../../locales/en-GB/confirmation.json";
import drafts from "../../../locales/en-GB/drafts.json";
import eligibility from "../../../locales/en-GB/eligibility.json";
import info from "../../../locales/en-GB/info.json";
import pwa from "../../../locales/en-GB/pwa.json";
import settings from "../../../locales/en-GB/settings.json";
import start from "../../../locales/en-GB/start.json";
import storage from "../../../locales/en-GB/storage.json";
import timeline from "../../../locales/en-GB/timeline.json";
import validation from "../../../locales/en-GB/validation.json";
import wizard from "../../../locales/en-GB/wizard.json";

/** English defines the keys (style.md rule 7); other languages add a folder with the same files. */
export const resources = {
  "en-GB": { common, start, wizard, check, confirmation, validation, info, eligibility, timeline, drafts, storage, settings, complaints, pwa },
} as const;

export const defaultNamespace = "common";
export const supportedLanguages = Object.keys(resources) as Array<keyof typeof resources>;

/** Start i18next and set the document's language and direction to match. */
export async function initI18n(language: keyof typeof resources = "en-GB", instance: i18n = i18next): Promise<i18n> {
  await instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: "en-GB",
    defaultNS: defaultNamespace,
    ns: Object.keys(resources["en-GB"]),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = instance.language;
  document.documentElement.dir = instance.dir(instance.language);
  return instance;
}

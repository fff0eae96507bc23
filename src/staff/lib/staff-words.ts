import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import common from "../../../locales/en-GB/common.json";
import staff from "../../../locales/en-GB/staff.json";
import validation from "../../../locales/en-GB/validation.json";

/**
 * The staff area's words: its own namespace (locales/en-GB/staff.json), loaded only by this
 * bundle, plus `common` (the shared error summary and form fields use it) and `validation` (the
 * API names shape problems with its keys).
 */
export const staffWords = { staff, common, validation } as const;

export async function initStaffI18n(instance: i18n = i18next): Promise<i18n> {
  await instance.use(initReactI18next).init({
    resources: { "en-GB": staffWords },
    lng: "en-GB",
    fallbackLng: "en-GB",
    defaultNS: "staff",
    ns: Object.keys(staffWords),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = instance.language;
  return instance;
}

/** Component tests: add the staff words to the instance the jsdom setup made. */
export function addStaffWords(instance: i18n = i18next): void {
  for (const [namespace, resources] of Object.entries(staffWords)) instance.addResourceBundle("en-GB", namespace, resources, true, false);
}

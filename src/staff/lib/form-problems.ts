import type { i18n, TFunction } from "i18next";
import type { StaffApiError } from "./staff-api";

/** One error per field, with the message the page shows (GOV.UK error summary and field errors). */
export type FieldErrors = Record<string, string>;

/** The words for an API problem key (`staff:problems.…`, `validation:…`), or a general one for a key this page does not know. */
export function problemText(t: TFunction, i18nInstance: i18n, key: string): string {
  return i18nInstance.exists(key) ? t(key) : t("staff:problems.fieldGeneric");
}

/**
 * Turn an API error into field errors for the fields this form has; anything else (a field the form
 * does not show, or no field at all) goes on `fallbackField` with `fallbackKey`'s words.
 */
export function errorsFromApi(
  error: StaffApiError,
  formFields: readonly string[],
  fallbackField: string,
  t: TFunction,
  i18nInstance: i18n,
  fallbackKey: string,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of error.fields) {
    const field = formFields.includes(problem.field) ? problem.field : fallbackField;
    errors[field] ??= problemText(t, i18nInstance, problem.key);
  }
  if (Object.keys(errors).length === 0) errors[fallbackField] = t(fallbackKey);
  return errors;
}

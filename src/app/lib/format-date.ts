/**
 * "Thursday 17 December 2026": the GOV.UK date style, in the reader's language. Built from parts
 * because ICU versions differ on punctuation ("Thursday, 17 December" in some browsers).
 * ISO dates are calendar dates, so they are formatted in UTC.
 */
export function formatLongDate(isoDate: string, language: string): string {
  const parts = new Intl.DateTimeFormat(language, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).formatToParts(new Date(`${isoDate}T00:00:00Z`));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")} ${part("year")}`;
}

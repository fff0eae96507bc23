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

/**
 * An instant ("2026-12-17T15:45:00.000Z") as the calendar and clock read in London, in the GOV.UK
 * style: date "17 December 2026" and time "3:45pm". Returned apart so the sentence around them
 * ("Last changed {{date}} at {{time}}") is in the locale files. `hourCycle: "h12"` because
 * `hour12` gives "0:05 pm" in en-GB.
 */
export function formatDateTime(instant: string, language: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat(language, {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    hourCycle: "h12",
    timeZone: "Europe/London",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    date: `${part("day")} ${part("month")} ${part("year")}`,
    time: `${part("hour")}:${part("minute")}${part("dayPeriod").toLowerCase()}`,
  };
}

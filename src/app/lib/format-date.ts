import { ENGLISH, intlLocale } from "./languages";

/**
 * "Thursday 17 December 2026": the GOV.UK date style, in the reader's language. English is built
 * from parts because ICU versions differ on punctuation ("Thursday, 17 December" in some
 * browsers); other languages use Intl's own order, always in the Gregorian calendar.
 * ISO dates are calendar dates, so they are formatted in UTC.
 */
export function formatLongDate(isoDate: string, language: string): string {
  const format = new Intl.DateTimeFormat(intlLocale(language), {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const day = new Date(`${isoDate}T00:00:00Z`);
  // Other languages: their own order and punctuation, in the Gregorian calendar (languages.ts).
  if (language !== ENGLISH) return format.format(day);
  const parts = format.formatToParts(day);
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
  if (language !== ENGLISH) {
    const at = new Date(instant);
    const locale = intlLocale(language);
    return {
      date: new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" }).format(at),
      time: new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone: "Europe/London" }).format(at),
    };
  }
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

import { ENGLISH, intlLocale } from "./languages";

const ENGLISH_WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
const ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;

/**
 * One Intl.DateTimeFormat per language and style: making one costs far more than using it (a few
 * milliseconds each on a cheap phone, and a page shows several dates), so each is made once.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/**
 * "Thursday 17 December 2026": the GOV.UK date style, in the reader's language. English is put
 * together here, without Intl: ICU versions differ on punctuation ("Thursday, 17 December" in some
 * browsers), and What happens after I complain draws four dates while it is hydrated, when making
 * a DateTimeFormat was most of the page's blocking time (issue 9). Other languages use Intl's own
 * order, always in the Gregorian calendar. ISO dates are calendar dates, so they are read in UTC.
 */
export function formatLongDate(isoDate: string, language: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`);
  if (language === ENGLISH && !Number.isNaN(day.getTime())) {
    return `${ENGLISH_WEEKDAYS[day.getUTCDay()]} ${day.getUTCDate()} ${ENGLISH_MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
  }
  // Other languages: their own order and punctuation, in the Gregorian calendar (languages.ts).
  return dateTimeFormat(intlLocale(language), { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(day);
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
      date: dateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" }).format(at),
      time: dateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone: "Europe/London" }).format(at),
    };
  }
  const parts = dateTimeFormat(language, {
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
